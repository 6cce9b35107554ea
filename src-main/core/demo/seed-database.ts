/**
 * The CLI's `seed`: opens (or creates) a station database, adds the synthetic data asked for, and reports what it
 * holds. Kept in core so callers never handle the Station's database connection themselves.
 */
import { openStationDatabase, Station, type StationOptions } from '../station'
import type { StationInfo } from '../../contract'
import { seedHistory, seedLinks, seedScale } from './seed'

export interface SeedAmounts {
  /** Synthetic stock items to add (0: none). */
  scale?: number
  /** Synthetic carton labels to link (0: none). */
  links?: number
  /** Synthetic history scans to add (undefined: none). */
  history?: number
}

export interface SeedReport {
  added: ReturnType<typeof seedScale> | null
  linked: ReturnType<typeof seedLinks> | null
  history: ReturnType<typeof seedHistory> | null
  counts: StationInfo['counts']
}

export function seedDatabase(options: StationOptions, amounts: SeedAmounts): SeedReport {
  const db = openStationDatabase(options)
  const station = new Station(db, options)
  try {
    const added = amounts.scale ? seedScale(db, amounts.scale) : null
    const linked = amounts.links ? seedLinks(db, amounts.links) : null
    const history = amounts.history === undefined ? null : seedHistory(db, amounts.history)
    return { added, linked, history, counts: station.info().counts }
  } finally {
    station.close()
  }
}
