import type { Station } from '../core/station'
import { csvRow } from '../core/history/csv'

const COLUMNS = ['id', 'timestamp', 'source', 'device', 'operator', 'data', 'dataHex', 'result', 'plugin', 'model', 'pk', 'durationMs'] as const

export function historyCommand(station: Station, limit: number, format: 'json' | 'csv'): string {
  const rows = station.history({ limit: Math.min(limit, 1000) })
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`
  return [csvRow([...COLUMNS]), ...rows.map((r) => csvRow(COLUMNS.map((c) => r[c])))].join('\n') + '\n'
}
