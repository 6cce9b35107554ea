/**
 * Keyboard shortcuts for the control characters of supplier labels, for fields where a person types or pastes
 * barcode data: Ctrl+] → GS (0x1D), Ctrl+^ / Ctrl+6 → RS (0x1E), Ctrl+D → EOT (0x04). Matched on the physical key
 * (`code`), so they work whatever the keyboard layout (German Ctrl+] arrives as key `+`), with the same table the
 * wedge decodes scanners' control chords with; only the three separators labels use are shortcuts here.
 */
import { CONTROL_CODES } from '../../../src-shared/keyboard/keys'

const LABEL_SEPARATOR_KEYS = new Set(['BracketRight', 'Digit6', 'KeyD'])

/** The control character a keydown stands for, or null. */
export function controlCharFor(
  e: Pick<KeyboardEvent, 'code' | 'key' | 'ctrlKey' | 'altKey' | 'metaKey'>,
): string | null {
  if (!e.ctrlKey || e.altKey || e.metaKey) return null
  if (LABEL_SEPARATOR_KEYS.has(e.code)) return String.fromCharCode(CONTROL_CODES[e.code]!)
  // Without a physical code (some virtual keyboards): the characters themselves.
  if (!e.code && e.key === ']') return '\x1d'
  if (!e.code && (e.key === '^' || e.key === '6')) return '\x1e'
  if (!e.code && e.key.toLowerCase() === 'd') return '\x04'
  return null
}

/** Inserts text at the caret of an input, keeping everything else, and returns the new value and caret. */
export function insertAt(
  value: string,
  start: number | null,
  end: number | null,
  text: string,
): { value: string; caret: number } {
  const s = start ?? value.length
  const e = end ?? s
  return { value: value.slice(0, s) + text + value.slice(e), caret: s + text.length }
}

/** True when the text holds characters an input field would not show. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const hasControlChars = (s: string): boolean => /[\u0000-\u001f\u007f]/.test(s)
