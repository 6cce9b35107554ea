/**
 * Label printing through Electron: the verified PDF is written to a temp file and shown in a hidden window with
 * Chromium's PDF viewer, whose print goes to the chosen printer (or the system default). Thin on purpose: the
 * labels themselves are made and verified in core.
 */
import { BrowserWindow } from 'electron'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { LabelPrinter } from '../core/station'

export const electronPrinter: LabelPrinter = {
  async print(pdf, printer) {
    const dir = await mkdtemp(join(tmpdir(), 'scan-station-labels-'))
    const file = join(dir, 'labels.pdf')
    await writeFile(file, pdf)
    const win = new BrowserWindow({
      show: false,
      webPreferences: {
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        plugins: true,
        disableBlinkFeatures: 'Auxclick',
      },
    })
    try {
      await win.loadURL(pathToFileURL(file).href)
      const printers = await win.webContents.getPrintersAsync()
      if (printer && !printers.some((p) => p.name === printer)) throw new Error(`No printer named "${printer}"`)
      // Without a named printer the system dialog opens, so the person at the desk picks one and its settings.
      const target = printer
      await new Promise<void>((done, fail) =>
        win.webContents.print(
          { silent: Boolean(target), deviceName: target, printBackground: true, margins: { marginType: 'none' } },
          (ok, reason) => (ok ? done() : fail(new Error(reason))),
        ),
      )
      return target ?? 'system dialog'
    } finally {
      win.destroy()
      await rm(dir, { recursive: true, force: true })
    }
  },
}
