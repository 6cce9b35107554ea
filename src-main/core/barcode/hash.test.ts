import { describe, expect, it } from 'vitest'
import { barcodeHash, normaliseForHash } from './hash'

describe("InvenTree's external barcode hash", () => {
  it('is the MD5 of the UTF-8 text as lowercase hex', () => {
    // RFC 1321 test vectors.
    expect(barcodeHash('abc')).toBe('900150983cd24fb0d6963f7d28e17f72')
    expect(barcodeHash('message digest')).toBe('f96b697d7cb7938d525a2f31aaf161d0')
    expect(barcodeHash('µ')).toBe(barcodeHash('\u00b5'))
  })

  it('ignores surrounding whitespace, control, newline and bidi characters', () => {
    expect(normaliseForHash('  a\u001Db\u001Ec\u0004\n\u200Ed\u202Ae\u007F\u0085 ')).toBe('abcde')
    expect(barcodeHash('\t abc \r\n')).toBe(barcodeHash('abc'))
  })

  it('keeps characters that are data, such as inner spaces', () => {
    expect(barcodeHash('a b')).not.toBe(barcodeHash('ab'))
  })
})
