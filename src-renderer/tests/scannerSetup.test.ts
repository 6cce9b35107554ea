import { describe, expect, it } from 'vitest'
import type { ScannerMeasurement } from '../../src-main/contract'
import { settingDefaults } from '../../src-main/core/settings'
import { adviseSetup, allChanges } from '../src/calibration/proposals'
import { programmingFor } from '../../src-shared/scanner-programming'

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
    expect(advice.scannerFixes.map((f) => f.fault)).toEqual(['no-terminator', 'no-shift'])
    expect(advice.scannerFixes.map((f) => f.why).join(' ')).toMatch(/without Shift.*inv-si1/)
    expect(advice.layout).toBe('de')
  })
})

describe('the configuration barcodes printed for what the scanner does wrong', () => {
  const slow: ScannerMeasurement = { ...fast, terminator: 'none', shift: 'missing' }
  const codes = (steps: ReturnType<typeof programmingFor>) => steps.map((s) => s.barcodes.map((b) => b.data))

  it('a Honeywell without Shift: its defaults, then the keyboard country the scanner types in', () => {
    const advice = adviseSetup(slow, 'de', settingDefaults)
    const steps = programmingFor(
      'honeywell',
      advice.scannerFixes.map((f) => f.fault),
      advice.layout,
    )
    // No Enter: no checked code, the manual's page instead; no Shift: Activate defaults, Keyboard country Germany.
    expect(codes(steps)).toEqual([[], ['~DEFALT.', '~KBDCTY4.']])
    expect(steps[0]!.manual).toContain('Add CR Suffix')
    expect(steps[1]!.barcodes.map((b) => b.encode)).toEqual(['~DEFALT.^FNC3', '~KBDCTY4.^FNC3'])
  })

  it('a scanner no layout reads: the keyboard country of the layout the station expects', () => {
    const advice = adviseSetup(fast, null, { ...settingDefaults, 'scanner.wedge.layout': 'uk' })
    expect(advice.scannerFixes.map((f) => f.fault)).toEqual(['unknown-layout'])
    expect(codes(programmingFor('honeywell', ['unknown-layout'], advice.layout))).toEqual([['~KBDCTY7.']])
    // A layout Honeywell has no country number for gets the manual's page only.
    expect(codes(programmingFor('honeywell', ['unknown-layout'], 'host'))).toEqual([[]])
  })

  it('a Zebra gets its factory defaults for Shift; another make only the pages of its manual', () => {
    const faults = adviseSetup(slow, 'us', settingDefaults).scannerFixes.map((f) => f.fault)
    expect(codes(programmingFor('zebra', faults, 'us'))).toEqual([[], ['92']])
    const other = programmingFor('other', faults, 'us')
    expect(codes(other)).toEqual([[], []])
    expect(other.map((s) => s.manual).join(' ')).toMatch(/Suffix.*Case conversion/)
  })
})
