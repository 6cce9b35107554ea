import { describe, expect, it } from 'vitest'
import { normalizeResult, upcAToUpcE } from './normalize'
import { defaultSymbologyId, gs1CheckDigitValid, passesChecks, upcEToUpcA } from './symbology'

describe('check digits and UPC forms', () => {
  it('validates GS1 check digits', () => {
    expect(gs1CheckDigitValid('4006381333931')).toBe(true)
    expect(gs1CheckDigitValid('4006381333932')).toBe(false)
    expect(gs1CheckDigitValid('42191605')).toBe(true)
    expect(passesChecks('EAN13', '3574660239843')).toBe(true)
    expect(passesChecks('EAN8', '51894208')).toBe(false)
    expect(passesChecks('ITF', '1334')).toBe(false)
  })

  it('expands and compresses UPC-E', () => {
    expect(upcEToUpcA('04965802')).toBe('049000006582')
    expect(upcAToUpcE('049000006582')).toBe('04965802')
    expect(upcAToUpcE('882428015268')).toBeNull()
  })

  it('reports UPC-A as 12 digits and UPC-E as 8, as scanners transmit them', () => {
    expect(normalizeResult({ text: '0882428015268', format: 'EAN13', symbologyId: ']E0' })).toEqual({
      text: '882428015268',
      format: 'UPCA',
      symbologyId: ']E0',
    })
    expect(normalizeResult({ text: '0049000006582', format: 'UPCE', symbologyId: ']E0' }).text).toBe('04965802')
    expect(normalizeResult({ text: '4006381333931', format: 'EAN13', symbologyId: ']E0' }).text).toBe('4006381333931')
  })

  it('reports GS1-128 as ]C1 without its leading FNC1', () => {
    expect(normalizeResult({ text: '\x1d0109501101530003\x1d2112', format: 'Code128', symbologyId: ']C0' })).toEqual({
      text: '0109501101530003\x1d2112',
      format: 'Code128',
      symbologyId: ']C1',
    })
  })

  it('knows the AIM identifiers of the formats it reports', () => {
    expect(defaultSymbologyId('QRCode')).toBe(']Q1')
    expect(defaultSymbologyId('DataMatrix')).toBe(']d1')
    expect(defaultSymbologyId('Code128')).toBe(']C0')
  })
})
