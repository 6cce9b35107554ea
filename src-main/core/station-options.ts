/**
 * What a host hands the Station when it opens it: the database, the user plugin folder, and the host's own
 * features (printing, the scanner hub's wedge calibration, the log). Without a feature the Station refuses the
 * methods that need it with a clear message, so one Station serves Electron, the web host and the CLI.
 */
import type { SerialPortChoice, WedgeCalibrationView } from '../contract'
import type { PhoneLinkConfig } from './phone/phone-registry'
import type { OpenOptions } from './db/connection'
import type { LabelPrinter } from './labels/label-methods'
import type { TokenStore } from './inventree/token-store'
import type { Logger } from './log/logger'

export type { LabelPrinter }

/** The scanner hub's layout calibration, as the Station drives it (see devices/wedge-calibration.ts). */
export interface WedgeCalibrationControl {
  start(): WedgeCalibrationView
  cancel(): WedgeCalibrationView
  view(): WedgeCalibrationView
}

/**
 * Where the Station finds the scanner hub's calibration. The hub is started after the Station (it feeds scans
 * into it), so the host answers at call time; null while no hub runs.
 */
export interface WedgeCalibrationProvider {
  current(): WedgeCalibrationControl | null
  /** The serial ports this computer has, for the scanner setup's port list (a host without serialport: none). */
  serialPorts?(): Promise<SerialPortChoice[]>
}

/** The host's phone-link server (phone-link/), as the Station drives it: listen as configured, report, drop a phone. */
export interface PhoneLinkControl {
  /** Listens as `config` says (stops when disabled, restarts on another address); never throws: see status(). */
  apply(config: PhoneLinkConfig): Promise<void>
  status(): { listening: { origin: string; fingerprint: string } | null; problem: string | null }
  /** This machine's IPv4 and IPv6 addresses an admin may choose. */
  addresses(): string[]
  /** Closes the connections of a phone just revoked. */
  disconnect(phoneId: number): void
}

/** Where the Station finds the host's phone link: started after the Station, so asked at call time. */
export interface PhoneLinkProvider {
  current(): PhoneLinkControl | null
}

export interface StationOptions extends OpenOptions {
  dbPath: string
  /** Worker threads for long jobs (label PDFs, exports); default: the cores less one, at most four. */
  jobThreads?: number
  /**
   * Create the demo inventory when the database is new (default true: a new user sees the station work), or not;
   * `'ask'` lets the person choose at the first start (demo, empty, or InvenTree), as the app and the web host do.
   */
  demo?: boolean | 'ask'
  /** Folder of user plugins; default `plugins` beside the database. */
  pluginsDir?: string
  /** Longest a user plugin may take per scan. */
  pluginTimeoutMs?: number
  /** Start the user plugin workers on open (default true); a host's service lifecycle starts them itself. */
  startUserPlugins?: boolean
  /** Electron's printing; without it (web host, CLI) printing is refused. */
  printer?: LabelPrinter
  /** The keyboard-wedge calibration of the host's scanner hub; without it calibration is refused. */
  wedgeCalibration?: WedgeCalibrationProvider
  /** Copy the database to its backups folder once a day while open (hosts set it; tests leave it off). */
  dailyBackups?: boolean
  /** The host's phone-link server; without it the phone link is refused. */
  phoneLink?: PhoneLinkProvider
  /** Where the Station's own problems are logged (default: stderr). */
  logger?: Logger
  /** Where the InvenTree token is kept: Electron's safeStorage; default an owner-only file beside the database. */
  inventreeTokens?: TokenStore
  /** Between background InvenTree syncs while connected (default 30 s); 0 syncs only when asked. */
  syncIntervalMs?: number
  /** After a desk action is queued, the wait before a sync (default 1 s). */
  syncKickDelayMs?: number
  /** Per request to the InvenTree server. */
  inventreeTimeoutMs?: number
  /** Sign-in's clock and lock-out limits (tests set them; the defaults are 5 wrong PINs, then 5 minutes). */
  auth?: { now?: () => number; lockout?: { maxFailures: number; lockMs: number } }
}
