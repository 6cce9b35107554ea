import { describe, expect, it } from 'vitest'
import { openTestStation, setSettingsAsAdmin } from '../../tests/support/station'
import { silentLogger } from '../log/logger'

describe('the history review names items', () => {
  it('each matched row carries the item name as it is now; an unmatched row none', () => {
    const station = openTestStation({ dbPath: ':memory:', logger: silentLogger })
    const item = station.scan({ data: 'INV-SI1', source: 'wedge' })
    station.scan({ data: 'nothing-here', source: 'wedge' })
    const { rows } = station.historyQuery({ filter: {} })
    const matched = rows.find((r) => r.data === 'INV-SI1')!
    expect(matched.itemName).toBe('stockitem' in item ? item.stockitem?.name : undefined)
    expect(matched.itemName).not.toMatch(/#\d+$/)
    expect(rows.find((r) => r.data === 'nothing-here')!.itemName).toBeNull()
  })
})

describe('who may export the history', () => {
  it('the admin only by default; the setting opens it to signed-in operators, or to anyone', async () => {
    const station = openTestStation({ dbPath: ':memory:', logger: silentLogger })
    station.scan({ data: 'INV-SI1', source: 'wedge' })
    await expect(station.historyExport({ filter: {} })).rejects.toThrow(/Only an admin may export the scan history/)
    await station.signIn({ badge: 'OP-1001' })
    await expect(station.historyExport({ filter: {} })).rejects.toThrow(/Only an admin/)
    await setSettingsAsAdmin(station, { 'history.exportBy': 'operators' })
    await expect(station.historyExport({ filter: {} })).resolves.toMatchObject({ rows: 1 })
    station.signOut()
    await expect(station.historyExport({ filter: {} })).rejects.toThrow(/Sign in to export/)
    await setSettingsAsAdmin(station, { 'history.exportBy': 'anyone' })
    await expect(station.historyExport({ filter: {} })).resolves.toMatchObject({ rows: 1 })
  })
})
