import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { Station } from '../core/station'
import { startWebHost, type WebHost } from './server'

let dir: string
let station: Station
let host: WebHost

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'scan-station-web-'))
  const rendererDir = join(dir, 'renderer')
  mkdirSync(join(rendererDir, 'assets'), { recursive: true })
  writeFileSync(
    join(rendererDir, 'index.html'),
    '<!doctype html><html><head><script type="module" src="./assets/app.js"></script></head><body></body></html>',
  )
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log("app")')
  writeFileSync(join(rendererDir, 'station-bridge.js'), 'console.log("bridge")')
  writeFileSync(join(rendererDir, 'assets', 'decoder.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d]))
  writeFileSync(join(dir, 'secret.txt'), 'outside the renderer folder')
  station = Station.open({ dbPath: join(dir, 'station.db') })
  host = await startWebHost({ station, port: 0, rendererDir })
})

afterAll(async () => {
  await host?.close()
  station?.close()
  rmSync(dir, { recursive: true, force: true })
})

/** A raw GET: node's http client sends the path as given, without normalizing `..`. */
function get(
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; type: string; body: string }> {
  const { port } = new URL(host.origin)
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }))
    })
    req.on('error', reject)
    req.end()
  })
}

function connect(token = host.token, origin: string | null = host.origin): Promise<WebSocket> {
  const url = `${host.origin.replace('http', 'ws')}/ws?token=${encodeURIComponent(token)}`
  const ws = new WebSocket(url, origin === null ? {} : { origin })
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws))
    ws.once('error', reject)
  })
}

function call(ws: WebSocket, id: number, method: string, input: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData): void => {
      const message = JSON.parse(data.toString()) as { id?: unknown; reply?: unknown }
      if (message.id !== id) return
      ws.off('message', onMessage)
      resolve(message.reply)
    }
    ws.on('message', onMessage)
    ws.send(JSON.stringify({ id, method, input }))
  })
}

