/**
 * Electron main entry: wiring only. Boots the services (the Station on the userData database, its user plugins,
 * the scanner devices, the IPC contract), hardens the session and every webContents and shows the window; the log
 * goes to userData/logs. The decisions (single instance, desk mode, crash restart, security, IPC sender checks)
 * live in the modules it wires, which take these Electron objects as parameters and are tested with a fake.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell } from 'electron'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileOrStderrLogger, logsDir, stderrLogger, type Logger } from '../core/log/logger'
import { ServiceHost } from '../core/services'
import type { Station } from '../core/station'
import { StationServices } from '../core/station-services'
import { ScannerService } from '../devices/scanner-service'
import { PhoneLinkService } from '../phone-link/service'
import { tokenFileFor } from '../core/inventree/token-store'
import { electronPrinter } from './printing'
import { SafeStorageTokenStore } from './safe-storage-token-store'
import { forwardEvents, registerIpc } from './ipc'
import { secureSession, secureWebContents } from './security'
import {
  applyLinuxAutostart,
  applyMenu,
  applyStartAtLogin,
  claimSingleInstance,
  focusWindow,
  guardClose,
  isDeskMode,
  restartOnCrash,
} from './desk'
import { startUpdates, type DeskUpdater } from './updates'
import { attachWedge } from './wedge'
import { createMainWindow } from './window'

app.setName('Scan Station')
app.enableSandbox()

// The e2e fixture gives each run a fresh profile (and so a fresh database and its own single-instance lock).
// Only for an unpackaged build: an installed station always uses its real userData folder.
const userDataOverride = process.env['SCAN_STATION_USER_DATA']
if (userDataOverride && !app.isPackaged) app.setPath('userData', userDataOverride)

let mainWindow: BrowserWindow | null = null
let logger: Logger | null = null
/** The Station, its user plugins, the scanner devices and the IPC: booted in order, shut down in reverse. */
let services: ServiceHost | null = null
let stopped = false
/** app.quit() was called (the admin exit, the OS logging out): a desk window may close then, and only then. */
let quitting = false

/** The Electron-ABI better-sqlite3 that scripts/electron-native.mjs prepares; node_modules holds the Node one. */
function electronNativeBinding(): string | undefined {
  const file = join(app.getAppPath(), '.native', 'electron', 'better_sqlite3.node')
  return existsSync(file) ? file : undefined
}

function openWindow(current: Station, scanners: ScannerService, log: Logger): void {
  const desk = isDeskMode(process.argv, current.getSettings()['desk.kiosk'])
  applyMenu(Menu, desk)
  const window = createMainWindow(desk)
  mainWindow = window
  // Quitting closes the window; a clerk's Alt+F4 does not (in desk mode there is no menu to quit from).
  guardClose(
    window,
    () => desk,
    () => quitting,
  )
  restartOnCrash(window.webContents, {
    onRestart: (details, count) => log.error('renderer gone, reloading', { ...details, count }),
    onGiveUp: (details) => {
      log.error('renderer keeps crashing, not reloading again', details)
      dialog.showErrorBox('Scan Station stopped', `The station's page keeps crashing (${details.reason}); see the log.`)
    },
  })
  const stopForwarding = forwardEvents(current, window)
  const hub = scanners.hub
  const detachWedge = hub ? attachWedge(hub, window) : () => {}
  window.on('closed', () => {
    stopForwarding()
    detachWedge()
    if (mainWindow === window) mainWindow = null
  })
}

async function start(): Promise<void> {
  const dev = !app.isPackaged && Boolean(process.env['ELECTRON_RENDERER_URL'])
  secureSession(session.defaultSession, dev)
  const userData = app.getPath('userData')
  const log = fileOrStderrLogger({ dir: logsDir(userData) })
  logger = log
  const scanners: ScannerService = new ScannerService((): Station => station.station, { logger: log })
  const dbPath = join(userData, 'station.db')
  // The phone page is built beside the renderer (out/renderer/phone.html); it listens only once an admin enables it.
  const phoneLink = new PhoneLinkService((): Station => station.station, join(import.meta.dirname, '../renderer'))
  const station = new StationServices({
    dbPath,
    inventreeTokens: new SafeStorageTokenStore(tokenFileFor(dbPath)),
    // A new database asks at its first start; SCAN_STATION_DEMO=1 seeds the demo at once, =0 starts it empty (a
    // desk for an InvenTree server, to pull its replica into).
    demo: ({ '1': true, '0': false } as const)[process.env['SCAN_STATION_DEMO'] ?? ''] ?? 'ask',
    nativeBinding: electronNativeBinding(),
    logger: log,
    printer: electronPrinter,
    wedgeCalibration: scanners,
    phoneLink: phoneLink.provider,
  })
  let unregisterIpc = (): void => {}
  services = new ServiceHost(log).add(...station.services, scanners, phoneLink, {
    name: 'IPC',
    boot: () => {
      unregisterIpc = registerIpc(station.station, ipcMain)
    },
    shutdown: () => unregisterIpc(),
  })
  await services.boot()
  // The admin exit (badge and PIN checked by the Station) is the one way out of desk mode short of the OS.
  station.station.on((event, payload) => {
    if (event !== 'deskExitGranted') return
    log.info('desk exit: quitting', payload)
    app.quit()
  })
  const settings = station.station.getSettings()
  if (app.isPackaged) {
    const desk = isDeskMode(process.argv, settings['desk.kiosk'])
    // An AppImage runs from a temporary mount: start the AppImage file itself, which it names in APPIMAGE.
    const exec = process.env['APPIMAGE'] ?? process.execPath
    if (process.platform === 'linux')
      applyLinuxAutostart(join(app.getPath('appData'), 'autostart'), exec, settings['desk.startAtLogin'], desk)
    else applyStartAtLogin(app, settings['desk.startAtLogin'], desk)
  }
  openWindow(station.station, scanners, log)
  if (app.isPackaged && settings['update.enabled']) {
    // Loaded only when updates are on: a desk without a feed never runs the updater at all.
    const { autoUpdater } = (await import('electron-updater')).default
    const stopUpdates = startUpdates(autoUpdater as DeskUpdater, {
      enabled: true,
      feedUrl: settings['update.feedUrl'],
      busy: () => station.station.openWork() > 0,
      log,
    })
    app.on('will-quit', stopUpdates)
  }
  app.on('activate', () => {
    if (!stopped && BrowserWindow.getAllWindows().length === 0) openWindow(station.station, scanners, log)
  })
}

/** Shuts the services down (the scanners report a half-received scan before the Station closes), then the log. */
async function shutdown(): Promise<void> {
  stopped = true
  await services?.shutdown()
  await logger?.close()
}

if (claimSingleInstance(app, () => focusWindow(mainWindow))) {
  app.on('web-contents-created', (_event, contents) => secureWebContents(contents, (url) => shell.openExternal(url)))

  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => {
      const message = err instanceof Error ? err.message : String(err)
      const log = logger ?? stderrLogger()
      log.error('Scan Station could not start', err)
      dialog.showErrorBox('Scan Station could not start', message)
      void shutdown().finally(() => app.exit(1))
    })

  app.on('before-quit', () => {
    quitting = true
  })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })

  app.on('will-quit', (event) => {
    if (stopped) return
    event.preventDefault()
    void shutdown().finally(() => app.quit())
  })
}
