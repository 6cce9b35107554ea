/**
 * CSV for history exports, safe to open in a spreadsheet: RFC 4180 quoting, control characters shown as \xNN so
 * a row never breaks, and cells that a spreadsheet would run as a formula (= + - @, tab, CR) neutralised.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this escapes
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g

export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value)
  text = text.replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

export const csvRow = (values: unknown[]): string => values.map(csvCell).join(',')
