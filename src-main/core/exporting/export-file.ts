/**
 * Writes an export kind's filtered view as CSV (csv-stringify, the header row first) or XLSX (exceljs, one
 * worksheet, the header row frozen). Rows are read from SQLite one at a time, never as one big array.
 */
import { stringify } from 'csv-stringify/sync'
import type { ExportFilter, ExportKind } from '../../contract'
import type { Db } from '../db/connection'
import { exportQuery } from './export-queries'

export type ExportFormat = 'csv' | 'xlsx'

export interface ExportedFile {
  fileName: string
  bytes: Buffer
  rows: number
}

export async function exportFile(
  db: Db,
  kind: ExportKind,
  format: ExportFormat,
  filter: ExportFilter,
): Promise<ExportedFile> {
  const { headers, sql, params } = exportQuery(kind, filter)
  const rows = db.prepare(sql).raw().iterate(params) as IterableIterator<(string | number | null)[]>
  const fileName = `${kind}-${new Date().toISOString().slice(0, 10)}.${format}`
  let count = 0
  if (format === 'csv') {
    const parts: string[] = [stringify([headers])]
    let batch: (string | number | null)[][] = []
    for (const row of rows) {
      batch.push(row)
      count++
      if (batch.length === 5000) {
        parts.push(stringify(batch))
        batch = []
      }
    }
    if (batch.length) parts.push(stringify(batch))
    return { fileName, bytes: Buffer.from(parts.join(''), 'utf8'), rows: count }
  }
  // Loaded only for a workbook: exceljs is large, and every station start would pay for it.
  const { default: Excel } = await import('exceljs')
  const workbook = new Excel.Workbook()
  const sheet = workbook.addWorksheet(kind, { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.addRow(headers).font = { bold: true }
  for (const row of rows) {
    sheet.addRow(row)
    count++
  }
  return { fileName, bytes: Buffer.from(await workbook.xlsx.writeBuffer()), rows: count }
}
