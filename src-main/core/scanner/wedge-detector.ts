/**
 * Keyboard-wedge burst detector: tells a barcode scanner typing into the window from a person typing, by timing,
 * length, optional prefix/suffix and terminator. PURE: no timers, no I/O. The host feeds every key event with a
 * timestamp (`key(ev, now)`) and calls `tick(now)` when `nextDeadline()` passes (the timeout path: a scan without
 * a terminator, or held keys that turn out to be typing). Both Electron's `before-input-event` and the web host's
 * forwarded page key events drive the same object (see devices/scanner-hub.ts `WedgeSession`).
 *
 * Swallowing and releasing. A recognised scan must never also land as text in the focused field, and the decision
 * "scan or typing" is only known after several keys. So:
 *  - idle: a key that could start a scan (a character, a control-character combo, Alt+numpad) is HELD (swallowed,
 *    kept in order). Enter/Tab, navigation keys and shortcuts pass straight through.
 *  - collecting: while keys keep coming within `maxIntervalMs` of each other, every event is held (key-ups and
 *    modifier presses too, so a replay is exact).
 *  - the burst ends with a terminator (Enter/Tab, if configured), with a silence of `maxIntervalMs` (tick), or
 *    with a key no scanner sends (arrows, Backspace, auto-repeat, Ctrl+V…). It is a scan if it passes the checks
 *    below: then its held events are dropped (and the terminator swallowed) and a scan is emitted. Otherwise every
 *    held event is RELEASED, in order, for the host to replay to the page.
 *  - Order is kept: when a decision releases held keys and the current key would pass, the current key is appended
 *    to the release list and swallowed, so the page never sees a later key before an earlier one.
 *  - rejected: once a burst is clearly typing (prefix mismatch, irregular slow rhythm), keys pass straight through
 *    until the next silence of `maxIntervalMs`, so a person typing sees no extra latency.
 *
 * A burst is a scan when: its data (prefix/suffix stripped) has at least `minLength` characters; it starts with
 * `prefix` and ends with `suffix` when those are set; it ended with a terminator or, when `requireTerminator` is
 * false, with silence; and, when its mean key interval is above `regularityAboveMs` (a "slow burst"), it has at
 * least `minSlowKeys` keys, its intervals are regular (see `maxJitterRatio`) and no key went down while another
 * was still held (no rollover: a scanner releases each key before the next; people typing at 60–120 ms overlap).
 *
 * Timing. Most scanners send keys 1–20 ms apart; people type 60–200 ms apart, and fast typists roll 2–4 keys at
 * 10–30 ms. The `standard` preset (maxIntervalMs 30, minLength 5) therefore never chains a person's keys beyond a
 * short roll, which `minLength` rejects. Some Zebra models send 80–100 ms apart: the `slow` preset raises
 * `maxIntervalMs` to 120 (so a person's keys do chain) and relies on the slow-burst checks: a scanner's clock is
 * steady (jitter a few ms) and it never overlaps keys; a person's rhythm varies by 25–50 % and overlaps keys at
 * these speeds. Timing cannot be certain here: a person typing 8+ keys at a metronome-steady 90 ms without ever
 * overlapping two keys would be taken for a scanner. That is why `slow` is a preset to choose, not the default.
 */
import { classifyKey, isModifierKey, type KeyEvent } from '../../../src-shared/keyboard/keys'
import { type ProfileName } from '../../../src-shared/keyboard/layouts'
import { KeyDecoder } from './layouts'

export type Terminator = 'Enter' | 'Tab'

