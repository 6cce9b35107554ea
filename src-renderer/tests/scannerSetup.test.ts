import { describe, expect, it } from 'vitest'
import type { ScannerMeasurement } from '../../src-main/contract'
import { settingDefaults } from '../../src-main/core/settings'
import { adviseSetup, allChanges } from '../src/calibration/proposals'

const fast: ScannerMeasurement = {
  keys: 29,
  gapMs: { median: 4, max: 7 },
  terminator: 'Enter',
  shift: 'sent',
  controlKeys: 0,
}

describe('what scanner setup proposes from a measurement', () => {
  it('a fast US scanner ending with Enter: only require the terminator; nothing to change on the scanner', () => {
    const advice = adviseSetup(fast, 'us', settingDefaults)
    expect(allChanges(advice)).toEqual({ 'scanner.wedge.requireTerminator': true })
    expect(advice.scannerFixes).toEqual([])
    expect(adviseSetup(fast, 'us', { ...settingDefaults, 'scanner.wedge.requireTerminator': true }).proposals).toEqual(
      [],
    )
  })

  it('a German scanner that is slow and sends no Shift or Enter', () => {
    const slow: ScannerMeasurement = { ...fast, gapMs: { median: 25, max: 41 }, terminator: 'none', shift: 'missing' }
    const advice = adviseSetup(slow, 'de', { ...settingDefaults, 'scanner.wedge.requireTerminator': true })
    expect(allChanges(advice)).toEqual({
      'scanner.wedge.layout': 'de',
      'barcode.inputDelay': 65,
      'scanner.wedge.requireTerminator': false,
    })
    expect(advice.scannerFixes.join(' ')).toMatch(/without Shift/)
    expect(advice.scannerFixes.join(' ')).toMatch(/send Enter/)
  })
})
