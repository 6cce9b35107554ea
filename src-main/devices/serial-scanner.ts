/**
 * A serial (USB CDC / RS-232) barcode scanner through serialport: one scan per line.
 *
 * - Options: port path, baud rate, terminator (see core/scanner/serial-lines.ts).
 * - On open: status `connected`. On close or error (an unplug shows as a read error / close with
 *   `disconnected`): a partial line still buffered is reported through `onDropped` (never merged with the next scan),
 *   then status `disconnected`, then reconnect attempts with exponential backoff until the port opens again.
 *   Attempts never throw out of the manager: a missing port is the normal state while unplugged.
 * - `stop()` closes the port and cancels reconnection; a partial line at stop is reported as dropped too.
 *
 * Node-only (serialport's N-API binding loads in Node and in Electron's main process alike).
 */
import type { DeviceStatus } from '../contract'
import { LineFramer, type SerialTerminator } from '../core/scanner/serial-lines'

export interface SerialScannerOptions {
  path: string
  baudRate: number
  terminator: SerialTerminator
  encoding: 'utf8' | 'latin1'
  /** First reconnect delay; doubles up to reconnectMaxMs. */
  reconnectInitialMs: number
  reconnectMaxMs: number
  /** Shown in the UI; default `Serial scanner <path>`. */
  name?: string
}

export const defaultSerialScannerOptions: Omit<SerialScannerOptions, 'path'> = {
  baudRate: 9600,
  terminator: 'ANY',
  encoding: 'utf8',
  reconnectInitialMs: 500,
  reconnectMaxMs: 10_000,
}

export interface DroppedScan {
  device: string
  /** The bytes received before the line was cut, decoded. */
  partial: string
  reason: 'disconnected' | 'stopped' | 'overflow'
}

export interface SerialScannerHandlers {
  onScan(data: string, device: string): void
  onStatus(status: DeviceStatus): void
  onDropped?(dropped: DroppedScan): void
}

/** The part of a serialport SerialPort the manager uses (a fake in unit tests). */
export interface PortLike {
  open(callback: (err: Error | null) => void): void
  close(callback?: (err: Error | null) => void): void
  on(event: 'data', listener: (chunk: Buffer) => void): this
  on(event: 'close', listener: (err?: Error & { disconnected?: boolean }) => void): this
  on(event: 'error', listener: (err: Error) => void): this
  removeAllListeners(): this
  readonly isOpen: boolean
}

export type PortFactory = (options: { path: string; baudRate: number }) => Promise<PortLike>

/** The real factory: serialport, loaded lazily so a missing native binding fails one device, not the app. */
export const serialportFactory: PortFactory = async ({ path, baudRate }) => {
  const { SerialPort } = await import('serialport')
  return new SerialPort({ path, baudRate, autoOpen: false }) as unknown as PortLike
}

export class SerialScanner {
  readonly options: SerialScannerOptions
  readonly id: string
  private port: PortLike | null = null
  private framer: LineFramer
  private timer: ReturnType<typeof setTimeout> | null = null
  private delay: number
  private stopped = true
  /** Bumped on every open attempt and loss: callbacks from an older port are ignored. */
  private generation = 0
  private lastState: DeviceStatus['state'] | null = null

  constructor(
    options: Partial<SerialScannerOptions> & { path: string },
    private readonly handlers: SerialScannerHandlers,
    private readonly factory: PortFactory = serialportFactory,
  ) {
    this.options = { ...defaultSerialScannerOptions, ...options }
    this.id = `serial:${this.options.path}`
    this.framer = new LineFramer({ terminator: this.options.terminator, encoding: this.options.encoding })
    this.delay = this.options.reconnectInitialMs
  }

  get name(): string {
    return this.options.name ?? `Serial scanner ${this.options.path}`
  }

  get connected(): boolean {
    return this.port !== null
  }

  start(): void {
    if (!this.stopped) return
    this.stopped = false
    this.delay = this.options.reconnectInitialMs
    void this.attempt()
  }

  async stop(): Promise<void> {
    this.stopped = true
    this.generation++
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    const port = this.port
    this.port = null
    this.dropPartial('stopped')
    if (port) {
      port.removeAllListeners()
      port.on('error', () => {}) // late errors from a closing port must not crash the process
      if (port.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()))
    }
    this.status('disconnected', 'stopped')
  }

  private async attempt(): Promise<void> {
    this.timer = null
    if (this.stopped) return
    const gen = ++this.generation
    let port: PortLike
    try {
      port = await this.factory({ path: this.options.path, baudRate: this.options.baudRate })
    } catch (err) {
      this.retry(gen, err)
      return
    }
    if (gen !== this.generation) return
    port.on('error', (err) => this.lost(gen, port, err))
    port.open((err) => {
      if (gen !== this.generation) {
        if (!err) port.close()
        return
      }
      if (err) {
        port.removeAllListeners()
        port.on('error', () => {})
        this.retry(gen, err)
        return
      }
      this.port = port
      this.delay = this.options.reconnectInitialMs
      port.on('data', (chunk) => {
        if (gen !== this.generation) return
        const out = this.framer.push(chunk)
        for (const partial of out.overflow) this.handlers.onDropped?.({ device: this.id, partial, reason: 'overflow' })
        for (const line of out.lines) this.handlers.onScan(line, this.id)
      })
      port.on('close', (closeErr) => this.lost(gen, port, closeErr ?? new Error('port closed')))
      this.status('connected')
    })
  }

  /** The port went away (unplug, read error, closed under us). */
  private lost(gen: number, port: PortLike, err: Error): void {
    if (gen !== this.generation || this.stopped) return
    this.generation++
    this.port = null
    port.removeAllListeners()
    port.on('error', () => {})
    if (port.isOpen) port.close(() => {})
    this.dropPartial('disconnected')
    this.status('disconnected', err.message)
    this.schedule()
  }

  private retry(gen: number, err: unknown): void {
    if (gen !== this.generation || this.stopped) return
    const message = err instanceof Error ? err.message : String(err)
    // First failure says why; later ones stay quiet (the state has not changed).
    this.status(
      this.lastState === null || this.lastState === 'error' ? 'error' : 'disconnected',
      `waiting for ${this.options.path}: ${message}`,
    )
    this.schedule()
  }

  private schedule(): void {
    if (this.stopped || this.timer) return
    const wait = this.delay
    this.delay = Math.min(this.delay * 2, this.options.reconnectMaxMs)
    this.timer = setTimeout(() => void this.attempt(), wait)
    this.timer.unref?.()
  }

  private dropPartial(reason: DroppedScan['reason']): void {
    const partial = this.framer.close()
    if (partial !== null) this.handlers.onDropped?.({ device: this.id, partial, reason })
  }

  private status(state: DeviceStatus['state'], message?: string): void {
    if (state === this.lastState && state !== 'connected') return
    this.lastState = state
    this.handlers.onStatus({ id: this.id, kind: 'serial', name: this.name, state, ...(message ? { message } : {}) })
  }
}
