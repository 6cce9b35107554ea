/**
 * Desk identity in the history: every scan row and every stock action carries the name the desk had then, the
 * review filters by it, and its picker lists the desks that logged something.
 */
import { hostname } from 'node:os'
import { describe, expect, it } from 'vitest'
import { tempDbPath } from '../../tests/support/temp-db'
import { dbOf, openTestStation, setSettingsAsAdmin, signInAdmin } from '../../tests/support/station'

describe('the desk in the history', () => {
  it('writes the desk’s name into each scan row, and a renamed desk’s new name from then on', async () => {
    const station = openTestStation({ dbPath: tempDbPath() })
    await setSettingsAsAdmin(station, { 'desk.name': 'Dock A' })
    station.scan({ data: 'INV-SL1', source: 'manual' })
    station.scan({ data: 'nonsense-at-a', source: 'manual' })
    await setSettingsAsAdmin(station, { 'desk.name': 'Dock B' })
    station.scan({ data: 'nonsense-at-b', source: 'manual' })

    const rows = station.historyQuery({ filter: {} }).rows
    expect(rows.map((r) => [r.data, r.desk])).toEqual([
      ['nonsense-at-b', 'Dock B'],
      ['nonsense-at-a', 'Dock A'],
      ['INV-SL1', 'Dock A'],
    ])
    const atA = station.historyQuery({ filter: { desk: 'Dock A' } })
    expect(atA.total).toBe(2)
    expect(atA.rows.every((r) => r.desk === 'Dock A')).toBe(true)
    expect(station.historyQuery({ filter: { desk: 'Dock C' } }).total).toBe(0)
    expect(station.historyStats({ filter: {} }).desks).toEqual(['Dock A', 'Dock B'])
    expect(station.historyStats({ filter: { desk: 'Dock B' } }).total).toBe(1)
  })

  it('names the machine until the admin names the desk, and refuses an empty name', async () => {
    const station = openTestStation({ dbPath: tempDbPath() })
    station.scan({ data: 'INV-SL1', source: 'manual' })
    expect(station.history({ limit: 1 })[0]!.desk).toBe(hostname().trim().slice(0, 60) || 'desk')
    await expect(setSettingsAsAdmin(station, { 'desk.name': '   ' })).rejects.toThrow(/give the desk a name/)
  })

  it('records the desk on every stock action', async () => {
    const station = openTestStation({ dbPath: tempDbPath() })
    await setSettingsAsAdmin(station, { 'desk.name': 'Goods in 2' })
    const db = dbOf(station)
    const item = db.prepare<[], { id: number }>('SELECT id FROM stockitem ORDER BY id LIMIT 1').get()!
    const target = db
      .prepare<[], { id: number }>('SELECT id FROM stocklocation WHERE structural = 0 ORDER BY id DESC LIMIT 1')
      .get()!
    const moved = station.stockAction({ action: 'move', items: [item.id], location: target.id })
    expect(db.prepare('SELECT desk FROM stockaction WHERE id = ?').get(moved.actionId)).toEqual({ desk: 'Goods in 2' })
  })

  it('exports the desk as a CSV column', async () => {
    const station = openTestStation({ dbPath: tempDbPath() })
    await setSettingsAsAdmin(station, { 'desk.name': 'Dock A' })
    station.scan({ data: 'INV-SL1', source: 'manual' })
    await signInAdmin(station)
    const { csv } = await station.historyExport({ filter: { desk: 'Dock A' } })
    const [header, row] = csv.split('\r\n')
    const column = header!.split(',').indexOf('desk')
    expect(column).toBeGreaterThan(-1)
    expect(row!.split(',')[column]).toBe('Dock A')
  })
})
