/** Every event main pushes to the renderer, with its payload. */
import type { EventName } from '../contract-names'
import type { DeviceStatus, JobProgress, ScanResult, StationHealth } from './domain'
import type { SyncStatus } from './inventree'
import type { ImportProgress } from './methods/inventory'
import type { SettingsValues } from './settings'
import type { SameKeys } from './methods/define'

export interface EventPayloads {
  /** A scan that arrived from a device source (wedge, HID, serial) and was resolved by main. */
  scanResult: ScanResult
  deviceStatus: DeviceStatus
  /** A scan an unplug cut off: dropped, never merged with the next (shown to the user, logged in history). */
  scanDropped: { device: string; partial: string; reason: string }
  /** Every setting after a change (saved from any window or web page), so every open UI follows it. */
  settingsChanged: SettingsValues
  /** The InvenTree connection after any change: sync started or ended, a desk action queued, a row resolved. */
  syncStatus: SyncStatus
  /** A long job's progress (label PDFs, printing, history export): sent to the window or connection that started it only. */
  jobProgress: JobProgress
  /** The station became unavailable (its database failed) or available again (a restore, space back on the disk). */
  stationHealth: StationHealth
  /** An import's file being read and checked, off the main thread: rows done of about `total` (bytes-based). */
  importProgress: ImportProgress
  /** The admin exit was granted (badge and PIN checked): the desktop app quits, even in desk mode. */
  deskExitGranted: { by: string }
}

// The zod-free event list (contract-names.ts) and these payloads must name exactly the same events.
const eventsMatchPayloads: SameKeys<EventName, keyof EventPayloads> = true
void eventsMatchPayloads
