/**
 * The wedge-calibration call (contract method `calibrateWedge`): arm calibration, then poll until the scanned test
 * label has been decoded by every layout profile.
 */
import type { LayoutProfile, WedgeCalibrationView } from '../../../src-main/contract'
import { call } from '../api/station'

export type CalibrationProfile = LayoutProfile
export type { WedgeCalibrationView }

export function callCalibrate(action: 'start' | 'cancel' | 'status'): Promise<WedgeCalibrationView> {
  return call('calibrateWedge', { action })
}

export const PROFILE_NAMES: Record<CalibrationProfile, string> = {
  us: 'US English',
  uk: 'UK English',
  de: 'German',
  fr: 'French',
  host: "Same as this computer's layout",
}
