import { describe, expect, it } from 'vitest'
import { silentLogger } from './log/logger'
import { ServiceHost } from './services'
import { StationServices } from './station-services'
import { tempDbPath } from '../tests/support/temp-db'

describe('the Station as host services', () => {
  it('keeps scanning when an optional device service fails to boot, and closes the database on shutdown', async () => {
    const station = new StationServices({ dbPath: tempDbPath(), logger: silentLogger })
    const host = new ServiceHost(silentLogger).add(...station.services, {
      name: 'serial',
      optional: true,
      boot: () => {
        throw new Error('no such port /dev/ttyACM0')
      },
      shutdown: () => {},
    })
    await host.boot()
    expect(host.running('serial')).toBe(false)
    const open = station.station
    expect(open.scan({ data: 'INV-SL1', source: 'manual' })).toMatchObject({ stocklocation: { pk: 1 } })
    await host.shutdown()
    expect(() => station.station).toThrow(/not open/)
    expect(() => open.scan({ data: 'INV-SL1', source: 'manual' })).toThrow(/not open/)
  })
})
