/**
 * The admin's view of the scan history: filtered pages for a virtual-scrolling table, counts per hour, and CSV
 * export of exactly the filtered rows. Filters become one parameterised WHERE clause; nothing the caller sends is
 * ever spliced into SQL.
 */
import type { HistoryEntry, HistoryFilter, HistoryStats } from '../../contract'
import type { Db } from '../db/connection'
import { CSV_EOL, historyCsvHeader, historyCsvRow } from './csv'
import { rowToEntry, SCAN_COLUMNS, type ScanRow } from './scan-log'

/**
 * The first scan id logged at or after `iso`. Rows are written in time order, so ids and timestamps rise
 * together and a binary search over ids (each probe a rowid seek) replaces an index on the timestamp, which every
 * scan would otherwise pay for on insert.
 */
function firstIdFrom(db: Db, iso: string): number {
  const at = db.prepare<[number], { id: number; timestamp: string }>(
    'SELECT id, timestamp FROM scan WHERE id >= ? ORDER BY id LIMIT 1',
  )
  const bounds = db
    .prepare<[], { lo: number | null; hi: number | null }>('SELECT min(id) AS lo, max(id) AS hi FROM scan')
    .get()!
  if (bounds.lo === null || bounds.hi === null) return 1
  let lo = bounds.lo
  let hi = bounds.hi + 1
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2)
    const row = at.get(mid)
    if (!row || row.timestamp >= iso) hi = row ? Math.min(mid, row.id) : mid
    else lo = row.id + 1
  }
  return lo
}

function where(db: Db, filter: HistoryFilter): { sql: string; params: unknown[] } {
  const parts: string[] = []
  const params: unknown[] = []
  const inList = (column: string, values: readonly string[] | undefined) => {
    if (!values?.length) return
    parts.push(`${column} IN (${values.map(() => '?').join(', ')})`)
    params.push(...values)
  }
  inList('s.result', filter.results)
  inList('s.action', filter.actions)
  inList('s.source', filter.sources)
  if (filter.operator) {
    parts.push('o.name = ?')
    params.push(filter.operator)
  }
  if (filter.desk) {
    parts.push('s.desk = ?')
    params.push(filter.desk)
  }
  if (filter.plugin) {
    parts.push('s.plugin = ?')
    params.push(filter.plugin)
  }
  if (filter.model) {
    parts.push('s.model_type = ?')
    params.push(filter.model)
  }
  if (filter.from) {
    parts.push('s.id >= ?')
    params.push(firstIdFrom(db, new Date(filter.from).toISOString()))
  }
  if (filter.to) {
    parts.push('s.id < ?')
    params.push(firstIdFrom(db, new Date(filter.to).toISOString()))
  }
  if (filter.text) {
    parts.push('instr(s.data, ?) > 0')
    params.push(filter.text)
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params }
}

const FROM = 'FROM scan s LEFT JOIN operator o ON o.id = s.operator_id'

export interface CsvOptions {
  /** The newest rows only (the CLI's --limit). */
  limit?: number
  onProgress?: (done: number, total: number) => void
}

export class HistoryQuery {
  constructor(private readonly db: Db) {}

  page(filter: HistoryFilter, offset = 0, limit = 200): { total: number; offset: number; rows: HistoryEntry[] } {
    const w = where(this.db, filter)
    const total = (this.db.prepare(`SELECT count(*) AS n ${FROM} ${w.sql}`).get(...w.params) as { n: number }).n
    const rows = this.db
      .prepare(`SELECT ${SCAN_COLUMNS} ${FROM} ${w.sql} ORDER BY s.id DESC LIMIT ? OFFSET ?`)
      .all(...w.params, limit, offset) as ScanRow[]
    return { total, offset, rows: rows.map(rowToEntry) }
  }

  stats(filter: HistoryFilter): HistoryStats {
    const w = where(this.db, filter)
    const hours = this.db
      .prepare(
        `SELECT substr(s.timestamp, 1, 13) AS hour, count(*) AS scans, sum(s.result <> 'match') AS failures ${FROM} ${w.sql} GROUP BY hour ORDER BY hour`,
      )
      .all(...w.params) as { hour: string; scans: number; failures: number }[]
    const operators = (
      this.db
        .prepare('SELECT name FROM operator WHERE id IN (SELECT DISTINCT operator_id FROM scan) ORDER BY name')
        .all() as { name: string }[]
    ).map((r) => r.name)
    const plugins = (
      this.db.prepare('SELECT DISTINCT plugin FROM scan WHERE plugin IS NOT NULL ORDER BY plugin').all() as {
        plugin: string
      }[]
    ).map((r) => r.plugin)
    const desks = (
      this.db.prepare('SELECT DISTINCT desk FROM scan WHERE desk IS NOT NULL ORDER BY desk').all() as {
        desk: string
      }[]
    ).map((r) => r.desk)
    return {
      total: hours.reduce((n, h) => n + h.scans, 0),
      failures: hours.reduce((n, h) => n + h.failures, 0),
      hours,
      operators,
      plugins,
      desks,
    }
  }

  /**
   * Every filtered row (or the newest `limit`) as CSV, newest first, with spreadsheet formulas and control
   * characters neutralised. `onProgress` hears rows written of the total, every thousand rows and at the end.
   */
  csv(filter: HistoryFilter, options: CsvOptions = {}): { csv: string; rows: number } {
    const w = where(this.db, filter)
    const limit = options.limit ?? -1
    const onProgress = options.onProgress
    let total = 0
    if (onProgress) {
      total = (this.db.prepare(`SELECT count(*) AS n ${FROM} ${w.sql}`).get(...w.params) as { n: number }).n
      if (limit >= 0) total = Math.min(total, limit)
      onProgress(0, total)
    }
    const lines = [historyCsvHeader()]
    let rows = 0
    for (const row of this.db
      .prepare(`SELECT ${SCAN_COLUMNS} ${FROM} ${w.sql} ORDER BY s.id DESC LIMIT ?`)
      .iterate(...w.params, limit) as IterableIterator<ScanRow>) {
      lines.push(historyCsvRow(rowToEntry(row)))
      rows++
      if (onProgress && rows % 1000 === 0) onProgress(rows, Math.max(total, rows))
    }
    onProgress?.(rows, Math.max(total, rows))
    return { csv: `${lines.join(CSV_EOL)}${CSV_EOL}`, rows }
  }
}
