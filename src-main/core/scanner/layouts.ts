/**
 * Decoding wedge keystrokes with a scanner's layout table (the tables and key classes are in
 * src-shared/keyboard): Alt codes, the stateful decoder, calibration against a printed label, and the keystrokes
 * a scanner would send for a text (the tests and the bench replay them).
 */
import { CONTROL_CODES, classifyKey, isModifierKey, type KeyEvent } from '../../../src-shared/keyboard/keys'
import { layouts, type ProfileName } from '../../../src-shared/keyboard/layouts'

// ---- Alt codes ----------------------------------------------------------------------------------------------------

// Windows-1252 0x80–0x9F (undefined slots map to the C1 code point itself).
const CP1252_80 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ'
// CP437 0x80–0xFF.
const CP437_80 =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00A0'

/** The character an Alt+numpad digit string produces (Windows rules; values wrap at 256). */
export function altCodeChar(digits: string): string {
  const n = Number.parseInt(digits, 10) % 256
  if (n < 128) return String.fromCharCode(n)
  if (digits.startsWith('0')) return n < 0xa0 ? CP1252_80[n - 0x80] : String.fromCharCode(n)
  return CP437_80[n - 0x80]
}

// ---- decoding -----------------------------------------------------------------------------------------------------

const COMBINING: Record<string, string> = { '^': '\u0302', '`': '\u0300', '´': '\u0301', '¨': '\u0308', '~': '\u0303' }

/**
 * Stateful decoder: feed key events (keyDown and keyUp, in order), read `text`. Terminator keys (Enter, Tab) are
 * decoded as `\r` and `\t`; the burst detector never feeds its terminator in.
 */
export class KeyDecoder {
  text = ''
  private altDigits = ''
  private altGrHeld = false
  private pendingDead: string | null = null

  constructor(readonly profile: ProfileName) {}

  feed(ev: KeyEvent): void {
    if (ev.type === 'keyUp') {
      if (ev.key === 'AltGraph') this.altGrHeld = false
      if ((ev.key === 'Alt' || ev.code === 'AltLeft' || ev.code === 'AltRight') && this.altDigits) {
        this.put(altCodeChar(this.altDigits))
        this.altDigits = ''
      }
      return
    }
    if (ev.key === 'AltGraph') this.altGrHeld = true
    const kind = classifyKey(ev)
    switch (kind) {
      case 'modifier':
      case 'other':
        return
      case 'altNumpad':
        this.altDigits += ev.code.slice(6)
        return
      case 'control':
        this.put(String.fromCharCode(CONTROL_CODES[ev.code]))
        return
      case 'enter':
        this.put('\r')
        return
      case 'tab':
        this.put('\t')
        return
      case 'char':
        this.char(ev)
    }
  }

  /** Finish: a dead key left pending stands for itself. */
  finish(): string {
    if (this.pendingDead) this.text += this.pendingDead
    this.pendingDead = null
    return this.text
  }

  private char(ev: KeyEvent): void {
    const altGr = ev.altGraph === true || this.altGrHeld || (ev.control && ev.alt)
    const layer = (altGr ? 2 : 0) + (ev.shift ? 1 : 0)
    let ch: string | undefined
    let dead = false
    if (this.profile === 'host') {
      if ([...ev.key].length === 1) ch = ev.key
      else if (ev.key === 'Dead') return // the OS composes dead keys itself on the host's layout; the next key carries the result
    } else {
      const table = layouts[this.profile]
      const entry = table.keys[ev.code]
      ch = entry?.[layer] || undefined
      if (ch === undefined && entry && layer === 1 && /^[a-z]$/.test(entry[0])) ch = entry[0].toUpperCase()
      dead = ch !== undefined && table.dead.includes(`${ev.code}:${layer}`)
      if (ch === undefined && [...ev.key].length === 1) ch = ev.key // a key this table does not know: trust the host
    }
    if (ch === undefined) return
    if (ev.capsLock && /^\p{L}$/u.test(ch)) ch = ch === ch.toLowerCase() ? ch.toUpperCase() : ch.toLowerCase()
    if (dead) {
      if (this.pendingDead) this.text += this.pendingDead
      this.pendingDead = ch
      return
    }
    this.put(ch, ev.code === 'Space')
  }

  private put(ch: string, isSpace = false): void {
    const dead = this.pendingDead
    this.pendingDead = null
    if (dead === null) {
      this.text += ch
      return
    }
    if (isSpace) {
      this.text += dead
      return
    }
    const combined = (ch + (COMBINING[dead] ?? '')).normalize('NFC')
    this.text += [...combined].length === 1 ? combined : dead + ch
  }
}

/** Decode a whole key event sequence with a profile. */
export function decodeKeys(events: readonly KeyEvent[], profile: ProfileName): string {
  const d = new KeyDecoder(profile)
  for (const ev of events) d.feed(ev)
  return d.finish()
}

// ---- calibration --------------------------------------------------------------------------------------------------

/**
 * The text of the printed calibration label: the characters whose keys differ between the layouts (quotes, @ # -
 * _ braces, slashes, pipe, tilde) plus the letters that move (Y Z on German, Q A W M on French) and digits (shifted
 * on French). Scanned into a field, a profile that decodes it exactly is the scanner's layout.
 */
export const CALIBRATION_LABEL = '{"-_@#"}/\\|~YZQAWMyzqawm1290'

/** Preference order when several profiles decode the label (a label without distinguishing characters). */
const CALIBRATION_ORDER: ProfileName[] = ['us', 'uk', 'de', 'fr', 'host']

