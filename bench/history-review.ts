/**
 * The admin's history review on 100,000 logged scans: how long a filter change takes to produce the first page
 * and the total in the Station (the UI figure, filter change to rows shown, is measured by bench/ui.ts).
 */
import { performance } from 'node:perf_hooks'
import type { HistoryFilter } from '../src-main/contract'
import { seedHistory } from '../src-main/core/demo/seed'
import { openStationDatabase, Station } from '../src-main/core/station'
import { fmt, heading, line, percentile } from './stats'

export async function benchHistoryReview(dbPath: string, scans = 100_000): Promise<void> {
  const db = openStationDatabase({ dbPath })
  const station = new Station(db, { dbPath })
  seedHistory(db, scans)
  heading(`History review: ${fmt(station.info().counts.scans, 0)} logged scans`)
  const day = (d: number) => new Date(Date.now() - d * 86_400_000).toISOString()
  const filters: [string, HistoryFilter][] = [
    ['no filter', {}],
    ['result = no match', { results: ['no_match'] }],
    ['result = no match, one week', { results: ['no_match'], from: day(14), to: day(7) }],
    ['source = hid, operator = Admin', { sources: ['hid'], operator: 'Admin' }],
    ['text contains "UNKNOWN-9"', { text: 'UNKNOWN-9' }],
  ]
  for (const [label, filter] of filters) {
    const times: number[] = []
    for (let i = 0; i < 15; i++) {
      const t = performance.now()
      station.historyQuery({ filter, offset: 0, limit: 100 })
      times.push(performance.now() - t)
    }
    times.sort((a, b) => a - b)
    line(
      `  ${label}: first page + total, p50 / max`,
      `${fmt(percentile(times, 50), 1)} ms / ${fmt(times.at(-1)!, 1)} ms`,
    )
  }
  const t = performance.now()
  const stats = station.historyStats({ filter: {} })
  line('  scans per hour over everything', `${fmt(performance.now() - t, 1)} ms (${stats.hours.length} hours)`)
  const e = performance.now()
  const csv = await station.historyExport({ filter: { results: ['no_match'] } })
  line('  CSV export of the no-match rows', `${fmt(performance.now() - e, 0)} ms (${fmt(csv.rows, 0)} rows)`)
  station.close()
}
