import { describe, expect, it } from 'vitest'
import { openTestStation } from '../../tests/support/station'
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
