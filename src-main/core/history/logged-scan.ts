/**
 * A scan result read back from its history row (a workflow's fallback when the Station no longer holds it).
 * Rows logged before results named their outcome are given one from the row's own columns, so a scan made
 * before an upgrade still reads the same afterwards.
 */
import type { MatchVia, ModelType, ScanResult } from '../../contract'

export interface LoggedScanRow {
  response: string
  result: 'match' | 'no_match' | 'error'
  model_type: ModelType | null
  pk: number | null
}

// Such rows name only the plugin that answered; these two are the station's own barcodes.
const LEGACY_VIA: Partial<Record<string, MatchVia>> = {
  InvenTreeBarcode: 'internal',
  InvenTreeExternalBarcode: 'linked',
}

/** The result keyed by its history id, which is both its scan_id and its result_id. */
export function loggedScan(row: LoggedScanRow, id: number): ScanResult {
  const logged = JSON.parse(row.response) as Record<string, unknown>
  const outcome = typeof logged.outcome === 'string' ? {} : legacyOutcome(logged, row)
  return { ...logged, ...outcome, scan_id: id, result_id: id } as ScanResult
}

function legacyOutcome(logged: Record<string, unknown>, row: LoggedScanRow): Pick<ScanResult, 'outcome' | 'match'> {
  if (typeof logged.success === 'string') {
    if (logged.command) return { outcome: 'command', match: null }
    if (logged.operator) return { outcome: 'operator', match: null }
    if (row.model_type !== null && row.pk !== null) {
      const via = LEGACY_VIA[String(logged.plugin)] ?? 'label'
      return { outcome: 'matched', match: { model: row.model_type, pk: row.pk, via } }
    }
  }
  if (Array.isArray(logged.candidates) && logged.candidates.length > 1) return { outcome: 'ambiguous', match: null }
  return { outcome: row.result === 'no_match' ? 'no_match' : 'error', match: null }
}
