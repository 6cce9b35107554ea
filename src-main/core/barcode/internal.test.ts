import { describe, expect, it } from 'vitest'
import { jsonBarcode, MODEL_CODES, parseInternal, shortBarcode } from './internal'

describe('internal barcodes (InvenTree formats)', () => {
  it('reads the JSON form, with a number or a numeric string as pk', () => {
    expect(parseInternal('{"stockitem": 5}', 'INV-')).toEqual({ model: 'stockitem', pk: 5, form: 'json' })
    expect(parseInternal('{"part":"12"}', 'INV-')).toEqual({ model: 'part', pk: 12, form: 'json' })
    expect(parseInternal('  {"stocklocation": 3}\r\n', 'INV-')).toEqual({ model: 'stocklocation', pk: 3, form: 'json' })
  })

  it('reads the negative pk of a row made at the desk on a replica, in both forms', () => {
    expect(parseInternal('{"stockitem": -3}', 'INV-')).toEqual({ model: 'stockitem', pk: -3, form: 'json' })
    expect(parseInternal('INV-SI-3', 'INV-')).toEqual({ model: 'stockitem', pk: -3, form: 'short' })
  })

  it('refuses JSON that is not one model key with a non-zero whole pk', () => {
    for (const bad of [
      '{"stockitem": 0}',
      '{"stockitem": "-"}',
      '{"stockitem": 1.5}',
      '{"stockitem": "1; DROP TABLE part"}',
      '{"stockitem": 1, "part": 2}',
      '{"nonsense": 1}',
      '["stockitem", 1]',
      '{"stockitem": 99999999999999999999}',
      '{',
    ]) {
      expect(parseInternal(bad, 'INV-'), bad).toBeNull()
    }
  })

  it('reads the short form for every InvenTree model code, case-sensitively', () => {
    for (const [code, model] of Object.entries(MODEL_CODES)) {
      expect(parseInternal(`INV-${code}42`, 'INV-')).toEqual({ model, pk: 42, form: 'short' })
      expect(parseInternal(`inv-${code.toLowerCase()}42`, 'INV-')).toBeNull()
    }
  })

  it('lets an unknown model code fall through, even with an empty prefix (the EAN trap)', () => {
    expect(parseInternal('INV-XX5', 'INV-')).toBeNull()
    expect(parseInternal('4006381333931', '')).toBeNull()
    expect(parseInternal('SI7', '')).toEqual({ model: 'stockitem', pk: 7, form: 'short' })
  })

  it('generates byte-identical text to InvenTree', () => {
    expect(jsonBarcode('stockitem', 5)).toBe('{"stockitem": 5}')
    expect(shortBarcode('stocklocation', 12, 'INV-')).toBe('INV-SL12')
    expect(shortBarcode('partcategory', 3, 'INV-')).toBeNull()
  })
})
