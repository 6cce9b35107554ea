import { describe, expect, it } from 'vitest'
import { isMatch, matchedItem, noMatchHeading } from './scan-result'

const ref = (pk: number, name: string) => ({ pk, name, url: `/x/${pk}` })

describe('scan-result helpers', () => {
  it('takes the first model key of a match as the item it opened, skipping absent ones', () => {
    const result = { success: 'Match', stockitem: undefined, supplierpart: ref(3, 'LCSC C1'), part: ref(9, 'Resistor') }
    expect(isMatch(result)).toBe(true)
    expect(matchedItem(result)).toEqual({ model: 'supplierpart', ref: ref(3, 'LCSC C1') })
  })

  it('finds no item in a failed scan, and heads its notice by why it failed', () => {
    const several = { error: 'Several', candidates: [{ model: 'part', ...ref(1, 'a') }] }
    expect(isMatch(several)).toBe(false)
    expect(matchedItem({ error: 'No match', part: ref(1, 'a') })).toBeNull()
    expect(noMatchHeading(several)).toBe('Several items match')
    expect(noMatchHeading({ error: 'Bad GTIN', problem: 'check digit' })).toBe('Cannot use this barcode')
    expect(noMatchHeading({ error: 'No match' })).toBe('Not found')
  })
})
