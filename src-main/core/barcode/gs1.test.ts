import { describe, expect, it } from 'vitest'
import { gs1CheckDigit, gs1CheckDigitValid, gs1Date, Gs1Error, parseGs1 } from './gs1'

const GS = '\u001D'

describe('GS1 check digits and dates', () => {
  it('computes the mod-10 check digit of GS1 General Specifications examples', () => {
    expect(gs1CheckDigitValid('09506000134352')).toBe(true) // GTIN used throughout GS1 Digital Link examples
    expect(gs1CheckDigitValid('4006381333931')).toBe(true) // a retail EAN-13
    expect(gs1CheckDigitValid('036000291452')).toBe(true) // the UPC-A example of the UPC specification
    expect(gs1CheckDigitValid('106141412345678908')).toBe(true) // SSCC example of the GS1 General Specifications
    expect(gs1CheckDigitValid('09506000134353')).toBe(false)
    expect(gs1CheckDigit('950600013435')).toBe(2)
  })

  it('decodes YYMMDD with GS1 century window and day 00 as the end of the month', () => {
    const now = new Date('2026-11-26T00:00:00Z')
    expect(gs1Date('261231', now)).toBe('2026-12-31')
    expect(gs1Date('280200', now)).toBe('2028-02-29')
    expect(gs1Date('250200', now)).toBe('2025-02-28')
    expect(gs1Date('760101', now)).toBe('2076-01-01') // 49 years ahead is still this century
    expect(gs1Date('770101', now)).toBe('1977-01-01') // beyond that, the previous one
    expect(() => gs1Date('261301', now)).toThrow(Gs1Error)
    expect(() => gs1Date('260231', now)).toThrow(/Bad day/)
  })
})

describe('GS1 element strings', () => {
  it('reads GS1-128 with its symbology id and FNC1 as GS', () => {
    const p = parseGs1(`]C1010950600013435217291231` + `10LOT-7${GS}21SN0042${GS}3712`)!
    expect(p).toMatchObject({
      form: 'symbology',
      gtin: '09506000134352',
      expiry: '2029-12-31',
      batch: 'LOT-7',
      serial: 'SN0042',
      count: 12,
    })
  })

  it('reads GS1 DataMatrix and QR symbology ids, net weight and customer PO', () => {
    expect(parseGs1(`]d201095060001343523103000250${GS}400PO-0001`)).toMatchObject({
      gtin: '09506000134352',
      net_weight_kg: 0.25,
      customer_order_number: 'PO-0001',
    })
    expect(parseGs1(']Q3010950600013435210ABC')).toMatchObject({ gtin: '09506000134352', batch: 'ABC' })
  })

  it('reads the human-readable parenthesised form', () => {
    expect(parseGs1('(01)09506000134352(17)251200(10)AB-123')).toMatchObject({
      form: 'parenthesised',
      expiry: '2025-12-31',
      batch: 'AB-123',
    })
    expect(parseGs1('(00)106141412345678908')).toMatchObject({ sscc: '106141412345678908' })
  })

  it('reads GS1 Digital Link URLs, path and query', () => {
    expect(parseGs1('https://id.gs1.org/01/09506000134352/10/AB-123?17=290101')).toMatchObject({
      form: 'digital-link',
      gtin: '09506000134352',
      batch: 'AB-123',
      expiry: '2029-01-01',
    })
    expect(parseGs1('https://example.com/products/shoes')).toBeNull()
  })

  it('reads bare EAN-13, UPC-A and EAN-8 as GTIN-14, and only when the check digit holds', () => {
    expect(parseGs1('4006381333931')?.gtin).toBe('04006381333931')
    expect(parseGs1('036000291452')?.gtin).toBe('00036000291452')
    expect(parseGs1('96385074')?.gtin).toBe('00000096385074')
    expect(parseGs1('4006381333932')).toBeNull()
    expect(parseGs1('12345')).toBeNull()
  })

  it('reads EAN/UPC behind the AIM id a scanner may send (]E0 EAN-13 and UPC-A, ]E4 EAN-8), not ]E0 with 8 digits', () => {
    expect(parseGs1(']E04006381333931')).toMatchObject({ gtin: '04006381333931', form: 'symbology' })
    expect(parseGs1(']E0036000291452')?.gtin).toBe('00036000291452')
    expect(parseGs1(']E496385074')?.gtin).toBe('00000096385074')
    // Eight digits under ]E0 are a UPC-E, which stands for another GTIN; ]E4 with 13 digits is no EAN-8.
    expect(parseGs1(']E096385074')).toBeNull()
    expect(parseGs1(']E44006381333931')).toBeNull()
    expect(parseGs1(']E04006381333932')).toBeNull()
  })

  it('refuses data that claims to be GS1 and is broken, with the reason', () => {
    expect(() => parseGs1('(01)09506000134353')).toThrow(/check digit/)
    expect(() => parseGs1(']C101095060001343')).toThrow(/needs 14/)
    expect(() => parseGs1(']C1990')).not.toThrow()
    expect(() => parseGs1(']C1AB')).toThrow(/application identifier/)
  })
})