export interface WedgeOptions {
  /** Longest gap between two keys of one burst (InvenTree's "input delay"). */
  maxIntervalMs: number
  /** Fewest data characters in a scan (after prefix/suffix are stripped). */
  minLength: number
  /** Keys that end a scan. */
  terminators: Terminator[]
  /** Only bursts ended by a terminator are scans. */
  requireTerminator: boolean
  /** A scan must start with this (stripped from the data). '' = none. */
  prefix: string
  /** A scan must end with this (stripped from the data). '' = none. */
  suffix: string
  /** Above this mean interval a burst must also be regular. */
  regularityAboveMs: number
  /**
   * Regularity of a slow burst: the median absolute deviation of its intervals from their median, relative to
   * the median, must not exceed this; and at most one interval in eight may be off the median by more than twice
   * this (an event-loop hiccup).
   */
  maxJitterRatio: number
  /** Fewest keys in a slow burst, its terminator included (regularity needs samples). */
  minSlowKeys: number
  /** Layout profile the scanner types in (see layouts.ts). */
  layout: ProfileName
}

/** Scanners sending 1–20 ms per key (most). */
const STANDARD: WedgeOptions = {
  maxIntervalMs: 30,
  minLength: 5,
  terminators: ['Enter', 'Tab'],
  requireTerminator: false,
  prefix: '',
  suffix: '',
  regularityAboveMs: 40,
  maxJitterRatio: 0.06,
  minSlowKeys: 7,
  layout: 'us',
}

export const WEDGE_PRESETS = {
  standard: STANDARD,
  /** Slow scanners (some Zebra models, 80–100 ms per key): regularity tells them from people. */
  slow: { ...STANDARD, maxIntervalMs: 120 },
} satisfies Record<string, WedgeOptions>

export const defaultWedgeOptions: WedgeOptions = WEDGE_PRESETS.standard

export interface WedgeScan {
  data: string
  terminator: Terminator | null
  /** Keys that made the data (character keys, control combos, numpad digits; not modifiers or the terminator). */
  keyCount: number
  meanIntervalMs: number
}

export interface KeyDecision {
  /** Keep this event from the page (it is held, part of a scan, or appended to `release`). */
  swallow: boolean
  /** Earlier held events (and possibly this one) to replay to the page, in order. */
  release: KeyEvent[]
  /** Scans completed by this event (normally 0 or 1; 2 when a silent burst ends as a new one starts). */
  scans: WedgeScan[]
}

export interface TickResult {
  release: KeyEvent[]
  scans: WedgeScan[]
}

type State = 'idle' | 'collecting' | 'rejected'

const MAX_HELD_EVENTS = 40_000 // a runaway burst (a stuck key generator) ends as typing, never grows without bound

export class WedgeDetector {
  readonly options: WedgeOptions
  private state: State = 'idle'
  private held: KeyEvent[] = []
  /** Times of the counted keyDowns of the current burst. */
  private times: number[] = []
  /** Time of the last event that keeps the burst (or the rejected run) going. */
  private lastT = 0
  /** Codes whose keyDown was swallowed and whose keyUp is still due: that keyUp is swallowed too. */
  private downSwallowed = new Set<string>()
  private composingAlt = false
  /** Counted keys of the burst currently down, and whether one went down while another was held. */
  private keysDown = new Set<string>()
  private rollover = false

  constructor(options: Partial<WedgeOptions> = {}) {
    this.options = { ...defaultWedgeOptions, ...options }
  }

  /** When the host must call `tick` (ms timestamp), or null when nothing is pending. */
  nextDeadline(): number | null {
    return this.state === 'idle' ? null : this.lastT + this.options.maxIntervalMs
  }

  /** True while keys are held back from the page. */
  get holding(): boolean {
    return this.held.length > 0
  }

  /** The timeout path: ends a burst that has been silent for `maxIntervalMs`. */
  tick(now: number): TickResult {
    const out: TickResult = { release: [], scans: [] }
    if (this.state !== 'idle' && now - this.lastT >= this.options.maxIntervalMs) this.finish(null, out)
    return out
  }

  /** End whatever is pending now (window blur, focus change, shutdown): a scan if it qualifies, else released. */
  flush(_now: number): TickResult {
    const out: TickResult = { release: [], scans: [] }
    if (this.state !== 'idle') this.finish(null, out)
    return out
  }

