/**
 * The phone link's server: HTTPS and a WebSocket on the address an admin chose, for paired phones only.
 *
 * - The phone page is served to a request carrying the desk's current pairing secret (`?pair=`) or a paired
 *   phone's token cookie; anyone else gets 403. Its scripts, styles and the web app manifest are the built
 *   renderer's public files and hold nothing of the station.
 * - POST /pair {secret, name} pairs: the one-time secret is used up and the phone gets its token, as an
 *   HttpOnly, Secure, SameSite=Strict cookie it sends on every later request and on the WebSocket.
 * - The WebSocket (/phone-socket) takes a paired, unrevoked phone's scans; its Origin must be this origin. Every
 *   message is checked against the token again, so a revoked phone is refused at its next scan even before its
 *   connection is closed.
 */
import { createReadStream } from 'node:fs'
import { readFile, realpath, stat } from 'node:fs/promises'
import { createServer, type Server } from 'node:https'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, resolve, sep } from 'node:path'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type RawData, type WebSocket } from 'ws'
import type { PairedPhone } from '../contract'
import type { Station } from '../core/station'
import { stationCsp } from '../csp'
import type { LinkCertificate } from './certificate'

export const PHONE_PAGE = 'phone.html'
export const PHONE_SOCKET = '/phone-socket'
export const TOKEN_COOKIE = 'phone_token'
const MAX_MESSAGE_BYTES = 2 * 1024 * 1024
const MAX_PAIR_BODY = 4096

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
}

export interface PhoneLinkServer {
  origin: string
  close(): Promise<void>
  /** Closes every connection of a phone (it was revoked). */
  disconnect(phoneId: number): void
}

export interface PhoneLinkServerOptions {
  station: Station
  address: string
  port: number
  rendererDir: string
  certificate: LinkCertificate
}

function cookie(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=')
    if (key === name) return rest.join('=')
  }
  return null
}

