import type { HistoryEntry, HistoryFilter, ModelType, ScanSource } from '../../../src-main/contract'
import { localDateTime } from '../../../src-shared/local-time'

/** What the filter form holds: the inputs' own values (datetime-local strings, '' for "any"). */
export interface HistoryFilterForm {
  results: HistoryEntry['result'][]
  actions: HistoryEntry['action'][]
  sources: ScanSource[]
  operator: string
  desk: string
  plugin: string
  model: ModelType | ''
  /** `datetime-local` values, in the desk's local time. */
  from: string
  to: string
  text: string
}

export function emptyFilterForm(): HistoryFilterForm {
  return {
    results: [],
    actions: [],
    sources: [],
    operator: '',
    desk: '',
    plugin: '',
    model: '',
    from: '',
    to: '',
    text: '',
  }
}

// Records keyed by the contract's unions: the compiler rejects a result, action or source added to the contract
// but forgotten here (the renderer cannot import the contract's runtime lists).
export const resultWords: Record<HistoryEntry['result'], string> = {
  match: '✓ Match',
  no_match: '✗ Not found',
  error: '⚠ Error',
}

/** The result filter's words (the table says "Not found" for a scan, as the scan feedback does). */
export const resultFilterWords: Record<HistoryEntry['result'], string> = {
  match: '✓ Match',
  no_match: '✗ No match',
  error: '⚠ Error',
}

export const actionWords: Record<HistoryEntry['action'], string> = {
  scan: 'Scan',
  link: 'Link',
  unlink: 'Unlink',
}

const sourceWords: Record<ScanSource, string> = {
  manual: 'Typed',
  wedge: 'Keyboard wedge',
  hid: 'HID scanner',
  serial: 'Serial scanner',
  webcam: 'Webcam',
  cli: 'Command line',
  api: 'API',
  phone: 'Phone',
}

export const historyResults = Object.keys(resultWords) as HistoryEntry['result'][]
export const historyActions = Object.keys(actionWords) as HistoryEntry['action'][]
export const scanSourceList = Object.keys(sourceWords) as ScanSource[]

export function sourceLabel(source: ScanSource): string {
  return sourceWords[source] ?? source
}

/** A `datetime-local` value as an ISO timestamp (UTC), or undefined when empty or not a date. */
export function localToIso(value: string): string | undefined {
  if (!value) return undefined
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString()
}

/** The form as the contract's filter: empty parts left out, text trimmed, dates as ISO. */
export function toHistoryFilter(form: HistoryFilterForm): HistoryFilter {
  const filter: HistoryFilter = {}
  // Sorted so that ticking boxes in another order is the same filter (and not a refetch).
  if (form.results.length) filter.results = historyResults.filter((r) => form.results.includes(r))
  if (form.actions.length) filter.actions = historyActions.filter((a) => form.actions.includes(a))
  if (form.sources.length) filter.sources = scanSourceList.filter((s) => form.sources.includes(s))
  if (form.operator) filter.operator = form.operator
  if (form.desk) filter.desk = form.desk
  if (form.plugin) filter.plugin = form.plugin
  if (form.model) filter.model = form.model
  const from = localToIso(form.from)
  if (from) filter.from = from
  const to = localToIso(form.to)
  if (to) filter.to = to
  const text = form.text.trim()
  if (text) filter.text = text.slice(0, 200)
  return filter
}

export function sameFilter(a: HistoryFilter, b: HistoryFilter): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

export const formatTime = (timestamp: string): string => localDateTime(timestamp, { seconds: true })
