import { describe, expect, it } from 'vitest'
import { isMatch, matchedItem, noMatchHeading } from './scan-result'

const ref = (pk: number, name: string) => ({ pk, name, url: `/x/${pk}` })

describe('scan-result helpers', () => {
  it('opens the item the result names in match, not another model key it also carries', () => {
    const result = {
      outcome: 'matched' as const,
      match: { model: 'supplierpart' as const, pk: 3 },
      part: ref(9, 'Resistor'),
      supplierpart: ref(3, 'LCSC C1'),
    }
    expect(isMatch(result)).toBe(true)
    expect(matchedItem(result)).toEqual({ model: 'supplierpart', ref: ref(3, 'LCSC C1') })
  })

  it('counts a command or a badge as understood, but opens no item for them', () => {
    const command = { outcome: 'command' as const, match: null }
    expect(isMatch(command)).toBe(true)
    expect(matchedItem(command)).toBeNull()
    expect(isMatch({ outcome: 'operator' as const, match: null })).toBe(true)
  })

  it('finds no item in a failed scan, and heads its notice by why it failed', () => {
    const several = { outcome: 'ambiguous' as const, match: null }
    expect(isMatch(several)).toBe(false)
    expect(matchedItem({ outcome: 'no_match', match: null, part: ref(1, 'a') })).toBeNull()
    expect(noMatchHeading(several)).toBe('Several items match')
    expect(noMatchHeading({ outcome: 'no_match', match: null, problem: 'check digit' })).toBe('Cannot use this barcode')
    expect(noMatchHeading({ outcome: 'no_match', match: null })).toBe('Not found')
  })
})
