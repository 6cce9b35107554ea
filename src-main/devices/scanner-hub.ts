/**
 * Wiring between the scanner sources and a Station: starts/stops the serial and HID managers according to the
 * options, routes their scans and device statuses to the Station, and hosts one wedge detector per window
 * (`WedgeSession`) for whichever host feeds key events: Electron's `before-input-event` or the web host's page key
 * events forwarded over its socket. Node-only, no Electron import.
 *
 * How a host uses a WedgeSession:
 *
 *   const session = hub.createWedgeSession(String(win.id), { release: (events) => replay(events) })
 *   win.webContents.on('before-input-event', (event, input) => {
 *     const { swallow, release } = session.onKey(input)
 *     if (swallow) event.preventDefault()
 *     if (release.length) replay(release)
 *   })
 *   win.on('blur', () => session.flush()); win.on('closed', () => session.dispose())
 *
 * Held key events that turned out to be typing must be replayed to the page, in order (Electron:
 * `webContents.sendInputEvent` keyDown + char + keyUp; the web host: send them back to the page, which inserts
 * them). They come two ways, never both for the same event: in the `release` list `onKey` returns (decided by that
 * key), and through `host.release` (decided by the timeout timer or `flush`). Replay the returned list after
 * calling preventDefault, then nothing else is needed. If the host's replay comes back through its key hook
 * (Electron's sendInputEvent may reach before-input-event), create the session with `{ echo: true }`: replayed
 * events are then recognised and passed through untouched instead of being fed to the detector again.
 */
import type { DeviceStatus } from '../contract'
import { sameKey, type KeyEvent } from '../../src-shared/keyboard/keys'
import type { SerialTerminator } from '../core/scanner/serial-lines'
import { defaultWedgeOptions, WedgeDetector, type WedgeOptions, type WedgeScan } from '../core/scanner/wedge-detector'
import { type HidBackend, HidScannerManager, nodeHidBackend } from './hid-scanners'
import { type DroppedScan, type PortFactory, SerialScanner, serialportFactory } from './serial-scanner'
import { stderrLogger, type Logger } from '../core/log/logger'
import { WedgeCalibration } from './wedge-calibration'

export type DeviceSource = 'wedge' | 'hid' | 'serial'

export interface DeviceScanInput {
  data: string
  source: DeviceSource
  /** `wedge:<window>`, `hid:<path>` or `serial:<path>`. */
  device: string
  /** AIM symbology identifier when the source knows it (HID POS). */
  symbologyId?: string
}

export interface DroppedScanReport extends DroppedScan {
  source: DeviceSource
}

/** What the hub needs from the Station (the lead makes Station implement it). */
export interface StationSink {
  /** Resolve, log and emit `scanResult`. Must not throw for bad data (the Station logs an error result). */
  scanFromDevice(input: DeviceScanInput): unknown
  /** Emit `deviceStatus` (and keep the latest per id for a UI that connects later). */
  reportDevice(status: DeviceStatus): void
  /** Log a scan cut by an unplug (never merged with the next). Optional. */
  reportDroppedScan?(dropped: DroppedScanReport): void
}

export interface ScannerHubOptions {
  wedge: Partial<WedgeOptions> & { enabled: boolean }
  serial: { enabled: boolean; path: string; baudRate: number; terminator: SerialTerminator }
  hid: { enabled: boolean; pollMs: number }
}

export const defaultScannerHubOptions: ScannerHubOptions = {
  wedge: { enabled: true, ...defaultWedgeOptions },
  serial: { enabled: false, path: '', baudRate: 9600, terminator: 'ANY' },
  hid: { enabled: true, pollMs: 3000 },
}

export interface Timers {
  now(): number
  setTimeout(fn: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

export const realTimers: Timers = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms)
    t.unref?.()
    return t
  },
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
}

