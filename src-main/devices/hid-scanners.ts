/**
 * HID POS barcode scanners through node-hid: discovery, open, read, decode, hot-plug and unplug.
 *
 * - Discovery: `devices()` filtered to usage page 0x8C usage 0x02 (plus an optional vendor/product allow-list),
 *   polled every `pollMs` (the `usb` package's hot-plug events are not installed; polling hidapi's enumeration is
 *   cheap). A new path is opened; a path that vanished from the list is closed and reported `disconnected`.
 * - Reading: node-hid's event API ('data' per input report); reports go through HidPosAssembler, a completed scan
 *   goes to `onScan` with its AIM symbology id.
 * - Unplug: node-hid emits 'error' when a read fails (the device is gone). That closes only that device, reports
 *   `disconnected` (and a half-received scan as dropped), and the next poll re-opens it if it comes back. Nothing
 *   here throws out of a callback: one broken device never takes the app down.
 * - Honeywell scanners in HID POS mode want feature report 0xFE 0x01 ("send scans as input reports") after open;
 *   it is sent best-effort (a failure is ignored).
 *
 * Node-only (node-hid's N-API binding loads in Node and in Electron's main process alike). The device factory is
 * injectable, so the manager is unit-tested without hardware.
 */
import type { DeviceStatus } from '../contract'
import {
  HID_POS_USAGE_PAGE,
  HID_POS_USAGE_SCANNER,
  HidPosAssembler,
  HONEYWELL_VENDOR_ID,
} from '../core/scanner/hid-pos'
import type { DroppedScan } from './serial-scanner'

/** What node-hid's `devices()` returns, the fields used here. */
export interface HidDeviceInfo {
  vendorId: number
  productId: number
  path?: string
  product?: string
  manufacturer?: string
  serialNumber?: string
  usagePage?: number
  usage?: number
  interface?: number
}

/** The part of node-hid's HID object the manager uses. */
export interface HidHandle {
  on(event: 'data', listener: (report: Buffer) => void): unknown
  on(event: 'error', listener: (err: unknown) => void): unknown
  removeAllListeners(): unknown
  close(): void
  sendFeatureReport?(data: number[] | Buffer): number
}

export interface HidBackend {
  devices(): HidDeviceInfo[] | Promise<HidDeviceInfo[]>
  open(path: string): HidHandle | Promise<HidHandle>
}

/** The real backend: node-hid, loaded lazily so a missing native binding disables HID, not the app. */
export async function nodeHidBackend(): Promise<HidBackend> {
  const HID = (await import('node-hid')) as unknown as {
    devices(): HidDeviceInfo[]
    devicesAsync?: () => Promise<HidDeviceInfo[]>
    HID: new (path: string, options?: { nonExclusive?: boolean }) => HidHandle
  }
  return {
    devices: () => (HID.devicesAsync ? HID.devicesAsync() : HID.devices()),
    open: (path) => new HID.HID(path),
  }
}

export interface HidScannerOptions {
  pollMs: number
  /** Only these devices (empty = every HID POS scanner). */
  allow: { vendorId: number; productId?: number }[]
}

export const defaultHidScannerOptions: HidScannerOptions = { pollMs: 3000, allow: [] }

export interface HidScanEvent {
  data: string
  symbologyId: string
  device: string
}

export interface HidScannerHandlers {
  onScan(scan: HidScanEvent): void
  onStatus(status: DeviceStatus): void
  onDropped?(dropped: DroppedScan): void
}

interface Open {
  info: HidDeviceInfo
  handle: HidHandle
  assembler: HidPosAssembler
  id: string
  name: string
}

export const isHidPosScanner = (d: HidDeviceInfo): boolean =>
  d.usagePage === HID_POS_USAGE_PAGE && d.usage === HID_POS_USAGE_SCANNER

export class HidScannerManager {
  readonly options: HidScannerOptions
  private backend: HidBackend | null = null
  private readonly open = new Map<string, Open>()
  /** Paths that failed to open: reported once, retried on each poll. */
  private readonly failed = new Set<string>()
  private timer: ReturnType<typeof setInterval> | null = null
  private polling: Promise<void> | null = null
  private running = false

  constructor(
    private readonly handlers: HidScannerHandlers,
    options: Partial<HidScannerOptions> = {},
    private readonly backendFactory: () => Promise<HidBackend> = nodeHidBackend,
  ) {
    this.options = { ...defaultHidScannerOptions, ...options }
  }

