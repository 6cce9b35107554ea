/**
 * `window.__historyStats`: how long the history review took from a filter change to its first page of rows on
 * screen, for `npm run bench` (read through the page). Measured from the moment the applied filter changed (for
 * the text box, after its 150 ms debounce) to a requestAnimationFrame callback queued after Vue's nextTick once
 * the first page's reply was rendered.
 */
export interface HistoryTiming {
  /** Milliseconds of the latest measurement, or null before the first. */
  lastFilterToRowsMs: number | null
  /** Measurements so far (one per answered filter change), so a reader can wait for a new one (bench/ui.ts). */
  changes: number
  /** Of the latest measurement: the first page's round trip to the Station (filter change to reply). */
  lastQueryMs: number | null
  /** Of the latest measurement: reply to rows painted. */
  lastRenderMs: number | null
  /** The total the latest measured page reported. */
  total: number | null
}

declare global {
  interface Window {
    __historyStats?: HistoryTiming
  }
}

export function recordFilterToRows(ms: number, queryMs: number, total: number): void {
  const previous = window.__historyStats
  window.__historyStats = {
    lastFilterToRowsMs: ms,
    lastQueryMs: queryMs,
    lastRenderMs: ms - queryMs,
    changes: (previous?.changes ?? 0) + 1,
    total,
  }
}
