/**
 * Key-event traces for tests and e2e: a scanner typing at a fixed pace, a person typing with jitter, and a small
 * host simulator that drives a WedgeDetector the way Electron or the web host does (timer at `nextDeadline()`).
 * Pure, deterministic given the random source.
 */
import { isModifierKey, type KeyEvent } from '../../../src-shared/keyboard/keys'
import { type ProfileName } from '../../../src-shared/keyboard/layouts'
import { keyEventsFor } from './layouts'
import type { Terminator, WedgeDetector, WedgeScan } from './wedge-detector'
import { seededRandom } from '../random'

export interface TimedKey {
  ev: KeyEvent
  t: number
}

type Layout = Exclude<ProfileName, 'host'>

export { seededRandom }

const terminatorEvents = (terminator: Terminator): KeyEvent[] => {
  const base = { shift: false, control: false, alt: false, meta: false, isAutoRepeat: false }
  const key = terminator === 'Enter' ? 'Enter' : 'Tab'
  return [
    { ...base, type: 'keyDown', key, code: key },
    { ...base, type: 'keyUp', key, code: key },
  ]
}

/**
 * Time a key-event sequence: each stroke (modifier presses plus the key they modify, as one HID report) starts
 * `interval()` ms after the previous one; key-ups come `dwell()` ms after their stroke.
 */
export function timeEvents(
  events: KeyEvent[],
  start: number,
  interval: () => number,
  dwell: () => number = () => 0,
): TimedKey[] {
  const out: TimedKey[] = []
  let t = start
  let first = true
  let strokeOpen = false
  for (const ev of events) {
    if (ev.type === 'keyDown') {
      if (!strokeOpen) {
        if (!first) t += interval()
        first = false
        strokeOpen = true
      }
      if (!isModifierKey(ev)) strokeOpen = false
      out.push({ ev, t })
    } else {
      out.push({ ev, t: t + dwell() })
    }
  }
  // Stable sort by time: a person's key-ups may come after the next key-down (rollover).
  return out
    .map((k, i) => ({ k, i }))
    .sort((a, b) => a.k.t - b.k.t || a.i - b.i)
    .map((x) => x.k)
}

export interface ScannerTraceOptions {
  msPerKey: number
  terminator?: Terminator | null
  /** ± ms of uniform jitter on each interval (default: 10 % of msPerKey, at least 0.5 ms). */
  jitterMs?: number
  scannerLayout?: Layout
  hostLayout?: Layout
  start?: number
  random?: () => number
}

export function scannerTrace(text: string, o: ScannerTraceOptions): TimedKey[] {
  const random = o.random ?? seededRandom(1)
  const jitter = o.jitterMs ?? Math.max(0.5, o.msPerKey * 0.1)
  const events = keyEventsFor(text, o.scannerLayout ?? 'us', o.hostLayout ?? o.scannerLayout ?? 'us')
  if (o.terminator) events.push(...terminatorEvents(o.terminator))
  return timeEvents(
    events,
    o.start ?? 1000,
    () => Math.max(0, o.msPerKey + (random() * 2 - 1) * jitter),
    () => Math.min(2, o.msPerKey / 2),
  )
}

export interface HumanTraceOptions {
  /** Intervals drawn uniformly from [minMs, maxMs]. */
  minMs: number
  maxMs: number
  /** Press Enter at the end. */
  enter?: boolean
  start?: number
  random?: () => number
}

export function humanTrace(text: string, o: HumanTraceOptions): TimedKey[] {
  const random = o.random ?? seededRandom(2)
  const events = keyEventsFor(text, 'us', 'us')
  if (o.enter) events.push(...terminatorEvents('Enter'))
  return timeEvents(
    events,
    o.start ?? 1000,
    () => o.minMs + random() * (o.maxMs - o.minMs),
    () => 40 + random() * 80,
  )
}

export interface HostRun {
  /** What the page received, in order (passed events and replayed releases). */
  page: KeyEvent[]
  scans: WedgeScan[]
  /** Longest time any event was held before its release (ms). */
  maxHoldMs: number
  /** Events neither passed nor released (swallowed as part of scans). */
  swallowed: KeyEvent[]
}

/** Drive a detector like a host: a timer fires `tick` at `nextDeadline()`; pass or replay what it decides. */
export function runHost(detector: WedgeDetector, trace: TimedKey[]): HostRun {
  const run: HostRun = { page: [], scans: [], maxHoldMs: 0, swallowed: [] }
  const arrived = new Map<KeyEvent, number>()
  const deliver = (events: KeyEvent[], now: number): void => {
    for (const e of events) {
      run.page.push(e)
      const at = arrived.get(e)
      if (at !== undefined) run.maxHoldMs = Math.max(run.maxHoldMs, now - at)
    }
  }
  const fireTimers = (until: number): void => {
    for (
      let deadline = detector.nextDeadline();
      deadline !== null && deadline <= until;
      deadline = detector.nextDeadline()
    ) {
      const r = detector.tick(deadline)
      deliver(r.release, deadline)
      run.scans.push(...r.scans)
      if (detector.nextDeadline() === deadline) break
    }
  }
  for (const { ev, t } of trace) {
    fireTimers(t)
    arrived.set(ev, t)
    const d = detector.key(ev, t)
    run.scans.push(...d.scans)
    deliver(d.release, t)
    if (!d.swallow) run.page.push(ev)
  }
  fireTimers(Number.POSITIVE_INFINITY)
  const seen = new Set(run.page)
  run.swallowed = trace.map((k) => k.ev).filter((e) => !seen.has(e))
  return run
}
