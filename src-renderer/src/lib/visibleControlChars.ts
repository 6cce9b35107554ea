/**
 * Making characters that would otherwise be invisible (or would reorder the text around them) visible, so that
 * an operator can see why a barcode did not match: supplier labels carry GS/RS/EOT separators, and wedge
 * scanners lose or mangle them.
 */

// C0 control names, indexed by code point; used where the Control Pictures glyph may be missing from the fonts.
const C0_NAMES = [
  'NUL',
  'SOH',
  'STX',
  'ETX',
  'EOT',
  'ENQ',
  'ACK',
  'BEL',
  'BS',
  'HT',
  'LF',
  'VT',
  'FF',
  'CR',
  'SO',
  'SI',
  'DLE',
  'DC1',
  'DC2',
  'DC3',
  'DC4',
  'NAK',
  'SYN',
  'ETB',
  'CAN',
  'EM',
  'SUB',
  'ESC',
  'FS',
  'GS',
  'RS',
  'US',
]

/** A run of ordinary text, or one control character as its picture (e.g. ␝) and its name (e.g. GS). */
export type Segment = { text: string; control?: undefined } | { text: string; control: string }

export function controlSegments(s: string): Segment[] {
  const segments: Segment[] = []
  let run = ''
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0
    const control = code <= 0x1f ? C0_NAMES[code] : code === 0x7f ? 'DEL' : undefined
    if (control !== undefined) {
      if (run) segments.push({ text: run })
      run = ''
      segments.push({ text: String.fromCodePoint(code === 0x7f ? 0x2421 : 0x2400 + code), control })
    } else {
      run += isInvisible(code) ? `⟨U+${code.toString(16).toUpperCase().padStart(4, '0')}⟩` : ch
    }
  }
  if (run) segments.push({ text: run })
  return segments
}

/**
 * C0 controls and DEL become their Unicode Control Pictures (0x1D → ␝); C1 controls, bidi controls and
 * zero-width characters, which have no picture, become `⟨U+XXXX⟩`.
 */
export function visibleControlChars(s: string): string {
  return controlSegments(s)
    .map((segment) => segment.text)
    .join('')
}

function isInvisible(code: number): boolean {
  return (
    (code >= 0x80 && code <= 0x9f) ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069) ||
    code === 0xfeff
  )
}

/** Shortens text for display; a scan may legally be up to a megabyte and would freeze a table cell. */
export function truncate(s: string, max: number): string {
  const chars = Array.from(s)
  if (chars.length <= max) return s
  return `${chars.slice(0, max).join('')}… (${chars.length} characters)`
}
