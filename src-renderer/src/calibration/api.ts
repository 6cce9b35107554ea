/**
 * The wedge-calibration call, against the contract method the station needs for it (issue 4):
 *
 *   calibrateWedge: z.strictObject({ action: z.enum(['start', 'cancel', 'status']) })  →  WedgeCalibrationView
 *
 * (see src-main/devices/wedge-calibration.ts for the output type and the behaviour). TODO(lead): once
 * `calibrateWedge` is in src-main/contract.ts, replace `callCalibrate` with `call('calibrateWedge', { action })`
 * and import the type from the contract; until then this reaches it through `window.station` by name, and says
 * plainly when the station does not offer it.
 */
import type { Reply } from '../../../src-main/contract'
import { StationError } from '../api/station'

export type CalibrationProfile = 'us' | 'uk' | 'de' | 'fr' | 'host'

/** Mirrors WedgeCalibrationView in src-main/devices/wedge-calibration.ts. */
export interface WedgeCalibrationView {
  state: 'idle' | 'waiting' | 'done'
  label: string
  profile: CalibrationProfile | null
  candidates: CalibrationProfile[]
  decoded: { profile: CalibrationProfile; text: string }[]
  expiresInMs: number | null
}

export class CalibrationUnavailable extends Error {}

export async function callCalibrate(action: 'start' | 'cancel' | 'status'): Promise<WedgeCalibrationView> {
  const method = (window.station as unknown as Record<string, unknown>)['calibrateWedge']
  if (typeof method !== 'function') throw new CalibrationUnavailable('This station does not offer layout calibration yet (no calibrateWedge method).')
  const reply = (await (method as (input: unknown) => Promise<Reply<WedgeCalibrationView>>)({ action })) as Reply<WedgeCalibrationView>
  if (!reply.ok) throw new StationError(reply.error)
  return reply.value
}

export const PROFILE_NAMES: Record<CalibrationProfile, string> = {
  us: 'US English',
  uk: 'UK English',
  de: 'German',
  fr: 'French',
  host: "Same as this computer's layout",
}
