/**
 * The web host: the same Station served to a browser on 127.0.0.1, for the e2e suite and for
 * development without Electron. It serves the built renderer plus a bridge script that defines `window.station`
 * over a WebSocket; every message goes through the same `dispatch` as Electron's IPC.
 *
 * Guards: binds 127.0.0.1 only; a random per-run token is required for the page and the WebSocket; the Host
 * header must name this host (DNS rebinding) and a WebSocket's Origin must be this host's own origin; static
 * files are resolved inside the renderer folder only; a strict CSP on every response.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { readFile, realpath, stat } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, resolve, sep } from 'node:path'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import type { Reply } from '../contract'
import { dispatch } from '../dispatch'
import type { Service } from '../core/services'
import type { Station } from '../core/station'
import type { ScannerHub } from '../devices/scanner-hub'
import { BRIDGE_PATH, SOCKET_PATH } from './bridge'
import { PageWedge, parseForwardedKey } from './wedge'
import { stationCsp } from '../csp'

export interface WebHostOptions {
  station: Station
  /** TCP port on 127.0.0.1; 0 picks any free port. */
  port: number
  /** Folder of the built renderer (`out/renderer`), holding index.html. */
  rendererDir: string
  /**
   * The scanner hub (devices/hub-options.ts `startScannerHub`): each page connection gets its own keyboard-wedge
   * session fed from the page's key events (see wedge.ts). Without it the bridge forwards no keys.
   */
  scanners?: ScannerHub
}

/**
 * The web server as a host service: started after the Station and the scanner devices it serves, closed first.
 * `scanners` is read when it boots, so an optional scanner service that did not start leaves the pages without
 * a wedge rather than stopping the server.
 */
export class WebServerService implements Service {
  readonly name = 'web server'
  private started: WebHost | null = null

  constructor(private readonly options: () => WebHostOptions) {}

  async boot(): Promise<void> {
    this.started = await startWebHost(this.options())
  }

  async shutdown(): Promise<void> {
    const started = this.started
    this.started = null
    await started?.close()
  }

  get host(): WebHost {
    if (!this.started) throw new Error('The web server is not running')
    return this.started
  }
}

export interface WebHost {
  /** The page URL, token included: the one thing a browser needs to open the station. */
  url: string
  /** Origin (`http://127.0.0.1:<port>`) without the token. */
  origin: string
  token: string
  close(): Promise<void>
}

const HOST = '127.0.0.1'
/** A scan may carry MAX_SCAN_INPUT characters; JSON-escaped and UTF-8 encoded that stays well under this. */
const MAX_MESSAGE_BYTES = 8 * 1024 * 1024

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.ogg': 'audio/ogg',
  '.oga': 'audio/ogg',
  '.webm': 'video/webm',
}

export function contentSecurityPolicy(origin: string): string {
  return stationCsp([origin.replace(/^http/, 'ws')])
}

