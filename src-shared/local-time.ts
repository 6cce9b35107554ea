/**
 * Times as the desk reads them. The station stores every moment as ISO 8601 in UTC; a label or a page shows it in
 * the time zone of the machine the station runs on, so a bag received just after midnight carries that day's date.
 * Main (labels) and the renderer (pages) both format through here, so a label and the screen never disagree.
 */

/** A stored moment: a date and a time with its zone (`Z` or an offset). A date alone (an expiry) is no moment. */
const INSTANT = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)$/

export function isInstant(value: unknown): value is string {
  return typeof value === 'string' && INSTANT.test(value) && !Number.isNaN(Date.parse(value))
}

export interface LocalTimeOptions {
  /** An IANA zone name; the machine's own zone when absent. */
  timeZone?: string
  /** Down to the second (the history, where scans come seconds apart); else to the minute. */
  seconds?: boolean
}

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter({ timeZone, seconds = false }: LocalTimeOptions): Intl.DateTimeFormat {
  const options: Intl.DateTimeFormatOptions = {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: seconds ? '2-digit' : undefined,
    hourCycle: 'h23',
    timeZone,
  }
  // The machine's own zone is looked up on every call: it can change while the station runs (and tests set TZ).
  if (timeZone === undefined) return new Intl.DateTimeFormat('en-CA', options)
  const key = `${timeZone} ${seconds}`
  let f = formatters.get(key)
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat('en-CA', options)))
  return f
}

/**
 * "2026-12-04 00:30": a stored moment in the desk's local time, to the minute (or the second).
 * Anything that is not a moment (empty, a plain date, text) comes back as it was.
 */
export function localDateTime(value: string, options: LocalTimeOptions = {}): string {
  if (!isInstant(value)) return value
  const parts: Record<string, string> = {}
  for (const p of formatter(options).formatToParts(new Date(value))) parts[p.type] = p.value
  const minute = `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`
  return options.seconds ? `${minute}:${parts.second}` : minute
}
