import { describe, expect, it } from 'vitest'
import { answerWords, parsePluginsTried } from '../src/lib/pluginsTried'

describe('parsePluginsTried', () => {
  it('splits the resolver trace into steps, keeping spaces inside a failure message', () => {
    expect(parsePluginsTried('InvenTreeBarcode:no GS1Barcode:failed(Bad input: x y) DigiKey:match')).toEqual([
      { plugin: 'InvenTreeBarcode', answer: 'no' },
      { plugin: 'GS1Barcode', answer: 'failed(Bad input: x y)' },
      { plugin: 'DigiKey', answer: 'match' },
    ])
    expect(parsePluginsTried('')).toEqual([])
  })

  it('says each answer in words', () => {
    expect(answerWords('ambiguous(2)')).toBe('2 items matched')
    expect(answerWords('missing(part:1)')).toBe('named items not in the database (part:1)')
    expect(answerWords('recognised')).toBe('recognised, nothing matched')
  })
})
