/**
 * What a scan looks like after the keyboard, the clipboard and the scanner have had their way with it: smart
 * quotes from a word processor, stray whitespace, NBSPs, and control characters that wedge scanners drop or
 * mangle. `tolerant` repairs what is safe to repair and says what it did, so the result can tell the user.
 */

export interface Normalised {
  text: string
  /** Human-readable notes, one per kind of repair; empty when the data was already clean. */
  notes: string[]
}

const SMART_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g
const SMART_APOSTROPHES = /[\u2018\u2019\u201A\u201B\u2032]/g
const ODD_SPACES = /[\u00A0\u2000-\u200B\u202F\u205F\u3000\uFEFF]/g
// Control characters other than the ones labels carry on purpose (GS, RS, EOT, FS, US).
const STRAY_CONTROL = /[\u0000-\u0003\u0005-\u001B\u007F-\u009F]/g
const CARET_CONTROLS = /\^\]|\^\^|\^D/g
const CARET_MAP: Record<string, string> = { '^]': '\u001D', '^^': '\u001E', '^D': '\u0004' }

/** Printable ASCII with no surrounding space: nothing to repair (most scans), so no regex pass is needed. */
const CLEAN = /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/

export function tolerant(data: string): Normalised {
  if (CLEAN.test(data) && !data.includes('^')) return { text: data, notes: [] }
  const notes: string[] = []
  let text = data
  const step = (next: string, note: string): void => {
    if (next !== text) {
      notes.push(note)
      text = next
    }
  }
  step(text.replace(SMART_QUOTES, '"').replace(SMART_APOSTROPHES, "'"), 'smart quotes replaced by plain quotes')
  step(text.replace(ODD_SPACES, ' '), 'non-standard spaces replaced')
  step(text.replace(/\r\n?|\n/g, '').replace(/\t$/, ''), 'line breaks removed')
  step(text.trim(), 'surrounding whitespace removed')
  step(text.replace(STRAY_CONTROL, ''), 'stray control characters removed')
  // Only a label-shaped text gets caret codes turned back into separators: elsewhere ^D is just data.
  if (/^\[\)>|^>\[\)>/.test(text))
    step(
      text.replace(CARET_CONTROLS, (c) => CARET_MAP[c]!),
      'caret codes turned back into separators',
    )
  return { text, notes }
}