  key(ev: KeyEvent, now: number): KeyDecision {
    const d: KeyDecision = { swallow: false, release: [], scans: [] }
    // Silence since the last key ends the previous burst first (the host's timer may not have fired yet).
    if (this.state !== 'idle' && now - this.lastT > this.options.maxIntervalMs) this.finish(null, d)

    if (ev.type === 'keyUp') this.keyUp(ev, d)
    else this.keyDown(ev, now, d)

    if (d.release.length > 0 && !d.swallow) {
      d.release.push(ev)
      d.swallow = true
    }
    return d
  }

  private keyUp(ev: KeyEvent, d: KeyDecision): void {
    const isAlt = ev.key === 'Alt' || ev.code === 'AltLeft' || ev.code === 'AltRight'
    // While collecting, hold the key-ups of held keys and of modifiers (an Alt key-up completes an Alt code), so
    // a replay is the exact original sequence. Key-ups do not extend the burst: only key-downs keep it going.
    if (this.state === 'collecting' && (this.downSwallowed.has(ev.code) || isModifierKey(ev))) {
      this.held.push(ev)
      this.downSwallowed.delete(ev.code)
      this.keysDown.delete(ev.code)
      if (isAlt) this.composingAlt = false
      d.swallow = true
      return
    }
    if (this.downSwallowed.delete(ev.code)) d.swallow = true
  }

  private keyDown(ev: KeyEvent, now: number, d: KeyDecision): void {
    const kind = classifyKey(ev)
    const o = this.options

    if (this.state === 'rejected') {
      // Typing: pass, and stay rejected while keys keep coming.
      if (kind !== 'modifier') this.lastT = now
      return
    }

    if (this.state === 'idle') {
      if (ev.isAutoRepeat || !(kind === 'char' || kind === 'control' || kind === 'altNumpad')) return
      this.state = 'collecting'
      this.held = [ev]
      this.times = [now]
      this.lastT = now
      this.composingAlt = kind === 'altNumpad'
      this.keysDown = new Set([ev.code])
      this.rollover = false
      this.swallowDown(ev, d)
      if (!this.prefixStillPossible()) this.reject(d)
      return
    }

    // collecting
    if (kind === 'modifier') {
      this.held.push(ev)
      this.lastT = now
      this.swallowDown(ev, d)
      return
    }
    if (ev.isAutoRepeat) {
      this.reject(d)
      return
    }
    const terminator: Terminator | null = kind === 'enter' ? 'Enter' : kind === 'tab' ? 'Tab' : null
    if (terminator && o.terminators.includes(terminator)) {
      const before = d.scans.length
      if (this.keysDown.size > 0) this.rollover = true
      this.finish(terminator, d, now)
      if (d.scans.length > before) this.swallowDown(ev, d)
      return
    }
    if (kind === 'char' || kind === 'control' || kind === 'altNumpad' || kind === 'enter' || kind === 'tab') {
      this.held.push(ev)
      this.times.push(now)
      this.lastT = now
      if (kind === 'altNumpad') this.composingAlt = true
      if (this.keysDown.size > 0 && !this.keysDown.has(ev.code)) this.rollover = true
      this.keysDown.add(ev.code)
      this.swallowDown(ev, d)
      if (!this.prefixStillPossible() || this.clearlyIrregular() || this.held.length > MAX_HELD_EVENTS) this.reject(d)
      return
    }
    // A key no scanner sends: the burst was typing.
    this.release(d)
    this.state = 'idle'
  }

  private swallowDown(ev: KeyEvent, d: KeyDecision): void {
    d.swallow = true
    this.downSwallowed.add(ev.code)
  }

  /** The burst is typing: release what was held and let keys through until the next silence. */
  private reject(d: KeyDecision | TickResult): void {
    this.release(d)
    this.state = 'rejected'
  }

