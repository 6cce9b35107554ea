/**
 * CSV for history exports, safe to open in a spreadsheet: RFC 4180 quoting, control characters shown as \xNN so
 * a row never breaks, and cells that a spreadsheet would run as a formula neutralised. Lines end in CRLF, as RFC 4180 says.
 */
import type { HistoryEntry } from '../../contract'

// eslint-disable-next-line no-control-regex -- control characters are exactly what this escapes
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g

/**
 * A spreadsheet runs a cell as a formula when it starts with = + - @ (or their fullwidth forms, which some
 * spreadsheets fold to ASCII), also after leading spaces or line breaks it trims, and treats a leading tab or CR
 * as the start of one too.
 */
const FORMULA_START = /^(?:[\t\r]|[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/

export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value)
  text = text.replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
  if (FORMULA_START.test(text)) text = `'${text}`
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

export const csvRow = (values: unknown[]): string => values.map(csvCell).join(',')

/** The history's CSV columns, one list for the CLI and the admin's export. */
export const HISTORY_CSV_COLUMNS = [
  'id',
  'timestamp',
  'action',
  'source',
  'device',
  'operator',
  'desk',
  'data',
  'dataHex',
  'result',
  'plugin',
  'model',
  'pk',
  'durationMs',
  'response',
] as const

export const historyCsvHeader = (): string => csvRow([...HISTORY_CSV_COLUMNS])

/** RFC 4180's line ending, for every CSV the station writes. */
export const CSV_EOL = '\r\n'

export const historyCsvRow = (entry: HistoryEntry): string => csvRow(HISTORY_CSV_COLUMNS.map((c) => entry[c]))
