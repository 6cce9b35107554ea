import { describe, expect, it } from 'vitest'
import { controlSegments, truncate, visibleControlChars } from '../src/lib/visibleControlChars'

describe('visibleControlChars', () => {
  it('shows GS, RS and EOT as control pictures', () => {
    expect(visibleControlChars('\x1d')).toBe('␝')
    expect(visibleControlChars('\x1e')).toBe('␞')
    expect(visibleControlChars('\x04')).toBe('␄')
  })

  it('keeps the printable text of a supplier label and marks its separators', () => {
    expect(visibleControlChars('[)>\x1e06\x1dP595-TLV70233\x1dQ10\x1e\x04')).toBe('[)>␞06␝P595-TLV70233␝Q10␞␄')
  })

  it('shows NUL, tab, newline and DEL too', () => {
    expect(visibleControlChars('a\x00b\tc\nd\x7f')).toBe('a␀b␉c␊d␡')
  })

  it('names invisible characters that have no picture', () => {
    expect(visibleControlChars('ab\u202Ecd\u0085')).toBe('ab⟨U+202E⟩cd⟨U+0085⟩')
  })

  it('leaves ordinary text, including non-ASCII, alone', () => {
    expect(visibleControlChars('INV-SI5 Größe ×2 😀')).toBe('INV-SI5 Größe ×2 😀')
  })
})

describe('truncate', () => {
  it('keeps short text and shortens long text, saying how long it was', () => {
    expect(truncate('abc', 3)).toBe('abc')
    expect(truncate('abcdef', 3)).toBe('abc… (6 characters)')
  })
})

describe('controlSegments', () => {
  it('names each control character next to its picture', () => {
    expect(controlSegments('P1\x1dQ2\x04')).toEqual([
      { text: 'P1' },
      { text: '␝', control: 'GS' },
      { text: 'Q2' },
      { text: '␄', control: 'EOT' },
    ])
  })
})