export interface HubDeps {
  serialFactory?: PortFactory
  hidBackend?: () => Promise<HidBackend>
  timers?: Timers
  /** Errors from the Station or a callback (default: written to `logger`). */
  onError?: (err: unknown, where: string) => void
  /** The host's log (default: stderr). */
  logger?: Logger
}

export interface WedgeHost {
  /** Replay these held events to the page, in order. */
  release(events: KeyEvent[]): void
}

export class ScannerHub {
  private options: ScannerHubOptions
  private serial: SerialScanner | null = null
  private hid: HidScannerManager | null = null
  private readonly sessions = new Set<WedgeSession>()
  private readonly timers: Timers
  private readonly onError: (err: unknown, where: string) => void
  /**
   * Layout calibration: while armed, the next burst a wedge session recognises is handed to it (raw key events)
   * instead of going to the Station as a scan. See wedge-calibration.ts.
   */
  readonly calibration: WedgeCalibration

  constructor(
    private readonly station: StationSink,
    options: Partial<ScannerHubOptions> = {},
    private readonly deps: HubDeps = {},
  ) {
    this.options = mergeOptions(defaultScannerHubOptions, options)
    this.timers = deps.timers ?? realTimers
    const logger = deps.logger ?? stderrLogger()
    this.onError = deps.onError ?? ((err, where) => logger.error(`scanner hub: ${where} failed`, err))
    this.calibration = new WedgeCalibration(() => this.timers.now())
    this.calibration.onArmedChange = (armed) => {
      for (const s of this.sessions) s.setCalibrating(armed)
    }
  }

  get currentOptions(): ScannerHubOptions {
    return this.options
  }

  async start(): Promise<void> {
    const o = this.options
    if (o.serial.enabled && o.serial.path && !this.serial) {
      this.serial = new SerialScanner(
        { path: o.serial.path, baudRate: o.serial.baudRate, terminator: o.serial.terminator },
        {
          onScan: (data, device) => this.scan({ data, source: 'serial', device }),
          onStatus: (s) => this.status(s),
          onDropped: (d) => this.dropped({ ...d, source: 'serial' }),
        },
        this.deps.serialFactory ?? serialportFactory,
      )
      this.serial.start()
    }
    if (o.hid.enabled && !this.hid) {
      this.hid = new HidScannerManager(
        {
          onScan: (s) =>
            this.scan({
              data: s.data,
              source: 'hid',
              device: s.device,
              ...(s.symbologyId ? { symbologyId: s.symbologyId } : {}),
            }),
          onStatus: (s) => this.status(s),
          onDropped: (d) => this.dropped({ ...d, source: 'hid' }),
        },
        { pollMs: o.hid.pollMs },
        this.deps.hidBackend ?? nodeHidBackend,
      )
      await this.hid.start()
    }
  }

  async stop(): Promise<void> {
    const serial = this.serial
    const hid = this.hid
    this.serial = null
    this.hid = null
    await Promise.all([serial?.stop(), hid?.stop()])
    for (const s of [...this.sessions]) s.flush()
  }

  /** Apply new options (settings changed): restarts the device managers, updates every wedge session. */
  async reconfigure(options: Partial<ScannerHubOptions>): Promise<void> {
    await this.stop()
    this.options = mergeOptions(this.options, options)
    for (const s of this.sessions) s.configure(this.options.wedge)
    await this.start()
  }

  /**
   * One window's (or one web page's) detector. `timers`: a clock for this session (the web host passes one that
   * follows the page's `performance.now()`, since it feeds the page's key timestamps); default the hub's.
   */
  createWedgeSession(windowId: string, host: WedgeHost, opts: { echo?: boolean; timers?: Timers } = {}): WedgeSession {
    const session = new WedgeSession(
      `wedge:${windowId}`,
      this.options.wedge,
      host,
      {
        scan: (scan, device) => this.scan({ data: scan.data, source: 'wedge', device }),
        status: (s) => this.status(s),
        closed: (s) => this.sessions.delete(s),
        error: this.onError,
        calibrated: (events, times) => {
          if (this.calibration.armed) this.calibration.complete(events, times)
        },
      },
      opts.timers ?? this.timers,
      opts.echo ?? false,
    )
    this.sessions.add(session)
    if (this.calibration.armed) session.setCalibrating(true)
    return session
  }