const stripTerminator = (events: readonly KeyEvent[]): KeyEvent[] => {
  const out = [...events]
  for (;;) {
    const i = out.findLastIndex((e) => e.type === 'keyDown' && !isModifierKey(e))
    if (i < 0) break
    const k = classifyKey(out[i])
    if (k !== 'enter' && k !== 'tab') break
    out.splice(i)
  }
  return out
}

/** Every profile that decodes the test label's keystrokes exactly (a trailing Enter/Tab is ignored). */
export function calibrateAll(expected: string, events: readonly KeyEvent[]): ProfileName[] {
  const keys = stripTerminator(events)
  return CALIBRATION_ORDER.filter((p) => decodeKeys(keys, p) === expected)
}

/** The profile that decodes the printed test label's keystrokes exactly, or null when none does. */
export function calibrate(expected: string, events: readonly KeyEvent[]): ProfileName | null {
  return calibrateAll(expected, events)[0] ?? null
}

// ---- encoding (for tests, the e2e suite and the calibration page's self-test) ------------------------------------

export interface Keystroke {
  code: string
  shift: boolean
  altGraph: boolean
  control: boolean
  /** For a character reached through a dead key: press Space after it. */
  deadSpace?: boolean
}

const CONTROL_BY_CHAR = new Map(Object.entries(CONTROL_CODES).map(([code, c]) => [String.fromCharCode(c), code]))

/** How a scanner configured for `layout` types `ch`; null when that layout has no key for it. */
export function keystrokeFor(ch: string, layout: Exclude<ProfileName, 'host'>): Keystroke | null {
  const ctrl = CONTROL_BY_CHAR.get(ch)
  if (ctrl) return { code: ctrl, shift: false, altGraph: false, control: true }
  const table = layouts[layout]
  for (const layer of [0, 1, 2, 3]) {
    for (const [code, layers] of Object.entries(table.keys)) {
      if (code.startsWith('Numpad') && code !== 'NumpadDecimal') continue // prefer the main block, as scanners do
      if (layers[layer] === ch) {
        const deadSpace = table.dead.includes(`${code}:${layer}`) || undefined
        return {
          code,
          shift: layer % 2 === 1,
          altGraph: layer >= 2,
          control: false,
          ...(deadSpace ? { deadSpace } : {}),
        }
      }
    }
  }
  return null
}

/** The `key` a host with layout `host` reports for a keystroke (what a browser shows in KeyboardEvent.key). */
export function hostKey(stroke: Keystroke, host: Exclude<ProfileName, 'host'>): string {
  const entry = layouts[host].keys[stroke.code]
  if (stroke.control) {
    const base = entry?.[0]
    return base && base.length === 1 ? base : stroke.code
  }
  const layer = (stroke.altGraph ? 2 : 0) + (stroke.shift ? 1 : 0)
  const ch = entry?.[layer]
  if (!ch) return 'Unidentified'
  return layouts[host].dead.includes(`${stroke.code}:${layer}`) ? 'Dead' : ch
}

/**
 * The key events a scanner configured for `scanner` layout produces for `text` on a host using `host` layout
 * (keyDown and keyUp of each key, Shift/AltGr presses included). Characters the layout cannot type are sent as
 * Alt+numpad codes (Alt, three digits, Alt up), as scanners do in their "Alt mode".
 */
export function keyEventsFor(
  text: string,
  scanner: Exclude<ProfileName, 'host'> = 'us',
  host: Exclude<ProfileName, 'host'> = scanner,
): KeyEvent[] {
  const out: KeyEvent[] = []
  const base = { shift: false, control: false, alt: false, meta: false, isAutoRepeat: false }
  const press = (key: string, code: string, mods: Partial<KeyEvent> = {}): void => {
    out.push({ ...base, ...mods, type: 'keyDown', key, code })
    out.push({ ...base, ...mods, type: 'keyUp', key, code })
  }
  for (const ch of text) {
    const stroke = keystrokeFor(ch, scanner)
    if (!stroke) {
      const n = ch.codePointAt(0)!
      const digits = n < 128 ? String(n).padStart(3, '0') : `0${n}`
      out.push({ ...base, type: 'keyDown', key: 'Alt', code: 'AltLeft', alt: true })
      for (const d of digits) press(d, `Numpad${d}`, { alt: true })
      out.push({ ...base, type: 'keyUp', key: 'Alt', code: 'AltLeft' })
      continue
    }
    const key = hostKey(stroke, host)
    if (stroke.shift) out.push({ ...base, type: 'keyDown', key: 'Shift', code: 'ShiftLeft', shift: true })
    if (stroke.altGraph)
      out.push({ ...base, shift: stroke.shift, type: 'keyDown', key: 'AltGraph', code: 'AltRight', altGraph: true })
    if (stroke.control) out.push({ ...base, type: 'keyDown', key: 'Control', code: 'ControlLeft', control: true })
    const mods: Partial<KeyEvent> = {
      shift: stroke.shift,
      control: stroke.control,
      ...(stroke.altGraph ? { altGraph: true } : {}),
    }
    press(key, stroke.code, mods)
    if (stroke.control) out.push({ ...base, type: 'keyUp', key: 'Control', code: 'ControlLeft' })
    if (stroke.altGraph) out.push({ ...base, shift: stroke.shift, type: 'keyUp', key: 'AltGraph', code: 'AltRight' })
    if (stroke.shift) out.push({ ...base, type: 'keyUp', key: 'Shift', code: 'ShiftLeft' })
    if (stroke.deadSpace) press(' ', 'Space')
  }
  return out
}
