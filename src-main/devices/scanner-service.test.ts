import { signInAdmin } from '../tests/support/station'
import { describe, expect, it } from 'vitest'
import { silentLogger } from '../core/log/logger'
import { Station } from '../core/station'
import { tempDbPath } from '../tests/support/temp-db'
import { ScannerService } from './scanner-service'

const noHid = { hidBackend: async () => ({ devices: () => [], open: () => Promise.reject(new Error('none')) }) }

describe('the scanner service as the Station wedge calibration', () => {
  it('lets an admin calibrate while the hub runs, and refuses once it has stopped', async () => {
    const scanners: ScannerService = new ScannerService((): Station => station, { ...noHid, logger: silentLogger })
    const station = Station.open({ dbPath: tempDbPath(), wedgeCalibration: scanners, logger: silentLogger })
    try {
      expect(() => station.calibrateWedge({ action: 'status' })).toThrow(/No keyboard-wedge scanner host/)
      await scanners.boot()
      expect(station.calibrateWedge({ action: 'status' })).toMatchObject({ state: 'idle' })
      expect(() => station.calibrateWedge({ action: 'start' })).toThrow(/Only an admin/)
      await signInAdmin(station)
      expect(station.calibrateWedge({ action: 'start' })).toMatchObject({ state: 'waiting' })
      expect(station.calibrateWedge({ action: 'cancel' })).toMatchObject({ state: 'idle' })
      await scanners.shutdown()
      expect(() => station.calibrateWedge({ action: 'status' })).toThrow(/No keyboard-wedge scanner host/)
    } finally {
      await scanners.shutdown()
      station.close()
    }
  })
})
