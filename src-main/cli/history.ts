import type { HistoryEntry } from '../contract'
import type { Station } from '../core/station'
import { CSV_EOL, historyCsvHeader, historyCsvRow } from '../core/history/csv'

/** The station's history method answers at most this many rows a call; the CLI pages through it. */
const PAGE = 1000

/** The newest `limit` history rows, however many that is: the CLI reads its own file and owes no cap. */
function newest(station: Station, limit: number): HistoryEntry[] {
  const rows: HistoryEntry[] = []
  while (rows.length < limit) {
    const page = station.history({ limit: Math.min(PAGE, limit - rows.length), beforeId: rows.at(-1)?.id })
    rows.push(...page)
    if (page.length < PAGE) break
  }
  return rows
}

export function historyCommand(station: Station, limit: number, format: 'json' | 'csv'): string {
  const rows = newest(station, limit)
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`
  return [historyCsvHeader(), ...rows.map(historyCsvRow)].join(CSV_EOL) + CSV_EOL
}
