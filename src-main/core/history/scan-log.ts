/**
 * The scan history: one row per scan from every source, written before the result is shown. Raw data that holds
 * control characters (GS/RS/EOT of supplier labels, or garbage) is also kept as hex so an admin sees the bytes.
 */
import type { HistoryEntry, ModelType, ScanSource } from '../../contract'
import type { Db } from '../db/connection'

/** Longest raw data kept verbatim; a 100 KB paste is logged by its head, with its length in the response. */
export const MAX_LOGGED_DATA = 65_536

export interface ScanRecord {
  action?: HistoryEntry['action']
  data: string
  /** The bytes that arrived, when they were not valid UTF-8 (else the hex is made from `data` if needed). */
  rawHex?: string | null
  source: ScanSource
  device: string | null
  operatorId: number | null
  plugin: string | null
  tried: string[]
  result: HistoryEntry['result']
  model: ModelType | null
  pk: number | null
  response: string
  durationUs: number
}

export interface ScanRow {
  id: number
  timestamp: string
  action: HistoryEntry['action']
  plugins_tried: string
  data: string
  data_hex: string | null
  source: ScanSource
  device: string | null
  operator: string | null
  desk: string | null
  plugin: string | null
  result: HistoryEntry['result']
  model_type: ModelType | null
  pk: number | null
  response: string
  duration_us: number
}

// eslint-disable-next-line no-control-regex -- control characters are exactly what this looks for
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/

export const SCAN_COLUMNS = `s.id, s.timestamp, s.action, s.plugins_tried, s.data, s.data_hex, s.source, s.device, o.name AS operator,
  s.desk, s.plugin, s.result, s.model_type, s.pk, s.response, s.duration_us`

export const rowToEntry = (row: ScanRow): HistoryEntry => ({
  id: row.id,
  timestamp: row.timestamp,
  action: row.action,
  pluginsTried: row.plugins_tried,
  data: row.data,
  dataHex: row.data_hex,
  source: row.source,
  device: row.device,
  operator: row.operator,
  desk: row.desk,
  plugin: row.plugin,
  result: row.result,
  model: row.model_type,
  pk: row.pk,
  response: row.response,
  durationMs: row.duration_us / 1000,
})

export const hexIfControl = (data: string): string | null =>
  CONTROL.test(data) ? Buffer.from(data, 'utf8').toString('hex') : null

export class ScanLog {
  private readonly insert
  private readonly page
  private readonly count
  private readonly pruneBelow
  private readonly purgeAll

  /** `deskName` is asked at each write: a desk renamed by its admin logs the new name from the next scan on. */
  constructor(
    db: Db,
    private readonly deskName: () => string | null = () => null,
  ) {
    this.insert = db.prepare(
      `INSERT INTO scan (timestamp, action, data, data_hex, source, device, operator_id, desk, plugin, plugins_tried,
                         result, model_type, pk, response, duration_us)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    this.page = db.prepare<[number, number], ScanRow>(
      `SELECT ${SCAN_COLUMNS} FROM scan s LEFT JOIN operator o ON o.id = s.operator_id WHERE s.id < ? ORDER BY s.id DESC LIMIT ?`,
    )
    this.count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM scan')
    this.pruneBelow = db.prepare('DELETE FROM scan WHERE id < ?')
    this.purgeAll = db.prepare('DELETE FROM scan')
  }

  write(r: ScanRecord): number {
    const data = r.data.length > MAX_LOGGED_DATA ? r.data.slice(0, MAX_LOGGED_DATA) : r.data
    const info = this.insert.run(
      new Date().toISOString(),
      r.action ?? 'scan',
      data,
      r.rawHex ?? hexIfControl(data),
      r.source,
      r.device,
      r.operatorId,
      this.deskName(),
      r.plugin,
      r.tried.join(' '),
      r.result,
      r.model,
      r.pk,
      r.response,
      r.durationUs,
    )
    return Number(info.lastInsertRowid)
  }

  list(limit: number, beforeId = Number.MAX_SAFE_INTEGER): HistoryEntry[] {
    return this.page.all(beforeId, limit).map(rowToEntry)
  }

  total(): number {
    return this.count.get()!.n
  }

  /** Keeps the newest `max` rows. Cheap enough to call often: ids grow with time, so it is one range delete. */
  prune(max: number, newestId: number): number {
    if (max <= 0 || newestId <= max) return 0
    return this.pruneBelow.run(newestId - max + 1).changes
  }

  purge(): number {
    return this.purgeAll.run().changes
  }
}
