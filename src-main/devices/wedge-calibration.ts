/**
 * Keyboard-layout calibration for wedge scanners: the user prints the test label (CALIBRATION_LABEL),
 * arms calibration, and scans it. While armed, the next burst any wedge session recognises is NOT sent to the
 * Station as a scan: its raw key events go to `complete()`, which decodes them with every layout profile and picks
 * the one that gives the label exactly (core/scanner/layouts.ts `calibrateAll`). The page then stores that profile
 * in the 'scanner.wedge.layout' setting.
 *
 * A scanner set to add a prefix/suffix still calibrates: a profile whose decoding CONTAINS the label is accepted
 * when none decodes it exactly. An armed calibration that sees no burst expires after `timeoutMs`.
 *
 * Pure state (time is passed in), owned by the ScannerHub; the Station reaches it through `WedgeCalibrationControl`.
 */
import type { WedgeCalibrationView } from '../contract'
import { type KeyEvent } from '../../src-shared/keyboard/keys'
import { profileNames } from '../../src-shared/keyboard/layouts'
import { CALIBRATION_LABEL, calibrateAll, decodeKeys } from '../core/scanner/layouts'
import { measureScanner } from '../core/scanner/measure'

export type CalibrationState = 'idle' | 'waiting' | 'done'

export type { WedgeCalibrationView } from '../contract'

export interface WedgeCalibrationControl {
  start(): WedgeCalibrationView
  cancel(): WedgeCalibrationView
  view(): WedgeCalibrationView
}

export const CALIBRATION_TIMEOUT_MS = 120_000

const NO_RESULT = { profile: null, candidates: [], decoded: [], measured: null }

export class WedgeCalibration implements WedgeCalibrationControl {
  private state: CalibrationState = 'idle'
  private armedAt = 0
  private result: Pick<WedgeCalibrationView, 'profile' | 'candidates' | 'decoded' | 'measured'> = NO_RESULT
  /** Told when calibration is armed or disarmed (the hub swaps the sessions' detectors). */
  onArmedChange: (armed: boolean) => void = () => {}

  constructor(
    private readonly now: () => number,
    readonly label: string = CALIBRATION_LABEL,
    private readonly timeoutMs: number = CALIBRATION_TIMEOUT_MS,
  ) {}

  /** True while the next burst is wanted (expires by itself). */
  get armed(): boolean {
    if (this.state === 'waiting' && this.now() - this.armedAt > this.timeoutMs) {
      this.state = 'idle'
      this.onArmedChange(false)
    }
    return this.state === 'waiting'
  }

  start(): WedgeCalibrationView {
    const was = this.armed
    this.state = 'waiting'
    this.armedAt = this.now()
    this.result = NO_RESULT
    if (!was) this.onArmedChange(true)
    return this.view()
  }

  cancel(): WedgeCalibrationView {
    const was = this.armed
    this.state = 'idle'
    this.result = NO_RESULT
    if (was) this.onArmedChange(false)
    return this.view()
  }

  /**
   * The burst scanned while armed: its raw key events (keyDowns and keyUps, terminator included or not) and the
   * time of each, which measure the scanner's speed.
   */
  complete(events: readonly KeyEvent[], times: readonly number[] = []): WedgeCalibrationView {
    let candidates = calibrateAll(this.label, events)
    const decoded = profileNames.map((profile) => ({ profile, text: decodeKeys(stripTerminators(events), profile) }))
    if (candidates.length === 0) candidates = decoded.filter((d) => d.text.includes(this.label)).map((d) => d.profile)
    const measured = measureScanner(this.label, events, times)
    this.result = { profile: candidates[0] ?? null, candidates, decoded, measured }
    const was = this.state === 'waiting'
    this.state = 'done'
    if (was) this.onArmedChange(false)
    return this.view()
  }

  view(): WedgeCalibrationView {
    const armed = this.armed
    return {
      state: this.state,
      label: this.label,
      ...this.result,
      expiresInMs: armed ? Math.max(0, this.timeoutMs - (this.now() - this.armedAt)) : null,
    }
  }
}

/** Enter/Tab key-downs (and key-ups) are terminators, not label text. */
function stripTerminators(events: readonly KeyEvent[]): KeyEvent[] {
  return events.filter(
    (e) =>
      !['Enter', 'NumpadEnter', 'Tab'].includes(e.code) && !(e.code === '' && (e.key === 'Enter' || e.key === 'Tab')),
  )
}
