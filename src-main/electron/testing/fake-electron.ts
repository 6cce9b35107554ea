/**
 * A small fake of the Electron objects the glue uses (app, a window, its webContents, a session, ipcMain), so the
 * glue's decisions run in plain Node: Electron's binary is not needed. Each fake records what it was asked and
 * lets a test fire the events Electron would.
 */
import { EventEmitter } from 'node:events'

/** An event the handler may cancel, as Electron's are. */
export class FakeEvent {
  defaultPrevented = false
  preventDefault(): void {
    this.defaultPrevented = true
  }
}

export class FakeApp extends EventEmitter {
  quitCalls = 0
  loginItem: { openAtLogin: boolean; args?: string[] } | null = null
  constructor(private readonly lockFree: boolean) {
    super()
  }
  requestSingleInstanceLock(): boolean {
    return this.lockFree
  }
  quit(): void {
    this.quitCalls++
  }
  setLoginItemSettings(settings: { openAtLogin: boolean; args?: string[] }): void {
    this.loginItem = settings
  }
}

export class FakeWebContents extends EventEmitter {
  destroyed = false
  reloads = 0
  windowOpenHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | null = null
  isDestroyed(): boolean {
    return this.destroyed
  }
  reload(): void {
    this.reloads++
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'allow' | 'deny' }): void {
    this.windowOpenHandler = handler
  }
  /** Fires a cancellable event the way Electron does, and says whether a listener cancelled it. */
  fire(name: string, ...args: unknown[]): FakeEvent {
    const event = new FakeEvent()
    this.emit(name, event, ...args)
    return event
  }
}

export class FakeWindow extends EventEmitter {
  minimized = false
  shown = false
  focused = 0
  kiosk = false
  isDestroyed(): boolean {
    return false
  }
  isMinimized(): boolean {
    return this.minimized
  }
  restore(): void {
    this.minimized = false
  }
  show(): void {
    this.shown = true
  }
  focus(): void {
    this.focused++
  }
  setKiosk(flag: boolean): void {
    this.kiosk = flag
  }
  /** Electron's close: returns whether the window would really close. */
  tryClose(): boolean {
    const event = new FakeEvent()
    this.emit('close', event)
    return !event.defaultPrevented
  }
}

type PermissionRequest = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: Record<string, unknown>,
) => void
type PermissionCheck = (
  contents: unknown,
  permission: string,
  origin: string,
  details: Record<string, unknown>,
) => boolean
type HeadersListener = (
  details: { url: string; responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
) => void

export class FakeSession {
  permissionRequest: PermissionRequest | null = null
  permissionCheck: PermissionCheck | null = null
  devicePermission: (() => boolean) | null = null
  headersListener: HeadersListener | null = null
  readonly webRequest = {
    onHeadersReceived: (listener: HeadersListener) => {
      this.headersListener = listener
    },
  }
  setPermissionRequestHandler(handler: PermissionRequest): void {
    this.permissionRequest = handler
  }
  setPermissionCheckHandler(handler: PermissionCheck): void {
    this.permissionCheck = handler
  }
  setDevicePermissionHandler(handler: () => boolean): void {
    this.devicePermission = handler
  }
  /** Asks the request handler, as Chromium would when a page calls getUserMedia. */
  request(permission: string, details: Record<string, unknown>): Promise<boolean> {
    return new Promise((resolve) => this.permissionRequest!(null, permission, resolve, details))
  }
}

export class FakeIpcMain {
  readonly handlers = new Map<string, (event: unknown, arg: unknown) => Promise<unknown>>()
  handle(channel: string, handler: (event: unknown, arg: unknown) => Promise<unknown>): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`)
    this.handlers.set(channel, handler)
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel)
  }
  /** What the renderer's `ipcRenderer.invoke(channel, arg)` would get back, from a frame at `url`. */
  invoke(channel: string, arg: unknown, sender: { id: number; url: string; parent?: object | null }): Promise<unknown> {
    const handler = this.handlers.get(channel)
    if (!handler) throw new Error(`no handler for ${channel}`)
    const contents = Object.assign(new EventEmitter(), { id: sender.id })
    return handler({ sender: contents, senderFrame: { url: sender.url, parent: sender.parent ?? null } }, arg)
  }
}
