/**
 * The phone link end to end on Node: a real Station on a real database file, the real HTTPS server with its own
 * certificate, and the phone's own outbox (src-shared/phone/outbox.ts) over a real WebSocket. Scans made while
 * the phone is out of reach are queued, and arrive at the desk once each and in order, even when the answer to
 * one of them is lost with the connection and the phone sends it again.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:https'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import WebSocket from 'ws'
import type { HistoryEntry, PhoneLinkView } from '../contract'
import { Station } from '../core/station'
import { dispatch } from '../dispatch'
import { PhoneOutbox, type QueuedScan, type ScanAnswer } from '../../src-shared/phone/outbox'
import { PhoneLinkService } from './service'

let dir: string
let station: Station
let link: PhoneLinkService
const ADMIN = 'test:admin'

async function call<T>(method: string, input: unknown): Promise<T> {
  const reply = await dispatch(station, method, input, ADMIN)
  if (!reply.ok) throw new Error(`${method}: ${reply.error.message}`)
  return reply.value as T
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'scan-station-phone-'))
  const rendererDir = join(dir, 'renderer')
  mkdirSync(rendererDir)
  writeFileSync(join(rendererDir, 'phone.html'), '<!doctype html><title>phone</title>')
  link = new PhoneLinkService(() => station, rendererDir)
  station = Station.open({ dbPath: join(dir, 'station.db'), phoneLink: link.provider, startUserPlugins: false })
  await link.boot()
  await call('signIn', { badge: 'OP-9000', pin: '9000' })
})

afterAll(async () => {
  await link?.shutdown()
  station?.close()
  rmSync(dir, { recursive: true, force: true })
})

function pair(origin: string, secret: string, name: string): Promise<string> {
  return new Promise((done, fail) => {
    const body = JSON.stringify({ secret, name })
    const req = request(
      `${origin}/pair`,
      { method: 'POST', rejectUnauthorized: false, headers: { Origin: origin, 'Content-Type': 'application/json' } },
      (res) => {
        res.resume()
        if (res.statusCode !== 200) return fail(new Error(`pairing answered ${res.statusCode}`))
        done(String(res.headers['set-cookie']![0]).split(';')[0]!)
      },
    )
    req.on('error', fail)
    req.end(body)
  })
}

/** One connection of the phone: its messages to the outbox, except the answers `drop` says were lost. */
function connect(
  origin: string,
  cookie: string,
  outbox: PhoneOutbox,
  drop: (a: ScanAnswer) => boolean,
): Promise<WebSocket> {
  return new Promise((done, fail) => {
    const ws = new WebSocket(`${origin.replace('https', 'wss')}/phone-socket`, {
      rejectUnauthorized: false,
      headers: { Origin: origin, Cookie: cookie },
    })
    ws.on('message', (data) => {
      const message = JSON.parse(String(data)) as { hello?: unknown; scanned?: ScanAnswer }
      if (message.hello) {
        outbox.connected((scan) => ws.send(JSON.stringify({ scan })))
        done(ws)
      } else if (message.scanned) {
        if (drop(message.scanned)) {
          // The answer was lost with the network: the phone only sees the connection drop.
          ws.terminate()
          return
        }
        outbox.answered(message.scanned)
      }
    })
    ws.on('close', () => outbox.disconnected())
    ws.on('error', fail)
  })
}

it('scans queued while the phone was offline arrive once each, in order, though one answer was lost', async () => {
  const view = await call<PhoneLinkView>('setPhoneLink', { enabled: true, address: '127.0.0.1', port: 0 })
  const origin = view.listening!.origin
  const secret = new URL(view.pairingUrl!).searchParams.get('pair')!
  const cookie = await pair(origin, secret, 'Yard phone')

  let stored: QueuedScan[] = []
  const answers: ScanAnswer[] = []
  let n = 0
  const outbox = new PhoneOutbox(
    { load: () => stored, save: (queue) => (stored = [...queue]) },
    (answer) => answers.push(answer),
    () => `phone${++n}`,
  )
  // Out of reach: three scans wait on the phone (and in its storage).
  const codes = ['OFFLINE-A', 'OFFLINE-B', 'OFFLINE-C']
  for (const code of codes) outbox.add(code)
  expect(stored.map((s) => s.data)).toEqual(codes)

  // Back: the desk scans the first, but its answer is lost as the connection drops again.
  let dropped = false
  const first = await connect(origin, cookie, outbox, () => !dropped && (dropped = true))
  await new Promise((resolve) => first.once('close', resolve))
  expect(answers).toEqual([])
  expect(outbox.pending().map((s) => s.data)).toEqual(codes)

  // Back for good: the first is sent again with its id, then the others, one after the other.
  const second = await connect(origin, cookie, outbox, () => false)
  await expect.poll(() => answers.length).toBe(3)
  second.close()

  expect(answers.map((a) => [a.data, a.resent])).toEqual([
    ['OFFLINE-A', true],
    ['OFFLINE-B', false],
    ['OFFLINE-C', false],
  ])
  expect(answers.every((a) => a.outcome === 'unknown')).toBe(true)
  expect(stored).toEqual([])
  const history = await call<HistoryEntry[]>('history', { limit: 10 })
  const fromPhone = history.filter((h) => h.source === 'phone').reverse()
  expect(fromPhone.map((h) => [h.data, h.device])).toEqual(codes.map((c) => [c, 'Yard phone']))
})

it('shows the pairing code to an admin only, and lets only an admin switch the link or revoke a phone', async () => {
  const nobody = 'test:nobody'
  const asNobody = (method: string, input: unknown) => dispatch(station, method, input, nobody)
  await call('setPhoneLink', { enabled: true, address: '127.0.0.1', port: 0 })
  const seen = await asNobody('phoneLink', {})
  expect(seen).toMatchObject({ ok: true, value: { enabled: true, pairingUrl: null } })
  expect((seen as { value: PhoneLinkView }).value.listening).not.toBeNull()
  expect(await asNobody('setPhoneLink', { enabled: false, address: '', port: 0 })).toMatchObject({
    ok: false,
    error: { code: 'forbidden' },
  })
  expect(await asNobody('revokePhone', { id: 1 })).toMatchObject({ ok: false, error: { code: 'forbidden' } })
  // An address that is not this machine's, or none, is refused with the reason.
  expect(
    await dispatch(station, 'setPhoneLink', { enabled: true, address: '192.0.2.7', port: 0 }, ADMIN),
  ).toMatchObject({ ok: false, error: { code: 'conflict', message: '192.0.2.7 is not an address of this machine' } })
  expect(await dispatch(station, 'setPhoneLink', { enabled: true, address: '', port: 0 }, ADMIN)).toMatchObject({
    ok: false,
    error: { code: 'invalid_argument', message: expect.stringMatching(/choose the address/) },
  })
})
