/**
 * The web host's keyboard wedge: the same detector Electron feeds from `before-input-event`, fed from
 * the page's key events forwarded by the bridge (bridge.ts). One WedgeSession per WebSocket connection.
 *
 * Why the bridge holds keys itself. A page must call preventDefault synchronously, before the server can decide
 * "scan or typing". So while the wedge is enabled the bridge keeps from the page (preventDefault +
 * stopImmediatePropagation) every key-down that could belong to a scan (characters, Ctrl+] / Ctrl+^ / Ctrl+D
 * and the other control combos, Alt+numpad digits; Enter and Tab only while keys are still undecided), and
 * forwards every key event, held or not, as
 *
 *   page → host  {wedge: {seq, held, type, key, code, shift, control, alt, meta, altGraph?, capsLock?, isAutoRepeat, time}}
 *
 * (`time` = the key's `event.timeStamp`, on the page's performance.now() clock; `held` = the bridge kept this key
 * from the page). The host feeds the
 * connection's session and answers every held key:
 *
 *   host → page  {wedge: {ack: seq, release: [{seq, ...key}], holding}}   after a forwarded event
 *   host → page  {wedge: {release: [...], holding}}                       when the session's timer decides
 *   host → page  {wedge: {enabled}}                                       on connect and when the setting changes
 *
 * `release` lists the held keys that turned out to be typing, in order: the bridge replays them into the element
 * that had focus. A held key that is part of a scan is never released (the scan goes to `Station.scanFromDevice`,
 * whose `scanResult` event reaches every page). `holding` tells the bridge whether the session still holds keys,
 * so it knows whether Enter/Tab could end a scan (then it holds them too) or may act natively.
 *
 * Timing: the detector runs on the PAGE's clock. Keys carry their `event.timeStamp`, and while the bridge holds
 * keys it sends a tick every 15 ms (the last key's time plus the real time since the page handled it); the
 * session's timers fire only when the page's clock passes them. A page that is busy (a long render) sends neither
 * keys nor ticks, and when it resumes it handles the queued keys — whose times show they came 5 ms apart — before
 * its next tick, so a stall of the page never cuts a scan in two. Ticks count TICK_GRACE_MS less, an allowance
 * for keys delayed on their way INTO the page (a loaded machine, a test harness); a person's typing is released
 * that much later, in the web host only (Electron's main process sees the keys directly).
 */
import { sameKey, type KeyEvent } from '../../src-shared/keyboard/keys'
import type { ScannerHub, Timers, WedgeSession } from '../devices/scanner-hub'

import type { ForwardedKey, ReleasedKey, WedgeReply } from './wedge-protocol'
export type { ForwardedKey, ReleasedKey, WedgeReply }

const str = (v: unknown, max: number): string | null => (typeof v === 'string' && v.length <= max ? v : null)

/** Validates a forwarded key message from the (untrusted) page; null when malformed. */
export function parseForwardedKey(raw: unknown): ForwardedKey | null {
  if (typeof raw !== 'object' || raw === null) return null
  const m = raw as Record<string, unknown>
  if (m['type'] !== 'keyDown' && m['type'] !== 'keyUp') return null
  const key = str(m['key'], 40)
  const code = str(m['code'], 40)
  const seq = m['seq']
  const time = m['time']
  if (key === null || code === null) return null
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0) return null
  if (typeof time !== 'number' || !Number.isFinite(time)) return null
  const bool = (name: string): boolean => m[name] === true
  return {
    type: m['type'],
    key,
    code,
    shift: bool('shift'),
    control: bool('control'),
    alt: bool('alt'),
    meta: bool('meta'),
    isAutoRepeat: bool('isAutoRepeat'),
    ...(typeof m['altGraph'] === 'boolean' ? { altGraph: m['altGraph'] } : {}),
    ...(typeof m['capsLock'] === 'boolean' ? { capsLock: m['capsLock'] } : {}),
    seq,
    held: bool('held'),
    time,
  }
}

const MAX_PENDING = 5000

/** See the header comment: keys seen late by an idle page (a loaded two-core CI machine stalled over 100 ms). */
export const TICK_GRACE_MS = 250

/** Timers on a clock that only the page moves forward (see the header comment). */
export class PageClock implements Timers {
  private time = 0
  private nextId = 1
  private readonly due = new Map<number, { at: number; fn: () => void }>()

  now(): number {
    return this.time
  }

  setTimeout(fn: () => void, ms: number): number {
    const id = this.nextId++
    this.due.set(id, { at: this.time + ms, fn })
    return id
  }

  clearTimeout(handle: unknown): void {
    this.due.delete(handle as number)
  }

  /** The page's clock reads `time`: fire, in order, every timer due by then. */
  advance(time: number): void {
    if (time > this.time) this.time = time
    for (;;) {
      let next: [number, { at: number; fn: () => void }] | undefined
      for (const entry of this.due) if (entry[1].at <= this.time && (!next || entry[1].at < next[1].at)) next = entry
      if (!next) return
      this.due.delete(next[0])
      next[1].fn()
    }
  }
}

/** One page's wedge: its session, the keys its bridge holds, and the page clock. */
export class PageWedge {
  private readonly session: WedgeSession
  /** Keys the bridge holds, oldest first, until released (replayed) or consumed by a scan. */
  private pending: { seq: number; ev: KeyEvent }[] = []
  private readonly clock = new PageClock()

  constructor(
    hub: ScannerHub,
    id: string,
    /** Send a message to this page only. */
    private readonly send: (reply: WedgeReply) => void,
  ) {
    this.session = hub.createWedgeSession(
      id,
      { release: (events) => this.send({ release: this.match(events), holding: this.session.holding }) },
      { timers: this.clock },
    )
  }

  /** The page's clock while it holds keys (`{wedge: {tick: performance.now()}}`): due timeouts fire now. */
  tick(time: number): void {
    if (Number.isFinite(time)) this.clock.advance(time - TICK_GRACE_MS)
  }

  /** A key event forwarded by the bridge. */
  key(k: ForwardedKey): void {
    this.clock.advance(k.time)
    const { seq, held, time, ...ev } = k
    if (held) {
      this.pending.push({ seq, ev })
      if (this.pending.length > MAX_PENDING) this.pending.splice(0, this.pending.length - MAX_PENDING)
    }
    const { swallow, release } = this.session.onKey(ev, time)
    const replay = this.match(release)
    if (held && !swallow) replay.push(...this.match([ev]))
    if (held || replay.length > 0) this.send({ ack: seq, release: replay, holding: this.session.holding })
  }

  /** The page lost focus or is going away: end what is pending now. */
  flush(): void {
    this.session.flush()
  }

  dispose(): void {
    this.session.dispose()
    this.pending = []
  }

  /**
   * The page's seq numbers of released events. The session releases events in the order it was fed them, and held
   * keys before a released one were either released earlier or consumed by a scan, so matching from the front and
   * dropping what is skipped keeps `pending` exact. Released events the bridge did not hold (key-ups, modifiers)
   * acted on the page already and are not sent back.
   */
  private match(events: KeyEvent[]): ReleasedKey[] {
    const out: ReleasedKey[] = []
    for (const ev of events) {
      const i = this.pending.findIndex((p) => sameKey(p.ev, ev))
      if (i < 0) continue
      const [hit] = this.pending.splice(0, i + 1).slice(-1)
      out.push({ ...hit!.ev, seq: hit!.seq })
    }
    return out
  }
}
