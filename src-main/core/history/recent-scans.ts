/**
 * The last results the Station returned, by result id. A workflow that claims a scan takes this very object, so
 * a scan is resolved once and keeps what only its resolution knew (its source, its exact bytes), even when the
 * history is switched off and nothing was logged.
 */
import type { ScanResult } from '../../contract'

/** A result before it has its key (the Omit keeps the union's members apart). */
export type UnkeyedScanResult = ScanResult extends infer R
  ? R extends ScanResult
    ? Omit<R, 'result_id'>
    : never
  : never

/** Enough for a burst of scans a page is still adding, small enough to keep no data worth a memory budget. */
export const RECENT_SCANS = 256

export class RecentScans {
  private readonly results = new Map<number, ScanResult>()
  /** Unlogged results count down from -1, so they never meet a history id. */
  private nextUnlogged = -1

  constructor(private readonly capacity = RECENT_SCANS) {}

  /** Gives the result its key (its history id, or the next in-memory one) and keeps it, dropping the oldest. */
  keep(result: UnkeyedScanResult): ScanResult {
    const id = result.scan_id ?? this.nextUnlogged--
    const keyed = { ...result, result_id: id } as ScanResult
    this.results.delete(id)
    this.results.set(id, keyed)
    while (this.results.size > this.capacity) this.results.delete(this.results.keys().next().value!)
    return keyed
  }

  get(id: number): ScanResult | undefined {
    return this.results.get(id)
  }
}
