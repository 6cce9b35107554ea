/**
 * The part of an import that needs no database: read every row, map its cells to fields and check each with
 * its kind's schema. Run in the import worker (import-worker.ts), so a large file never blocks the station;
 * pure, so a test can run it in process.
 */
import type { ColumnMapping, ImportKind, ImportRowError } from '../../contract'
import { readTable, type TableFormat } from './read-table'
import { importRowSchemas, type AnyImportRow } from './row-schemas'

export interface CheckedRow {
  row: number
  values: AnyImportRow
}

export interface CheckedTable {
  rows: CheckedRow[]
  errors: ImportRowError[]
  total: number
}

export interface CheckInput {
  bytes: Uint8Array
  format: TableFormat
  kind: ImportKind
  mapping: ColumnMapping
}

/** The header row and the first `count` rows after it, as read. */
export async function previewTable(
  bytes: Uint8Array,
  format: TableFormat,
  count: number,
): Promise<{ headers: string[]; rows: string[][] }> {
  let headers: string[] | null = null
  const rows: string[][] = []
  for await (const r of readTable(bytes, format)) {
    if (headers === null) headers = r.cells.map((c) => c.trim())
    else rows.push(r.cells)
    if (rows.length >= count) break
  }
  return { headers: headers ?? [], rows }
}

export async function checkRows(
  input: CheckInput,
  onProgress: (rows: number, fraction: number) => void = () => {},
): Promise<CheckedTable> {
  const schema = importRowSchemas[input.kind]
  const rows: CheckedRow[] = []
  const errors: ImportRowError[] = []
  let index: [string, number][] | null = null
  let total = 0
  for await (const r of readTable(input.bytes, input.format)) {
    if (index === null) {
      const headers = r.cells.map((c) => c.trim())
      index = Object.entries(input.mapping).map(([field, header]) => [field, headers.indexOf(header)])
      continue
    }
    total++
    const record: Record<string, string> = {}
    for (const [field, at] of index) if (at >= 0) record[field] = r.cells[at] ?? ''
    const parsed = schema.safeParse(record)
    if (parsed.success) rows.push({ row: r.row, values: parsed.data })
    else
      for (const issue of parsed.error.issues)
        errors.push({ row: r.row, field: issue.path.map(String).join('.') || undefined, message: issue.message })
    if (total % 2000 === 0) onProgress(total, r.fraction)
  }
  onProgress(total, 1)
  return { rows, errors, total }
}
