import { describe, expect, it } from 'vitest'
import { seedHistory } from '../demo/seed'
import { tempDbPath } from '../../tests/support/temp-db'
import { dbOf, openTestStation, signInAdmin } from '../../tests/support/station'

describe('history review', () => {
  it('filters by result, source, operator, date range and text, with the total for a virtual table', () => {
    const station = openTestStation({ dbPath: tempDbPath() })
    seedHistory(dbOf(station), 5000, Date.parse('2026-11-20T12:00:00Z'))
    const all = station.historyQuery({ filter: {} })
    expect(all.total).toBe(5000)
    const misses = station.historyQuery({ filter: { results: ['no_match'] }, limit: 1000 })
    expect(misses.total).toBeGreaterThan(300)
    expect(misses.rows.every((r) => r.result === 'no_match')).toBe(true)
    const window = { from: '2026-11-10T00:00:00.000Z', to: '2026-11-11T00:00:00.000Z' }
    const day = station.historyQuery({ filter: { results: ['no_match'], ...window }, limit: 1000 })
    expect(day.total).toBeGreaterThan(0)
    expect(day.total).toBeLessThan(misses.total)
    expect(
      day.rows.every((r) => r.timestamp >= window.from && r.timestamp < window.to && r.result === 'no_match'),
    ).toBe(true)
    const byOperator = station.historyQuery({ filter: { operator: 'Admin', sources: ['hid'] } })
    expect(byOperator.rows.every((r) => r.operator === 'Admin' && r.source === 'hid')).toBe(true)
    expect(
      station.historyQuery({ filter: { text: 'UNKNOWN-7' } }).rows.every((r) => r.data.includes('UNKNOWN-7')),
    ).toBe(true)
    // Paging: the second page continues where the first stopped.
    const p1 = station.historyQuery({ filter: {}, offset: 0, limit: 10 })
    const p2 = station.historyQuery({ filter: {}, offset: 10, limit: 10 })
    expect(p2.rows[0]!.id).toBe(p1.rows[9]!.id - 1)
  })

  it('counts scans and failures per hour', () => {
    const station = openTestStation({ dbPath: tempDbPath() })
    seedHistory(dbOf(station), 2000, Date.parse('2026-11-20T12:00:00Z'))
    const stats = station.historyStats({ filter: {} })
    expect(stats.total).toBe(2000)
    expect(stats.hours.reduce((n, h) => n + h.scans, 0)).toBe(2000)
    expect(stats.failures).toBe(station.historyQuery({ filter: { results: ['no_match', 'error'] } }).total)
    expect(stats.hours[0]!.hour).toMatch(/^2026-10-2\dT\d\d$/)
    expect(stats.operators).toContain('Admin')
  })

  it('exports exactly the filtered rows as CSV a spreadsheet cannot be tricked by', async () => {
    const station = openTestStation({ dbPath: tempDbPath() })
    for (const data of [
      '=HYPERLINK("http://x","click")',
      '+1+1',
      '-2',
      '@SUM(A1)',
      'ok\u001dGS',
      'line\nbreak',
      '\n=1+1',
      '  =1+1',
      '\uFF1D1+1',
      'INV-SL1',
    ])
      station.scan({ data, source: 'manual' })
    const filter = { results: ['no_match' as const] }
    await signInAdmin(station)
    const { csv, rows } = await station.historyExport({ filter })
    expect(rows).toBe(station.historyQuery({ filter }).total)
    const lines = csv.trim().split('\r\n')
    expect(lines).toHaveLength(rows + 1)
    expect(csv).not.toContain('INV-SL1')
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""click"")"`)
    expect(csv).toContain(",'+1+1,")
    expect(csv).toContain(",'-2,")
    expect(csv).toContain(",'@SUM(A1),")
    expect(csv).toContain('ok\\x1dGS')
    expect(csv).toContain('"line\nbreak"')
    // Spreadsheets trim leading spaces and line breaks and fold the fullwidth equals sign before they look for a
    // formula, so those are neutralised too.
    expect(csv).toContain(`"'\n=1+1"`)
    expect(csv).toContain(",'  =1+1,")
    expect(csv).toContain(",'\uFF1D1+1,")
  })
})