describe('web host', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(new URL(host.url).hostname).toBe('127.0.0.1')
    expect(host.token.length).toBeGreaterThanOrEqual(32)
  })

  it('serves the page only with the token, with the bridge before the module script and a CSP', async () => {
    expect((await get('/')).status).toBe(403)
    expect((await get('/?token=wrong')).status).toBe(403)
    expect((await get(`/?token=${host.token}x`)).status).toBe(403)
    const page = await get(`/?token=${host.token}`)
    expect(page.status).toBe(200)
    expect(page.type).toMatch(/^text\/html/)
    expect(page.body.indexOf('<script type="module" src="/station-bridge.js"></script>')).toBeGreaterThan(-1)
    expect(page.body.indexOf('/station-bridge.js')).toBeLessThan(page.body.indexOf('./assets/app.js'))
  })

  it('refuses a request for another Host name (DNS rebinding)', async () => {
    const res = await get(`/?token=${host.token}`, { Host: 'evil.example:80' })
    expect(res.status).toBe(421)
  })

  it('serves static files with their content types', async () => {
    const js = await get('/assets/app.js')
    expect(js.status).toBe(200)
    expect(js.type).toMatch(/^text\/javascript/)
    expect((await get('/assets/decoder.wasm')).type).toBe('application/wasm')
    const bridge = await get('/station-bridge.js')
    expect(bridge.type).toMatch(/^text\/javascript/)
    expect(bridge.body).toBe('console.log("bridge")')
  })

  it('answers path traversal with 404', async () => {
    for (const path of [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/..%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/..%5csecret.txt',
      '/assets%2f..%2f..%2fsecret.txt',
      '/../../../../../../etc/passwd',
      '/%00index.html',
    ]) {
      const res = await get(path)
      expect(res.status, path).toBe(404)
      expect(res.body).not.toContain('outside the renderer folder')
    }
  })

  it('refuses a WebSocket with a wrong or missing token', async () => {
    await expect(connect('wrong')).rejects.toThrow(/403/)
    await expect(connect('')).rejects.toThrow(/403/)
  })

  it('refuses a WebSocket from another Origin, or none', async () => {
    await expect(connect(host.token, 'http://evil.example')).rejects.toThrow(/403/)
    await expect(connect(host.token, 'http://127.0.0.1:1')).rejects.toThrow(/403/)
    await expect(connect(host.token, null)).rejects.toThrow(/403/)
  })

  it('dispatches calls and validates their arguments', async () => {
    const ws = await connect()
    try {
      const tree = (await call(ws, 1, 'locationTree', {})) as { ok: boolean; value: unknown[] }
      expect(tree.ok).toBe(true)
      expect(tree.value.length).toBeGreaterThan(0)

      expect(await call(ws, 2, 'scan', { data: 42, source: 'manual' })).toMatchObject({
        ok: false,
        error: { code: 'invalid_argument' },
      })
      expect(await call(ws, 3, 'search', { query: 'x', extra: true })).toMatchObject({
        ok: false,
        error: { code: 'invalid_argument' },
      })
      expect(await call(ws, 4, 'constructor', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } })
    } finally {
      ws.close()
    }
  })

  it('answers a malformed message with an error, not a dropped connection', async () => {
    const ws = await connect()
    try {
      const reply = new Promise<unknown>((resolve) =>
        ws.once('message', (data) => resolve(JSON.parse(data.toString()))),
      )
      ws.send('not json')
      expect(await reply).toMatchObject({ id: null, reply: { ok: false, error: { code: 'invalid_argument' } } })
      expect(await call(ws, 5, 'info', {})).toMatchObject({ ok: true })
    } finally {
      ws.close()
    }
  })

  it('pushes Station events to every client', async () => {
    const ws = await connect()
    try {
      const pushed = new Promise<{ event: string; payload: { barcode_data: string } }>((resolve) =>
        ws.on('message', (data) => {
          const message = JSON.parse(data.toString())
          if (message.event) resolve(message)
        }),
      )
      station.scanFromDevice({ data: 'INV-SL1', source: 'serial', device: 'test' })
      const message = await pushed
      expect(message.event).toBe('scanResult')
      expect(message.payload.barcode_data).toBe('INV-SL1')
    } finally {
      ws.close()
    }
  })

  it('signs in each connection on its own: a second connection gets no admin rights, and a closed one keeps none', async () => {
    const first = await connect()
    const second = await connect()
    try {
      expect(await call(first, 1, 'signIn', { badge: 'OP-9000', pin: '9000' })).toMatchObject({ ok: true })
      expect(await call(second, 1, 'info', {})).toMatchObject({ ok: true, value: { operator: null } })
      expect(await call(second, 2, 'setSettings', { 'history.maxResults': 1, confirm: true })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      })
      expect(await call(first, 2, 'info', {})).toMatchObject({ ok: true, value: { operator: { role: 'admin' } } })
    } finally {
      first.close()
      second.close()
    }
    expect(station.info().operator).toBeNull()
  })

  it('sends a job’s progress to the connection that started it only, and answers the other one meanwhile', async () => {
    const mine = await connect()
    const other = await connect()
    try {
      const events = (ws: WebSocket): { event: string; payload: { jobId: string; phase: string } }[] => {
        const seen: { event: string; payload: { jobId: string; phase: string } }[] = []
        ws.on('message', (data) => {
          const message = JSON.parse(data.toString())
          if (message.event === 'jobProgress') seen.push(message)
        })
        return seen
      }
      const mineSaw = events(mine)
      const otherSaw = events(other)
      const items = Array.from({ length: 20 }, (_, i) => ({ model: 'stockitem', pk: (i % 6) + 1 }))
      let finished = false
      const job = call(mine, 1, 'labelPdf', { items, jobId: 'web-job' }).then((reply) => {
        finished = true
        return reply
      })
      let answeredDuring = 0
      for (let id = 100; !finished; id++) {
        const reply = await call(other, id, 'scan', { data: 'INV-SL1', source: 'manual' })
        expect(reply).toMatchObject({ ok: true })
        if (!finished) answeredDuring++
      }
      expect(await job).toMatchObject({ ok: true, value: { labels: 20 } })
      expect(answeredDuring).toBeGreaterThan(5)
      expect(mineSaw.map((m) => m.payload.phase)).toContain('verify')
      expect(mineSaw.every((m) => m.payload.jobId === 'web-job')).toBe(true)
      expect(otherSaw).toEqual([])
    } finally {
      mine.close()
      other.close()
    }
  }, 120_000)
})
