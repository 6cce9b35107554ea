import type { Station } from '../core/station'
import { historyCsvHeader, historyCsvRow } from '../core/history/csv'

export function historyCommand(station: Station, limit: number, format: 'json' | 'csv'): string {
  const rows = station.history({ limit: Math.min(limit, 1000) })
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`
  return [historyCsvHeader(), ...rows.map(historyCsvRow)].join('\n') + '\n'
}