/** Constant-time token comparison (length leaks nothing useful: every token has the same length). */
function tokenMatches(candidate: string | null, token: string): boolean {
  if (candidate === null) return false
  const a = Buffer.from(candidate)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

/**
 * Puts the bridge script before the app's module script, so `window.station` exists when the app starts (module
 * scripts run in document order). The bridge is a module because the renderer build bundles it as one.
 */
export function injectBridge(html: string): string {
  const tag = `<script type="module" src="${BRIDGE_PATH}"></script>`
  const moduleScript = /<script\b[^>]*\btype=["']?module["']?[^>]*>/i.exec(html)
  if (moduleScript) return html.slice(0, moduleScript.index) + tag + '\n    ' + html.slice(moduleScript.index)
  return html.replace(/<\/head>/i, `  ${tag}\n  </head>`)
}

export async function startWebHost({ station, port, rendererDir, scanners }: WebHostOptions): Promise<WebHost> {
  const token = randomBytes(24).toString('base64url')
  const root = await realpath(resolve(rendererDir))
  let origin = '' // known once listening
  let host = ''
  let csp = ''

  const baseHeaders = (): Record<string, string> => ({
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  })

  const sendText = (res: ServerResponse, status: number, body: string): void => {
    res.writeHead(status, {
      ...baseHeaders(),
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'no-store',
    })
    res.end(body)
  }

  /** Resolves a URL path to a regular file inside the renderer folder, or null (missing, outside, not a file). */
  async function resolveStatic(pathname: string): Promise<string | null> {
    if (pathname.includes('\0') || pathname.includes('\\')) return null
    if (pathname.split('/').some((segment) => segment === '..' || segment === '.')) return null
    const candidate = resolve(root, '.' + pathname)
    if (!candidate.startsWith(root + sep)) return null
    try {
      // realpath so a symlink inside the folder cannot point outside it
      const real = await realpath(candidate)
      if (!real.startsWith(root + sep)) return null
      return (await stat(real)).isFile() ? real : null
    } catch {
      return null
    }
  }

  async function servePage(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (!tokenMatches(url.searchParams.get('token'), token))
      return sendText(res, 403, 'Forbidden: open the URL the web host printed')
    let html: string
    try {
      html = await readFile(resolve(root, 'index.html'), 'utf8')
    } catch {
      return sendText(res, 500, 'The renderer is not built: run `npx electron-vite build`')
    }
    const body = injectBridge(html)
    res.writeHead(200, { ...baseHeaders(), 'Content-Type': CONTENT_TYPES['.html']!, 'Cache-Control': 'no-store' })
    res.end(req.method === 'HEAD' ? undefined : body)
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.headers.host !== host) return sendText(res, 421, 'Misdirected request')
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD')
      return sendText(res, 405, 'Method not allowed')
    }
    let url: URL
    let pathname: string
    try {
      url = new URL(req.url ?? '/', origin)
      pathname = decodeURIComponent(url.pathname)
    } catch {
      return sendText(res, 400, 'Bad request')
    }
    if (pathname === '/' || pathname === '/index.html') return servePage(req, res, url)
    const file = await resolveStatic(pathname)
    if (file) {
      const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream'
      res.writeHead(200, { ...baseHeaders(), 'Content-Type': type, 'Cache-Control': 'no-cache' })
      if (req.method === 'HEAD') return void res.end()
      createReadStream(file)
        .on('error', () => res.destroy())
        .pipe(res)
      return
    }
    // Browsers ask for a favicon on their own; the app has none to give and that is not an error.
    if (pathname === '/favicon.ico') {
      res.writeHead(204, { ...baseHeaders(), 'Cache-Control': 'no-cache' })
      return void res.end()
    }
    // The renderer routes in the URL hash: any other path is simply not here.
    sendText(res, 404, 'Not found')
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      // The URL is not logged: a page request may carry the token.
      station.logger.error('web host request failed', err)
      if (!res.headersSent) sendText(res, 500, 'Internal error')
      else res.destroy()
    })
  })

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES })

  const refuseUpgrade = (socket: Duplex, status: string): void => {
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
  }

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy())
    let url: URL
    try {
      url = new URL(req.url ?? '/', origin)
    } catch {
      return refuseUpgrade(socket, '400 Bad Request')
    }
    if (req.headers.host !== host) return refuseUpgrade(socket, '421 Misdirected Request')
    if (url.pathname !== SOCKET_PATH) return refuseUpgrade(socket, '404 Not Found')
    if (req.headers.origin !== origin) return refuseUpgrade(socket, '403 Forbidden')
    if (!tokenMatches(url.searchParams.get('token'), token)) return refuseUpgrade(socket, '403 Forbidden')
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req))
  })

  const wedgeEnabled = (): boolean => scanners !== undefined && station.setting('scanner.wedge.enabled')
  let nextPage = 1
  let nextConnection = 1

  /** Each open connection's caller, so an event meant for one caller reaches that page only. */
  const callers = new WeakMap<WebSocket, string>()

  wss.on('connection', (ws: WebSocket) => {
    ws.on('error', () => ws.terminate())
    // Each connection signs in on its own; a reload is a new connection and starts signed out.
    const caller = `web:${nextConnection++}`
    callers.set(ws, caller)
    ws.on('close', () => station.endCaller(caller))
    // This page's keyboard wedge (wedge.ts): its releases go to this connection only.
    const wedge = scanners
      ? new PageWedge(scanners, `web${nextPage++}`, (reply) => {
          if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ wedge: reply }))
        })
      : null
    ws.on('close', () => wedge?.dispose())
    if (wedge) ws.send(JSON.stringify({ wedge: { enabled: wedgeEnabled() } }))
    ws.on('message', async (data, isBinary) => {
      let id: unknown = null
      let reply: Reply<unknown>
      try {
        if (isBinary) throw new Error('binary')
        const message: unknown = JSON.parse(data.toString())
        if (typeof message !== 'object' || message === null) throw new Error('not an object')
        if ('wedge' in message) {
          // A forwarded key event, or {wedge: {flush: true}} when the page lost focus: no reply of its own.
          // Handled before any await, so keys reach the detector in the order they were typed.
          const body = (message as { wedge: unknown }).wedge
          if (body && typeof body === 'object' && (body as { flush?: unknown }).flush === true) wedge?.flush()
          else if (body && typeof body === 'object' && typeof (body as { tick?: unknown }).tick === 'number')
            wedge?.tick((body as { tick: number }).tick)
          else {
            const key = parseForwardedKey(body)
            if (key && wedge) wedge.key(key)
          }
          return
        }
        const { id: messageId, method, input } = message as Record<string, unknown>
        if (typeof messageId !== 'number' && typeof messageId !== 'string') throw new Error('no id')
        id = messageId
        reply =
          typeof method === 'string'
            ? await dispatch(station, method, input, caller)
            : { ok: false, error: { code: 'unknown_method', message: 'A message needs a method name' } }
      } catch {
        reply = {
          ok: false,
          error: { code: 'invalid_argument', message: 'Malformed message: expected {id, method, input}' },
        }
      }
      ws.send(JSON.stringify({ id, reply }))
    })
  })

  const unsubscribeEvents = station.on((event, payload, to) => {
    const message = JSON.stringify({ event, payload })
    for (const client of wss.clients) {
      if (to !== undefined && callers.get(client) !== to) continue
      if (client.readyState === client.OPEN) client.send(message)
    }
  })
  const unsubscribeSettings = station.onSettingsChange((key) => {
    if (key !== 'scanner.wedge.enabled') return
    const message = JSON.stringify({ wedge: { enabled: wedgeEnabled() } })
    for (const client of wss.clients) {
      if (client.readyState === client.OPEN) client.send(message)
    }
  })
  const unsubscribe = (): void => {
    unsubscribeEvents()
    unsubscribeSettings()
  }

  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen)
    server.listen(port, HOST, () => {
      server.off('error', rejectListen)
      resolveListen()
    })
  })
  const address = server.address() as AddressInfo
  host = `${HOST}:${address.port}`
  origin = `http://${host}`
  csp = contentSecurityPolicy(origin)

  let closing: Promise<void> | null = null
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolveClose) => {
      unsubscribe()
      for (const client of wss.clients) client.terminate()
      wss.close()
      server.close(() => resolveClose())
      server.closeAllConnections()
    })
    return closing
  }

  return { url: `${origin}/?token=${token}`, origin, token, close }
}
