/**
 * Desk mode: a dedicated receiving-desk workstation. One instance only (a second launch focuses the first), full
 * screen kiosk with no menu, start at login, the renderer restarted after a crash, and a window that a clerk
 * cannot close: leaving takes the admin exit (the admin PIN).
 *
 * Every function takes the few Electron objects it uses as parameters (structural types below), so the decisions
 * are unit-tested in plain Node with a fake (desk.test.ts); main.ts passes the real `app`, `Menu` and windows.
 */

import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** The part of Electron's `app` that desk mode uses. */
export interface DeskApp {
  requestSingleInstanceLock(): boolean
  quit(): void
  on(event: 'second-instance', listener: () => void): unknown
  setLoginItemSettings(settings: { openAtLogin: boolean; args?: string[] }): void
}

/** The part of a BrowserWindow that desk mode uses. */
export interface DeskWindow {
  isDestroyed(): boolean
  isMinimized(): boolean
  restore(): void
  show(): void
  focus(): void
  setKiosk(flag: boolean): void
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown
}

/** What a renderer crash reports (Electron's `render-process-gone` details). */
export interface GoneDetails {
  reason: string
  exitCode: number
}

/** The part of a webContents that the crash restart uses. */
export interface DeskContents {
  isDestroyed(): boolean
  reload(): void
  on(event: 'render-process-gone', listener: (event: unknown, details: GoneDetails) => void): unknown
}

/** The kiosk switch from the command line: `--kiosk` forces desk mode on, `--no-kiosk` off, else the setting. */
export function kioskSwitch(argv: readonly string[]): boolean | null {
  // The last one wins, as with most command lines, so a shortcut's switch can be overridden by hand.
  let result: boolean | null = null
  for (const arg of argv) {
    if (arg === '--kiosk') result = true
    else if (arg === '--no-kiosk') result = false
  }
  return result
}

/** Whether this run is in desk mode: the command line's switch first, else the desk's `desk.kiosk` setting. */
export function isDeskMode(argv: readonly string[], setting: boolean): boolean {
  return kioskSwitch(argv) ?? setting
}

/** BrowserWindow options that differ in desk mode: kiosk and full screen, with no menu bar to wander into. */
export function deskWindowOptions(desk: boolean): { kiosk: boolean; fullscreen: boolean; autoHideMenuBar: boolean } {
  return { kiosk: desk, fullscreen: desk, autoHideMenuBar: true }
}

/**
 * Takes the single-instance lock. A second instance quits at once (the first is told through 'second-instance'
 * and brings its window forward); returns whether this process is the one that runs.
 */
export function claimSingleInstance(app: DeskApp, focusFirst: () => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return false
  }
  app.on('second-instance', focusFirst)
  return true
}

/** Brings the station's window to the front: restored if minimised, shown if hidden. */
export function focusWindow(window: DeskWindow | null): void {
  if (!window || window.isDestroyed()) return
  if (window.isMinimized()) window.restore()
  window.show()
  window.focus()
}

/** Start at login on Windows and macOS (Electron's login items), in desk mode if asked. */
export function applyStartAtLogin(app: DeskApp, enabled: boolean, desk: boolean): void {
  app.setLoginItemSettings({ openAtLogin: enabled, args: desk ? ['--kiosk'] : [] })
}

/**
 * Start at login on Linux, where Electron has no login items: the XDG autostart entry
 * (`~/.config/autostart/scan-station.desktop`) that desktop sessions start, written or removed.
 */
export function applyLinuxAutostart(autostartDir: string, execPath: string, enabled: boolean, desk: boolean): void {
  const file = join(autostartDir, 'scan-station.desktop')
  if (!enabled) {
    rmSync(file, { force: true })
    return
  }
  mkdirSync(autostartDir, { recursive: true })
  // Exec takes its arguments unquoted unless they hold spaces; an AppImage path often does.
  const exec = /\s/.test(execPath) ? `"${execPath.replaceAll('"', '\\"')}"` : execPath
  const entry = [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Scan Station',
    `Exec=${exec}${desk ? ' --kiosk' : ''}`,
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n')
  writeFileSync(file, entry)
}

/**
 * Keeps a desk window from being closed (Alt+F4, the window manager) until `mayClose` says yes: the admin exit.
 * Outside desk mode a window closes as usual.
 */
export function guardClose(window: DeskWindow, desk: () => boolean, mayClose: () => boolean): void {
  window.on('close', (event) => {
    if (desk() && !mayClose()) event.preventDefault()
  })
}

export interface CrashRestartOptions {
  /** Restarts allowed within `windowMs`; past that a crash loop is stopped rather than spun. */
  maxRestarts?: number
  windowMs?: number
  now?: () => number
  onRestart?: (details: GoneDetails, count: number) => void
  /** Called once when the limit is hit: the host shows what happened instead of reloading again. */
  onGiveUp?: (details: GoneDetails) => void
}

/**
 * Reloads the page after its renderer process died (crashed, killed, out of memory), so an unattended desk comes
 * back by itself. A clean exit is not a crash. More than `maxRestarts` within `windowMs` gives up: a page that
 * crashes on load would otherwise restart for ever.
 */
export function restartOnCrash(contents: DeskContents, options: CrashRestartOptions = {}): void {
  const maxRestarts = options.maxRestarts ?? 3
  const windowMs = options.windowMs ?? 60_000
  const now = options.now ?? Date.now
  let recent: number[] = []
  let gaveUp = false
  contents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit' || gaveUp || contents.isDestroyed()) return
    const at = now()
    recent = recent.filter((t) => at - t < windowMs)
    if (recent.length >= maxRestarts) {
      gaveUp = true
      options.onGiveUp?.(details)
      return
    }
    recent.push(at)
    options.onRestart?.(details, recent.length)
    contents.reload()
  })
}

/** The part of Electron's `Menu` that desk mode uses. */
export interface DeskMenu {
  setApplicationMenu(menu: null): void
}

/**
 * In desk mode there is no application menu at all: no devtools, reload or quit accelerators for a clerk to find.
 * Outside it Electron's default menu stays for the developer and the admin at their own desk.
 */
export function applyMenu(menu: DeskMenu, desk: boolean): void {
  if (desk) menu.setApplicationMenu(null)
}