export async function startPhoneLinkServer(options: PhoneLinkServerOptions): Promise<PhoneLinkServer> {
  const { station } = options
  const root = await realpath(resolve(options.rendererDir))
  const hostPart = options.address.includes(':') ? `[${options.address}]` : options.address
  let host = ''
  let origin = ''
  let csp = ''

  const headers = (type: string, cache = 'no-store'): Record<string, string> => ({
    'Content-Type': type,
    'Cache-Control': cache,
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Strict-Transport-Security': 'max-age=31536000',
  })
  const send = (res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void => {
    res.writeHead(status, headers(type))
    res.end(body)
  }

  const phoneOf = (req: IncomingMessage): PairedPhone | null => {
    const token = cookie(req, TOKEN_COOKIE)
    return token ? station.phoneByToken(token) : null
  }

  async function staticFile(pathname: string): Promise<string | null> {
    if (pathname.includes('\0') || pathname.includes('\\')) return null
    if (pathname.split('/').some((s) => s === '..' || s === '.')) return null
    // Only the page's own public files: the desk app's index.html is never served here.
    if (!pathname.startsWith('/assets/') && pathname !== '/phone.webmanifest' && pathname !== '/phone-icon.svg')
      return null
    const candidate = resolve(root, '.' + pathname)
    try {
      const real = await realpath(candidate)
      if (!real.startsWith(root + sep)) return null
      return (await stat(real)).isFile() ? real : null
    } catch {
      return null
    }
  }

  async function pair(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.headers.origin !== origin) return send(res, 403, 'Forbidden')
    let body = ''
    for await (const chunk of req) {
      body += String(chunk)
      if (body.length > MAX_PAIR_BODY) return send(res, 413, 'Too large')
    }
    let secret: unknown
    let name: unknown
    try {
      ;({ secret, name } = JSON.parse(body) as Record<string, unknown>)
    } catch {
      return send(res, 400, JSON.stringify({ error: 'Expected {secret, name}' }), CONTENT_TYPES['.json'])
    }
    try {
      const { phone, token } = station.pairPhone(secret, name)
      res.writeHead(200, {
        ...headers(CONTENT_TYPES['.json']!),
        // Ten years: a phone stays paired until the desk revokes it.
        'Set-Cookie': `${TOKEN_COOKIE}=${token}; Path=/; Max-Age=315360000; HttpOnly; Secure; SameSite=Strict`,
      })
      res.end(JSON.stringify({ name: phone.name }))
    } catch (err) {
      const code = (err as { code?: string }).code
      send(
        res,
        code === 'forbidden' ? 403 : 400,
        JSON.stringify({ error: (err as Error).message }),
        CONTENT_TYPES['.json'],
      )
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.headers.host !== host) return send(res, 421, 'Misdirected request')
    const url = new URL(req.url ?? '/', origin)
    if (url.pathname === '/pair' && req.method === 'POST') return pair(req, res)
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed')
    if (url.pathname === '/' || url.pathname === '/' + PHONE_PAGE) {
      if (!station.pairingSecretValid(url.searchParams.get('pair')) && !phoneOf(req))
        return send(res, 403, 'This phone is not paired with the station: scan the QR code the desk shows.')
      return send(res, 200, await readFile(resolve(root, PHONE_PAGE), 'utf8'), CONTENT_TYPES['.html'])
    }
    const file = await staticFile(decodeURIComponent(url.pathname))
    if (!file) return send(res, 404, 'Not found')
    res.writeHead(200, headers(CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', 'no-cache'))
    if (req.method === 'HEAD') return void res.end()
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res)
  }

  const server: Server = createServer({ cert: options.certificate.cert, key: options.certificate.key }, (req, res) => {
    handle(req, res).catch((err: unknown) => {
      station.logger.error('phone link request failed', err)
      if (!res.headersSent) send(res, 500, 'Internal error')
      else res.destroy()
    })
  })

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES })
  const phones = new WeakMap<WebSocket, number>()
  const refuse = (socket: Duplex, status: string): void => {
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
  }

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy())
    if (req.headers.host !== host) return refuse(socket, '421 Misdirected Request')
    if (new URL(req.url ?? '/', origin).pathname !== PHONE_SOCKET) return refuse(socket, '404 Not Found')
    if (req.headers.origin !== origin) return refuse(socket, '403 Forbidden')
    const phone = phoneOf(req)
    if (!phone) return refuse(socket, '401 Unauthorized')
    const token = cookie(req, TOKEN_COOKIE)!
    wss.handleUpgrade(req, socket, head, (ws) => {
      phones.set(ws, phone.id)
      ws.on('error', () => ws.terminate())
      ws.send(JSON.stringify({ hello: { name: phone.name } }))
      // One message at a time, in order: an answer may wait for the desk's workflow to take the scan.
      let turn: Promise<void> = Promise.resolve()
      ws.on('message', (data, isBinary) => {
        turn = turn.then(() => answer(data, isBinary)).catch(() => ws.terminate())
      })
      const answer = async (data: RawData, isBinary: boolean): Promise<void> => {
        const current = station.phoneByToken(token)
        if (!current) {
          ws.close(4401, 'revoked')
          return
        }
        let reply: unknown
        let id: unknown = null
        try {
          if (isBinary) throw new Error('Messages are JSON text')
          const message = JSON.parse(data.toString()) as { scan?: { id?: unknown } }
          id = message.scan?.id ?? null
          reply = { scanned: await station.scanFromPhone(current, message.scan) }
        } catch (err) {
          reply = { refused: { id, message: err instanceof Error ? err.message : String(err) } }
        }
        ws.send(JSON.stringify(reply))
      }
    })
  })

  await new Promise<void>((done, fail) => {
    server.once('error', fail)
    server.listen(options.port, options.address, () => {
      server.off('error', fail)
      done()
    })
  })
  const { port } = server.address() as AddressInfo
  host = `${hostPart}:${port}`
  origin = `https://${host}`
  csp = stationCsp([`wss://${host}`])

  let closing: Promise<void> | null = null
  return {
    origin,
    disconnect(phoneId) {
      for (const client of wss.clients) if (phones.get(client) === phoneId) client.close(4401, 'revoked')
    },
    close() {
      closing ??= new Promise<void>((done) => {
        for (const client of wss.clients) client.terminate()
        wss.close()
        server.close(() => done())
        server.closeAllConnections()
      })
      return closing
    },
  }
}
