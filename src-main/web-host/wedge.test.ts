import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { classifyKey, type KeyEvent } from '../../src-shared/keyboard/keys'
import { keyEventsFor } from '../core/scanner/layouts'
import { Station } from '../core/station'
import { startScannerHub, type RunningScanners } from '../devices/hub-options'
import { startWebHost, type WebHost } from './server'
import { parseForwardedKey } from './wedge'

let dir: string
let station: Station
let scanners: RunningScanners
let host: WebHost

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'scan-station-wedge-'))
  const rendererDir = join(dir, 'renderer')
  mkdirSync(rendererDir, { recursive: true })
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>')
  station = Station.open({ dbPath: join(dir, 'station.db') })
  scanners = await startScannerHub(station, {
    hidBackend: async () => ({ devices: () => [], open: () => Promise.reject(new Error('none')) }),
  })
  host = await startWebHost({ station, port: 0, rendererDir, scanners: scanners.hub })
})

afterAll(async () => {
  await host?.close()
  await scanners?.stop()
  station?.close()
  rmSync(dir, { recursive: true, force: true })
})

interface Page {
  ws: WebSocket
  messages: Record<string, unknown>[]
  /** Resolves with the first message (already received or still to come) that passes the test. */
  next(test: (m: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>
  close(): void
}

async function openPage(): Promise<Page> {
  const ws = new WebSocket(`${host.origin.replace('http', 'ws')}/ws?token=${encodeURIComponent(host.token)}`, {
    origin: host.origin,
  })
  const messages: Record<string, unknown>[] = []
  const waiters = new Set<() => void>()
  ws.on('message', (data) => {
    messages.push(JSON.parse(data.toString()) as Record<string, unknown>)
    for (const w of waiters) w()
  })
  await new Promise((resolve, reject) => {
    ws.once('open', resolve)
    ws.once('error', reject)
  })
  return {
    ws,
    messages,
    next: (test, timeoutMs = 3000) =>
      new Promise((resolve, reject) => {
        const check = (): void => {
          const hit = messages.find(test)
          if (!hit) return
          waiters.delete(check)
          clearTimeout(timer)
          resolve(hit)
        }
        const timer = setTimeout(() => {
          waiters.delete(check)
          reject(new Error(`no such message; got ${JSON.stringify(messages).slice(0, 2000)}`))
        }, timeoutMs)
        waiters.add(check)
        check()
      }),
    close: () => ws.close(),
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))
const ENTER: KeyEvent[] = [
  {
    type: 'keyDown',
    key: 'Enter',
    code: 'Enter',
    shift: false,
    control: false,
    alt: false,
    meta: false,
    isAutoRepeat: false,
  },
  {
    type: 'keyUp',
    key: 'Enter',
    code: 'Enter',
    shift: false,
    control: false,
    alt: false,
    meta: false,
    isAutoRepeat: false,
  },
]

/** What the bridge holds: key-downs that could be part of a scan (Enter too, while keys are undecided). */
const bridgeHolds = (ev: KeyEvent, busy: boolean): boolean => {
  if (ev.type !== 'keyDown') return false
  const k = classifyKey(ev)
  return k === 'char' || k === 'control' || k === 'altNumpad' || ((k === 'enter' || k === 'tab') && busy)
}

type Wedge = { ack?: number; release?: { seq: number; key: string }[]; holding?: boolean; enabled?: boolean }
const wedgeOf = (m: Record<string, unknown>): Wedge | null => (m['wedge'] as Wedge | undefined) ?? null

describe('web host keyboard wedge', () => {
  it('tells the page on connect that the wedge is enabled', async () => {
    const page = await openPage()
    try {
      expect(wedgeOf(await page.next((m) => wedgeOf(m)?.enabled !== undefined))).toEqual({ enabled: true })
    } finally {
      page.close()
    }
  })

  it('key messages at 5 ms per key are one scan: scanResult pushed, nothing released to the page', async () => {
    const page = await openPage()
    try {
      const events = [...keyEventsFor('INV-SI1'), ...ENTER]
      let t = 1000
      events.forEach((ev, seq) => {
        if (ev.type === 'keyDown') t += 5
        page.ws.send(JSON.stringify({ wedge: { ...ev, seq, held: bridgeHolds(ev, seq > 0), time: t } }))
      })
      const scan = await page.next((m) => m['event'] === 'scanResult')
      expect(scan['payload']).toMatchObject({ barcode_data: 'INV-SI1', stockitem: { pk: 1 } })
      await sleep(100) // any late release would have arrived by now
      const released = page.messages.flatMap((m) => wedgeOf(m)?.release ?? [])
      expect(released).toEqual([])
      expect(wedgeOf(page.messages.filter((m) => wedgeOf(m)?.holding !== undefined).at(-1)!)?.holding).toBe(false)
      const [row] = station.history({ limit: 1 }) as { data: string; source: string }[]
      expect(row).toMatchObject({ data: 'INV-SI1', source: 'wedge' })
    } finally {
      page.close()
    }
  })

  it('typing at 150 ms per key: every held key is released back to the page, in order', async () => {
    const page = await openPage()
    try {
      const text = 'hello'
      const events = keyEventsFor(text)
      const heldSeqs: number[] = []
      const t0 = performance.now()
      for (const [seq, ev] of events.entries()) {
        if (ev.type === 'keyDown' && seq > 0) await sleep(150)
        const held = bridgeHolds(ev, false)
        if (held) heldSeqs.push(seq)
        page.ws.send(JSON.stringify({ wedge: { ...ev, seq, held, time: 5000 + (performance.now() - t0) } }))
      }
      // As the bridge does while keys are held: the page's clock ticks, so the last pause ends its burst.
      const ticker = setInterval(
        () => page.ws.send(JSON.stringify({ wedge: { tick: 5000 + (performance.now() - t0) } })),
        15,
      )
      await page
        .next(() => page.messages.flatMap((m) => wedgeOf(m)?.release ?? []).length >= text.length)
        .finally(() => clearInterval(ticker))
      const released = page.messages.flatMap((m) => wedgeOf(m)?.release ?? [])
      expect(released.map((r) => r.seq)).toEqual(heldSeqs)
      expect(released.map((r) => r.key).join('')).toBe(text)
      expect(page.messages.some((m) => m['event'] === 'scanResult')).toBe(false)
    } finally {
      page.close()
    }
  })

  it('refuses malformed key messages without dropping the connection', async () => {
    expect(parseForwardedKey({ type: 'keyDown', key: 'a'.repeat(41), code: 'KeyA', seq: 1, time: 1 })).toBeNull()
    expect(parseForwardedKey({ type: 'keyPress', key: 'a', code: 'KeyA', seq: 1, time: 1 })).toBeNull()
    expect(parseForwardedKey({ type: 'keyDown', key: 'a', code: 'KeyA', seq: -1, time: 1 })).toBeNull()
    expect(parseForwardedKey({ type: 'keyDown', key: 'a', code: 'KeyA', seq: 1, time: Infinity })).toBeNull()
    expect(parseForwardedKey({ type: 'keyDown', key: 'a', code: 'KeyA', seq: 1, time: 1, shift: 'yes' })).toMatchObject(
      { shift: false },
    )
    const page = await openPage()
    try {
      page.ws.send(JSON.stringify({ wedge: 'nonsense' }))
      page.ws.send(JSON.stringify({ wedge: { flush: true } }))
      page.ws.send(JSON.stringify({ id: 1, method: 'info', input: {} }))
      expect(await page.next((m) => m['id'] === 1)).toMatchObject({ reply: { ok: true } })
    } finally {
      page.close()
    }
  })
})