  /** Ids of the devices open now. */
  get deviceIds(): string[] {
    return [...this.open.values()].map((o) => o.id)
  }

  async start(): Promise<void> {
    if (this.running) return
    this.running = true
    try {
      this.backend = await this.backendFactory()
    } catch (err) {
      this.running = false
      this.handlers.onStatus({
        id: 'hid',
        kind: 'hid',
        name: 'HID POS scanners',
        state: 'error',
        message: `node-hid unavailable: ${message(err)}`,
      })
      return
    }
    await this.poll()
    if (!this.running) return
    this.timer = setInterval(() => void this.poll(), this.options.pollMs)
    this.timer.unref?.()
  }

  async stop(): Promise<void> {
    this.running = false
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    await this.polling
    for (const path of [...this.open.keys()]) this.closeDevice(path, 'stopped')
    this.failed.clear()
  }

  /** One discovery pass (also called by the timer). Never throws. */
  poll(): Promise<void> {
    if (!this.polling) {
      this.polling = this.discover().finally(() => {
        this.polling = null
      })
    }
    return this.polling
  }

  private async discover(): Promise<void> {
    if (!this.running || !this.backend) return
    let list: HidDeviceInfo[]
    try {
      list = await this.backend.devices()
    } catch {
      return // enumeration hiccup: try again next poll
    }
    if (!this.running) return
    const wanted = new Map<string, HidDeviceInfo>()
    for (const d of list) if (d.path && isHidPosScanner(d) && this.allowed(d)) wanted.set(d.path, d)
    for (const path of [...this.open.keys()]) if (!wanted.has(path)) this.closeDevice(path, 'unplugged')
    for (const path of [...this.failed]) if (!wanted.has(path)) this.failed.delete(path)
    for (const [path, info] of wanted) if (!this.open.has(path)) await this.openDevice(path, info)
  }

  private allowed(d: HidDeviceInfo): boolean {
    const allow = this.options.allow
    return (
      allow.length === 0 ||
      allow.some((a) => a.vendorId === d.vendorId && (a.productId === undefined || a.productId === d.productId))
    )
  }

  private async openDevice(path: string, info: HidDeviceInfo): Promise<void> {
    const id = `hid:${path}`
    const name =
      [info.manufacturer, info.product].filter(Boolean).join(' ') ||
      `HID scanner ${hex(info.vendorId)}:${hex(info.productId)}`
    let handle: HidHandle
    try {
      handle = await this.backend!.open(path)
    } catch (err) {
      if (!this.failed.has(path)) {
        this.failed.add(path)
        this.handlers.onStatus({ id, kind: 'hid', name, state: 'error', message: `cannot open: ${message(err)}` })
      }
      return
    }
    if (!this.running) {
      safe(() => handle.close())
      return
    }
    this.failed.delete(path)
    const dev: Open = { info, handle, assembler: new HidPosAssembler(), id, name }
    this.open.set(path, dev)
    handle.on('data', (report: Buffer) => {
      let scan
      try {
        scan = dev.assembler.push(report)
      } catch {
        return // a malformed report: ignore it, keep reading
      }
      if (scan) this.handlers.onScan({ data: scan.data, symbologyId: scan.symbologyId, device: id })
    })
    handle.on('error', (err: unknown) => {
      if (this.open.get(path) === dev) this.closeDevice(path, `read failed: ${message(err)}`)
    })
    if (info.vendorId === HONEYWELL_VENDOR_ID && handle.sendFeatureReport)
      safe(() => handle.sendFeatureReport!([0xfe, 0x01]))
    this.handlers.onStatus({ id, kind: 'hid', name, state: 'connected' })
  }

  private closeDevice(path: string, reason: string): void {
    const dev = this.open.get(path)
    if (!dev) return
    this.open.delete(path)
    safe(() => dev.handle.removeAllListeners())
    safe(() => dev.handle.on('error', () => {}))
    safe(() => dev.handle.close())
    const partial = dev.assembler.reset()
    if (partial !== null)
      this.handlers.onDropped?.({ device: dev.id, partial, reason: reason === 'stopped' ? 'stopped' : 'disconnected' })
    this.handlers.onStatus({ id: dev.id, kind: 'hid', name: dev.name, state: 'disconnected', message: reason })
  }
}

const hex = (n: number): string => n.toString(16).padStart(4, '0')
const message = (err: unknown): string => (err instanceof Error ? err.message : String(err))
function safe(f: () => unknown): void {
  try {
    f()
  } catch {
    // closing a device that is already gone
  }
}
