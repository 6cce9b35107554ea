/**
 * Electron main entry: app lifecycle only. Opens the Station (design §1) on the userData database, hardens the
 * session and every webContents, registers the IPC contract and shows the window. One instance per user: a
 * second launch focuses the first.
 */
import { app, BrowserWindow, dialog, session } from 'electron'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { electronPrinter } from './printing'
import { Station } from '../core/station'
import { startScannerHub, type RunningScanners } from '../devices/hub-options'
import { forwardEvents, registerIpc } from './ipc'
import { secureSession, secureWebContents } from './security'
import { attachWedge } from './wedge'
import { createMainWindow } from './window'

app.setName('Scan Station')
app.enableSandbox()

// The e2e fixture gives each run a fresh profile (and so a fresh database and its own single-instance lock).
// Only for an unpackaged build: an installed station always uses its real userData folder.
const userDataOverride = process.env['SCAN_STATION_USER_DATA']
if (userDataOverride && !app.isPackaged) app.setPath('userData', userDataOverride)

let station: Station | null = null
/** Wedge, HID and serial scanners (design §6), following the Station's settings. */
let scanners: RunningScanners | null = null
let mainWindow: BrowserWindow | null = null
const cleanups: (() => void)[] = []

/** The Electron-ABI better-sqlite3 that scripts/electron-native.mjs prepares; node_modules holds the Node one. */
function electronNativeBinding(): string | undefined {
  const file = join(app.getAppPath(), '.native', 'electron', 'better_sqlite3.node')
  return existsSync(file) ? file : undefined
}

function openWindow(current: Station): void {
  const window = createMainWindow()
  mainWindow = window
  const stopForwarding = forwardEvents(current, window)
  const detachWedge = scanners ? attachWedge(scanners.hub, window) : () => {}
  window.on('closed', () => {
    stopForwarding()
    detachWedge()
    if (mainWindow === window) mainWindow = null
  })
}

function shutdown(): void {
  while (cleanups.length) cleanups.pop()?.()
  station?.close()
  station = null
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })

  app.on('web-contents-created', (_event, contents) => secureWebContents(contents))

  app
    .whenReady()
    .then(async () => {
      const dev = !app.isPackaged && Boolean(process.env['ELECTRON_RENDERER_URL'])
      secureSession(session.defaultSession, dev)
      const dbPath = join(app.getPath('userData'), 'station.db')
      station = Station.open({ dbPath, nativeBinding: electronNativeBinding() })
      station.setPrinter(electronPrinter)
      cleanups.push(registerIpc(station))
      // Device failures (no node-hid binding, no serial port) become device statuses, never a startup error.
      scanners = await startScannerHub(station)
      openWindow(station)

      app.on('activate', () => {
        if (station && BrowserWindow.getAllWindows().length === 0) openWindow(station)
      })
    })
    .catch((err: unknown) => {
      const message = err instanceof Error ? err.message : String(err)
      console.error('Scan Station could not start', err)
      dialog.showErrorBox('Scan Station could not start', message)
      shutdown()
      app.exit(1)
    })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })

  app.on('will-quit', (event) => {
    // Close the serial port and HID devices (reporting a half-received scan) before the Station closes.
    const running = scanners
    if (running) {
      scanners = null
      event.preventDefault()
      void running
        .stop()
        .catch((err: unknown) => console.error('scanner shutdown failed', err))
        .finally(() => {
          shutdown()
          app.quit()
        })
      return
    }
    shutdown()
  })
}