  private scan(input: DeviceScanInput): void {
    try {
      this.station.scanFromDevice(input)
    } catch (err) {
      this.onError(err, `scan from ${input.device}`)
    }
  }

  private status(s: DeviceStatus): void {
    try {
      this.station.reportDevice(s)
    } catch (err) {
      this.onError(err, `status of ${s.id}`)
    }
  }

  private dropped(d: DroppedScanReport): void {
    try {
      this.station.reportDroppedScan?.(d)
    } catch (err) {
      this.onError(err, `dropped scan of ${d.device}`)
    }
  }
}

function mergeOptions(base: ScannerHubOptions, o: Partial<ScannerHubOptions>): ScannerHubOptions {
  return {
    wedge: { ...base.wedge, ...o.wedge },
    serial: { ...base.serial, ...o.serial },
    hid: { ...base.hid, ...o.hid },
  }
}

interface SessionSinks {
  scan(scan: WedgeScan, device: string): void
  status(s: DeviceStatus): void
  closed(s: WedgeSession): void
  error(err: unknown, where: string): void
  /** Calibration mode: the raw key events of the burst that was recognised, with the time of each. */
  calibrated(events: KeyEvent[], times: number[]): void
}

/** One window's wedge detector with its timeout timer. */
export class WedgeSession {
  private detector: WedgeDetector
  private enabled: boolean
  private base: Partial<WedgeOptions> & { enabled: boolean }
  /** Calibration mode: the next recognised burst goes to `sinks.calibrated`, with its raw events. */
  private calibrating = false
  private burst: KeyEvent[] = []
  private burstTimes: number[] = []
  private burstLastT = -Infinity
  private timer: unknown = null
  private disposed = false
  /** Released events the host is replaying and that may come back through its key hook (echo mode). */
  private echoes: KeyEvent[] = []

  constructor(
    readonly device: string,
    options: Partial<WedgeOptions> & { enabled: boolean },
    private readonly host: WedgeHost,
    private readonly sinks: SessionSinks,
    private readonly timers: Timers,
    private readonly echo: boolean,
  ) {
    this.enabled = options.enabled
    this.base = options
    this.detector = new WedgeDetector(options)
    this.sinks.status({ id: device, kind: 'wedge', name: 'Keyboard wedge', state: 'connected' })
  }

  get options(): WedgeOptions {
    return this.detector.options
  }

  /** True while key events are held back from the page (a burst is being collected). */
  get holding(): boolean {
    return this.enabled && !this.disposed && this.detector.holding
  }

  /** New settings: pending keys are flushed under the old ones first. */
  configure(options: Partial<WedgeOptions> & { enabled: boolean }): void {
    this.flush()
    this.base = options
    this.enabled = options.enabled
    this.detector = new WedgeDetector(this.calibrating ? calibrationOptions(options) : options)
  }

  /**
   * Calibration mode on/off: while on, the detector ignores the prefix/suffix/terminator settings (the test label
   * must be recognised whatever the layout makes of it), and a recognised burst is not a scan.
   */
  setCalibrating(on: boolean): void {
    if (this.disposed || on === this.calibrating) return
    this.flush()
    this.calibrating = on
    this.burst = []
    this.burstTimes = []
    this.detector = new WedgeDetector(on ? calibrationOptions(this.base) : this.base)
  }

