/** What an update waits for: open sessions that hold rows, and nothing else. */
import { describe, expect, it } from 'vitest'
import { tempDbPath } from '../../tests/support/temp-db'
import { openTestStation } from '../../tests/support/station'

describe('open work', () => {
  it('counts an open session once it holds a row, and no longer once it is committed or dropped', () => {
    const station = openTestStation({ dbPath: tempDbPath() })
    expect(station.openWork()).toBe(0)
    const session = station.sessionStart({ kind: 'scan' })
    expect(station.openWork()).toBe(0)
    station.sessionAdd({ session: session.id, data: 'INV-SI1' })
    expect(station.openWork()).toBe(1)
    station.sessionDrop({ session: session.id })
    expect(station.openWork()).toBe(0)
  })
})
