/**
 * What the scanner setup page proposes after measuring a scanner: the settings that make the station read it
 * right, each with the reason, and what only the scanner's own configuration can fix.
 */
import type { LayoutProfile, ScannerMeasurement, SettingsValues } from '../../../src-main/contract'
import type { ScannerFault } from '../../../src-shared/scanner-programming'

export interface Proposal {
  changes: Partial<SettingsValues>
  why: string
}

/** A fault no station setting can undo: the person changes the scanner (its configuration barcodes). */
export interface ScannerFix {
  fault: ScannerFault
  why: string
}

export interface SetupAdvice {
  proposals: Proposal[]
  scannerFixes: ScannerFix[]
  /** The layout the scanner should type in: the one found, else the one the station expects. */
  layout: LayoutProfile
}

/** Headroom over the slowest gap measured: a scanner slows down on a long or badly printed label. */
const GAP_HEADROOM = 1.5

export function adviseSetup(
  measured: ScannerMeasurement,
  profile: LayoutProfile | null,
  settings: SettingsValues,
): SetupAdvice {
  const proposals: Proposal[] = []
  const scannerFixes: ScannerFix[] = []
  if (profile && profile !== settings['scanner.wedge.layout'])
    proposals.push({
      changes: { 'scanner.wedge.layout': profile },
      why: `The scanner types in the ${profile.toUpperCase()} layout; the station now expects ${settings['scanner.wedge.layout'].toUpperCase()}.`,
    })
  const delay = settings['barcode.inputDelay']
  const needed = Math.min(200, Math.ceil((measured.gapMs.max * GAP_HEADROOM) / 5) * 5)
  if (measured.gapMs.max > 0 && needed > delay)
    proposals.push({
      changes: { 'barcode.inputDelay': needed },
      why: `The slowest gap between two keys was ${measured.gapMs.max} ms, close to or above the ${delay} ms the station allows.`,
    })
  if (measured.terminator !== 'none' && !settings['scanner.wedge.requireTerminator'])
    proposals.push({
      changes: { 'scanner.wedge.requireTerminator': true },
      why: `The scanner ends each scan with ${measured.terminator}: requiring it means fast typing is never taken for a scan.`,
    })
  if (measured.terminator === 'none' && settings['scanner.wedge.requireTerminator'])
    proposals.push({
      changes: { 'scanner.wedge.requireTerminator': false },
      why: 'The scanner sends no Enter or Tab after a scan, so requiring one would drop every scan.',
    })
  if (measured.terminator === 'none')
    scannerFixes.push({
      fault: 'no-terminator',
      why: 'Set the scanner to send Enter (CR) after each scan ("suffix: CR" in its manual): scans then end at once instead of after a pause.',
    })
  if (measured.shift === 'missing')
    scannerFixes.push({
      fault: 'no-shift',
      why: 'The scanner sends capitals without Shift, so INV-SI1 arrives as inv-si1 and is not found. Turn off its case conversion (or "Caps Lock override") and set its keyboard country to match this computer.',
    })
  else if (!profile)
    scannerFixes.push({
      fault: 'unknown-layout',
      why: "No keyboard layout reads the label exactly: set the scanner's keyboard country to match this computer.",
    })
  return { proposals, scannerFixes, layout: profile ?? settings['scanner.wedge.layout'] }
}

/** All proposals as one settings change. */
export const allChanges = (advice: SetupAdvice): Partial<SettingsValues> =>
  Object.assign({}, ...advice.proposals.map((p) => p.changes)) as Partial<SettingsValues>
