/**
 * The scanner devices as a host service: started after the Station they feed, stopped before it closes. Optional:
 * a station without node-hid or a serial port still scans by hand and by webcam. It is also where the Station
 * finds the hub's wedge calibration, since the hub exists only while the service runs.
 */
import type { SerialPortChoice } from '../contract'
import type { Service } from '../core/services'
import type { WedgeCalibrationControl, WedgeCalibrationProvider } from '../core/station'
import { startScannerHub, type RunningScanners, type ScannerStation } from './hub-options'
import type { HubDeps, ScannerHub } from './scanner-hub'

export class ScannerService implements Service, WedgeCalibrationProvider {
  readonly name = 'scanner devices'
  readonly optional = true
  private running: RunningScanners | null = null

  constructor(
    private readonly station: () => ScannerStation,
    private readonly deps: HubDeps = {},
  ) {}

  async boot(): Promise<void> {
    this.running = await startScannerHub(this.station(), this.deps)
  }

  async shutdown(): Promise<void> {
    const running = this.running
    this.running = null
    await running?.stop()
  }

  /** The running hub (for the wedge of each window or page), or null. */
  get hub(): ScannerHub | null {
    return this.running?.hub ?? null
  }

  current(): WedgeCalibrationControl | null {
    return this.running?.hub.calibration ?? null
  }

  async serialPorts(): Promise<SerialPortChoice[]> {
    const { SerialPort } = await import('serialport')
    return (await SerialPort.list()).map((p) => ({
      path: p.path,
      manufacturer: p.manufacturer ?? null,
      serialNumber: p.serialNumber ?? null,
      vendorId: p.vendorId ?? null,
      productId: p.productId ?? null,
    }))
  }
}
