import type { HistoryEntry, HistoryFilter, MethodInput, MethodOutputs, Reply } from '../../src-main/contract'
import { ok } from './fakeStation'

/** A history row with sensible defaults (a wedge scan of a stock item's internal barcode). */
export function historyEntry(id: number, over: Partial<HistoryEntry> = {}): HistoryEntry {
  return {
    id,
    timestamp: '2026-01-02T10:00:00Z',
    action: 'scan',
    data: 'INV-SI5',
    dataHex: null,
    source: 'wedge',
    device: null,
    operator: null,
    plugin: 'InvenTreeInternalBarcode',
    result: 'match',
    model: 'stockitem',
    pk: 5,
    pluginsTried: 'InvenTreeBarcode:match',
    response: '{}',
    durationMs: 1.234,
    ...over,
  }
}

/**
 * A `historyQuery` handler over a history of `total` rows that exist only as they are asked for: row i (0 =
 * newest) is `make(i, filter)`. Answers pages by offset and limit as main does.
 */
export function pagedHistory(
  total: number | ((filter: HistoryFilter) => number),
  make: (index: number, filter: HistoryFilter) => HistoryEntry = (i) => historyEntry(idAt(i)),
): (input: MethodInput<'historyQuery'>) => Reply<MethodOutputs['historyQuery']> {
  return ({ filter, offset = 0, limit = 200 }) => {
    const n = typeof total === 'number' ? total : total(filter)
    const rows: HistoryEntry[] = []
    for (let i = offset; i < Math.min(n, offset + limit); i++) rows.push(make(i, filter))
    return ok({ total: n, offset, rows })
  }
}

function idAt(index: number): number {
  return 1_000_000 - index
}
