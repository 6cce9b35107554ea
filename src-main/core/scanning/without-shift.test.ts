import { describe, expect, it } from 'vitest'
import { openTestStation } from '../../tests/support/station'
import { silentLogger } from '../log/logger'

describe('a scanner that sends no Shift', () => {
  const station = openTestStation({ dbPath: ':memory:', logger: silentLogger })

  it('a lower-cased internal barcode is not found, and the result says it reads as an item in capitals', () => {
    const item = station.scan({ data: 'INV-SI1', source: 'wedge' })
    expect(item.outcome).toBe('matched')
    const name = item.match && 'stockitem' in item ? item.stockitem?.name : undefined
    expect(name).toBeTruthy()

    const lowered = station.scan({ data: 'inv-si1', source: 'wedge' })
    expect(lowered.outcome).toBe('no_match')
    expect(lowered.problem).toContain('In capitals this reads INV-SI1')
    expect(lowered.problem).toContain(name)
    expect(lowered.problem).toMatch(/without Shift/)
    // The history keeps what the clerk was told.
    const row = station.history({ limit: 1 })[0]!
    expect(row).toMatchObject({ data: 'inv-si1', result: 'no_match' })
    expect(JSON.parse(row.response)).toMatchObject({ problem: lowered.problem })
  })

  it('lower-case data that means nothing in capitals either is a plain no-match', () => {
    expect(station.scan({ data: 'hello-world', source: 'wedge' }).problem).toBeUndefined()
    expect(station.scan({ data: 'Inv-si1', source: 'wedge' }).problem).toBeUndefined()
  })
})
