/**
 * The station's side of its scanner devices (wedge, HID, serial): their scans, resolved and pushed to the page;
 * their latest status, kept for a page that opens later; scans an unplug cut off; and the wedge's calibration.
 */
import type {
  DeviceStatus,
  EventName,
  EventPayloads,
  MethodInput,
  ScanResult,
  SerialPortChoice,
  WedgeCalibrationView,
} from '../../contract'
import { ConflictError } from '../errors'
import { asCaller } from '../operators/caller'
import type { Operators } from '../operators/operators'
import type { WedgeCalibrationProvider } from '../station-options'
import type { DroppedScan, ScanInput, ScanPipeline } from './scan-pipeline'

export type Emit = <E extends EventName>(event: E, payload: EventPayloads[E]) => void

export class Devices {
  private readonly status = new Map<string, DeviceStatus>()

  constructor(
    private readonly pipeline: ScanPipeline,
    private readonly emit: Emit,
    private readonly operators: Operators,
    private readonly wedgeCalibration: WedgeCalibrationProvider | null,
  ) {}

  /**
   * A scan from a device source: resolved, logged, then pushed to the renderer. A device has no window of its
   * own, so it acts as the one `deviceCaller` names (its operator is in the history row; a badge signs in there).
   */
  scan(input: ScanInput): ScanResult {
    const result = asCaller(this.operators.deviceCaller(), () => this.pipeline.scan(input))
    this.emit('scanResult', result)
    return result
  }

  list(): DeviceStatus[] {
    return [...this.status.values()]
  }

  /** A device manager's news: kept for pages that open later, and pushed to the renderer now. */
  report(status: DeviceStatus): void {
    this.status.set(status.id, status)
    this.emit('deviceStatus', status)
  }

  /** A scan an unplug cut off: logged as an error and shown to the user, who scans it again. */
  dropped(dropped: DroppedScan): void {
    this.pipeline.recordDropped(dropped)
    this.emit('scanDropped', { device: dropped.device, partial: dropped.partial, reason: dropped.reason })
  }

  /** Listing ports is for choosing one in the settings, which is an admin's. */
  async serialPorts(): Promise<SerialPortChoice[]> {
    this.operators.requireAdmin('list the serial ports')
    return (await this.wedgeCalibration?.serialPorts?.()) ?? []
  }

  calibrateWedge(input: MethodInput<'calibrateWedge'>): WedgeCalibrationView {
    const control = this.wedgeCalibration?.current() ?? null
    if (!control) throw new ConflictError('No keyboard-wedge scanner host on this station')
    if (input.action === 'start') {
      // Its only purpose is a settings change, which is an admin's.
      this.operators.requireAdmin('calibrate the scanner')
      return control.start()
    }
    return input.action === 'cancel' ? control.cancel() : control.view()
  }
}