  /**
   * Feed one key event. `swallow`: keep it from the page. `release`: held events (possibly ending with this one)
   * the host must now replay to the page, in order. (Releases decided later by the timer go to `host.release`.)
   */
  onKey(input: KeyEvent, now: number = this.timers.now()): { swallow: boolean; release: KeyEvent[] } {
    if (this.disposed || !this.enabled) return { swallow: false, release: [] }
    if (this.echo && this.echoes.length > 0) {
      const i = this.echoes.findIndex((e) => sameKey(e, input))
      if (i >= 0) {
        this.echoes.splice(0, i + 1)
        return { swallow: false, release: [] }
      }
    }
    const ev: KeyEvent = {
      type: input.type,
      key: input.key,
      code: input.code,
      shift: !!input.shift,
      control: !!input.control,
      alt: !!input.alt,
      meta: !!input.meta,
      isAutoRepeat: !!input.isAutoRepeat,
      ...(input.altGraph !== undefined ? { altGraph: input.altGraph } : {}),
      ...(input.capsLock !== undefined ? { capsLock: input.capsLock } : {}),
    }
    if (this.calibrating) {
      // Keep the raw events of the current burst: a new one starts after the detector went idle or a silence.
      if (this.detector.nextDeadline() === null || now - this.burstLastT > this.detector.options.maxIntervalMs) {
        this.burst = []
        this.burstTimes = []
      }
      this.burst.push(ev)
      this.burstTimes.push(now)
      this.burstLastT = now
      if (this.burst.length > 10_000) {
        this.burst.splice(0, this.burst.length - 10_000)
        this.burstTimes.splice(0, this.burstTimes.length - 10_000)
      }
    }
    let d
    try {
      d = this.detector.key(ev, now)
    } catch (err) {
      this.sinks.error(err, 'wedge detector')
      return { swallow: false, release: [] }
    }
    if (this.echo) this.remember(d.release)
    this.emitScans(d.scans)
    this.arm()
    return { swallow: d.swallow, release: d.release }
  }

  /** End what is pending now (window blur, focus moved, settings changed). */
  flush(): void {
    if (this.disposed) return
    const r = this.detector.flush(this.timers.now())
    this.deliver(r.release, r.scans)
    this.arm()
  }

  dispose(): void {
    if (this.disposed) return
    this.flush()
    this.disposed = true
    if (this.timer !== null) this.timers.clearTimeout(this.timer)
    this.timer = null
    this.sinks.status({ id: this.device, kind: 'wedge', name: 'Keyboard wedge', state: 'disconnected' })
    this.sinks.closed(this)
  }

  private deliver(release: KeyEvent[], scans: WedgeScan[]): void {
    if (release.length > 0) {
      if (this.echo) this.remember(release)
      try {
        this.host.release(release)
      } catch (err) {
        this.sinks.error(err, 'wedge release')
      }
    }
    this.emitScans(scans)
  }

  private emitScans(scans: WedgeScan[]): void {
    if (scans.length === 0) return
    if (this.calibrating) {
      const events = this.burst
      const times = this.burstTimes
      this.burst = []
      this.burstTimes = []
      try {
        this.sinks.calibrated(events, times)
      } catch (err) {
        this.sinks.error(err, 'wedge calibration')
      }
      return
    }
    for (const scan of scans) this.sinks.scan(scan, this.device)
  }

  private remember(release: KeyEvent[]): void {
    this.echoes.push(...release)
    if (this.echoes.length > 1000) this.echoes.splice(0, this.echoes.length - 1000)
  }

  private arm(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer)
    this.timer = null
    const deadline = this.detector.nextDeadline()
    if (deadline === null || this.disposed) return
    const wait = Math.max(0, deadline - this.timers.now())
    this.timer = this.timers.setTimeout(() => {
      this.timer = null
      if (this.disposed) return
      const r = this.detector.tick(this.timers.now())
      this.deliver(r.release, r.scans)
      this.arm()
    }, wait)
  }
}

/** The detector options while calibrating: the label is ~28 characters, with whatever the layout makes of them. */
function calibrationOptions(o: Partial<WedgeOptions> & { enabled: boolean }): Partial<WedgeOptions> {
  return { ...o, prefix: '', suffix: '', requireTerminator: false, minLength: 5 }
}
