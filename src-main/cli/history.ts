import type { HistoryEntry } from '../contract'
import type { Station } from '../core/station'

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

/** JSON straight from the log; CSV through the history export's job, which writes it in a worker. */
export async function historyCommand(station: Station, limit: number, format: 'json' | 'csv'): Promise<string> {
  if (format === 'json') return `${JSON.stringify(newest(station, limit), null, 2)}\n`
  return (await station.historyCsv(limit)).csv
}
