/**
 * The station's one window: hardened webPreferences (context isolation, sandbox, no Node) and the renderer it loads (the electron-vite dev
 * server in development, else the built file). Navigation and popup rules are attached to every webContents in
 * main.ts (security.ts).
 */
import { BrowserWindow } from 'electron'
import { join } from 'node:path'
import { deskWindowOptions } from './desk'
import { rendererEntry } from './origin'

/** electron-vite emits the CommonJS preload as `out/preload/index.cjs` (see electron.vite.config.ts). */
const PRELOAD_PATH = join(import.meta.dirname, '../preload/index.cjs')

/** `desk`: desk mode's kiosk window (desk.ts), else an ordinary resizable one. */
export function createMainWindow(desk: boolean): BrowserWindow {
  const window = new BrowserWindow({
    ...deskWindowOptions(desk),
    width: 1280,
    height: 820,
    minWidth: 800,
    minHeight: 560,
    title: 'Scan Station',
    show: false,
    webPreferences: {
      preload: PRELOAD_PATH,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      // Middle-click opens links in new windows; the station has no use for it (electronegativity AUXCLICK_JS_CHECK).
      disableBlinkFeatures: 'Auxclick',
      // Scan feedback sounds (src-renderer/src/feedback) must play for a scan that arrives before any click.
      autoplayPolicy: 'no-user-gesture-required',
    },
  })
  window.once('ready-to-show', () => window.show())

  const entry = rendererEntry()
  if (entry.kind === 'url') void window.loadURL(entry.url)
  else void window.loadFile(entry.path)
  return window
}
