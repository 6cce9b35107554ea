/**
 * Reads a CSV or XLSX file's rows as text cells, streaming, so a 100,000-row file is never held as a whole table:
 * csv-parse for CSV (its delimiter taken from the header line: InvenTree writes commas, a spreadsheet in many
 * locales semicolons), exceljs's streaming reader for the first worksheet of an XLSX. Each row carries its
 * number as a spreadsheet shows it (the header is row 1) and how much of the file has been read.
 */
import { parse } from 'csv-parse'
import type ExcelJS from 'exceljs'
import { Readable } from 'node:stream'

export type TableFormat = 'csv' | 'xlsx'

export interface TableRow {
  row: number
  cells: string[]
  /** Share of the file read so far, 0…1. */
  fraction: number
}

export function formatOf(fileName: string, bytes: Uint8Array): TableFormat {
  // An XLSX is a zip: "PK\x03\x04", whatever its name says.
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'xlsx'
  if (/\.xlsx$/i.test(fileName)) throw new Error(`${fileName} is not an XLSX workbook`)
  return 'csv'
}

/** The bytes as a stream of 64 KB chunks, counting what has been handed on. */
function chunked(bytes: Uint8Array, read: { bytes: number }): Readable {
  const size = 64 * 1024
  return Readable.from(
    (function* () {
      for (let at = 0; at < bytes.length; at += size) {
        const chunk = Buffer.from(bytes.buffer, bytes.byteOffset + at, Math.min(size, bytes.length - at))
        read.bytes = at + chunk.length
        yield chunk
      }
    })(),
  )
}

export async function* readTable(bytes: Uint8Array, format: TableFormat): AsyncGenerator<TableRow> {
  const read = { bytes: 0 }
  const fraction = (): number => (bytes.length === 0 ? 1 : read.bytes / bytes.length)
  if (format === 'csv') {
    const parser = chunked(bytes, read).pipe(
      parse({ bom: true, delimiter: csvDelimiter(bytes), relax_column_count: true, relax_quotes: true }),
    )
    let row = 0
    for await (const cells of parser as AsyncIterable<string[]>) {
      row++
      if (cells.every((c) => c.trim() === '')) continue
      yield { row, cells, fraction: fraction() }
    }
    return
  }
  // Loaded only for a workbook: exceljs is large, and every station start would pay for it.
  const { default: Excel } = await import('exceljs')
  const reader = new Excel.stream.xlsx.WorkbookReader(chunked(bytes, read), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
  })
  for await (const sheet of reader) {
    for await (const r of sheet as AsyncIterable<ExcelJS.Row>) {
      const values = Array.isArray(r.values) ? r.values.slice(1) : []
      const cells = Array.from(values, cellText)
      if (cells.every((c) => c.trim() === '')) continue
      yield { row: r.number, cells, fraction: fraction() }
    }
    // Only the first worksheet is the table.
    return
  }
}

function csvDelimiter(bytes: Uint8Array): string {
  const end = bytes.indexOf(0x0a)
  const head = Buffer.from(bytes.subarray(0, end < 0 ? Math.min(bytes.length, 4096) : end)).toString('utf8')
  const count = (c: string): number => head.split(c).length - 1
  return [',', ';', '\t'].reduce((best, c) => (count(c) > count(best) ? c : best), ',')
}

/** A cell as the text a person sees: rich text joined, a formula's result, a date as ISO. */
function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return value.toISOString()
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('')
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue)
    if ('text' in value) return String(value.text)
    if ('error' in value) return ''
    return ''
  }
  return String(value)
}