  private release(d: KeyDecision | TickResult): void {
    // Released keyDowns reach the page through the replay; their real keyUps must then pass too.
    for (const e of this.held) if (e.type === 'keyDown') this.downSwallowed.delete(e.code)
    d.release.push(...this.held)
    this.held = []
    this.times = []
    this.composingAlt = false
  }

  private finish(terminator: Terminator | null, d: KeyDecision | TickResult, terminatorAt?: number): void {
    if (this.state === 'collecting') {
      const scan = this.evaluate(terminator, terminatorAt)
      if (scan) {
        d.scans.push(scan)
        // A modifier pressed before the burst started reached the page; give it its key-up back (types nothing).
        const heldDowns = new Set<string>()
        for (const e of this.held) {
          if (e.type === 'keyDown') heldDowns.add(e.code)
          else if (isModifierKey(e) && !heldDowns.has(e.code)) d.release.push(e)
        }
        this.held = []
        this.times = []
        this.composingAlt = false
      } else {
        this.release(d)
      }
    }
    this.state = 'idle'
  }

  private decoded(): string {
    const dec = new KeyDecoder(this.options.layout)
    for (const e of this.held) dec.feed(e)
    return dec.finish()
  }

  private prefixStillPossible(): boolean {
    const p = this.options.prefix
    if (!p) return true
    const text = this.decoded()
    return text.length >= p.length ? text.startsWith(p) : p.startsWith(text)
  }

  private intervals(): number[] {
    const out: number[] = []
    for (let i = 1; i < this.times.length; i++) out.push(this.times[i] - this.times[i - 1])
    return out
  }

  private static mean(xs: number[]): number {
    return xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length
  }

  private static median(xs: number[]): number {
    const s = [...xs].sort((a, b) => a - b)
    const n = s.length
    return n === 0 ? 0 : n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2
  }

  /** Regular like a scanner's clock: small median deviation, at most one outlier in eight. */
  private regular(xs: number[], ratio: number): boolean {
    const m = WedgeDetector.median(xs)
    if (m <= 0) return true
    const dev = xs.map((x) => Math.abs(x - m) / m)
    const outliers = dev.filter((x) => x > ratio * 2).length
    return WedgeDetector.median(dev) <= ratio && outliers <= Math.floor(xs.length / 8)
  }

  /** Early rejection under the slow preset: a slow burst that overlaps keys or is far from regular is typing. */
  private clearlyIrregular(): boolean {
    const xs = this.intervals()
    if (xs.length < 2) return false
    const mean = WedgeDetector.mean(xs)
    if (mean <= this.options.regularityAboveMs) return false
    return this.rollover || (xs.length >= 4 && !this.regular(xs, this.options.maxJitterRatio * 2))
  }

  /** The terminator's key-down comes at the scanner's pace too: it counts for the slow-burst timing checks. */
  private evaluate(terminator: Terminator | null, terminatorAt?: number): WedgeScan | null {
    const o = this.options
    if (this.composingAlt) return null
    if (o.requireTerminator && terminator === null) return null
    let text = this.decoded()
    if (o.prefix) {
      if (!text.startsWith(o.prefix)) return null
      text = text.slice(o.prefix.length)
    }
    if (o.suffix) {
      if (!text.endsWith(o.suffix)) return null
      text = text.slice(0, text.length - o.suffix.length)
    }
    if ([...text].length < o.minLength) return null
    const xs = this.intervals()
    const mean = WedgeDetector.mean(xs)
    if (mean > o.regularityAboveMs) {
      const all = terminatorAt === undefined ? xs : [...xs, terminatorAt - this.times[this.times.length - 1]]
      if (all.length + 1 < o.minSlowKeys || this.rollover || !this.regular(all, o.maxJitterRatio)) return null
    }
    return { data: text, terminator, keyCount: this.times.length, meanIntervalMs: Math.round(mean * 100) / 100 }
  }
}
