/**
 * Updates from the desk's own feed (electron-updater's generic provider: an https folder holding the latest*.yml
 * that `npm run dist` writes beside the installers). Off by default: a desk is updated when its admin turns it on
 * and names the feed (`update.enabled`, `update.feedUrl`). An update is downloaded in the background and installed
 * only while no receipt or scan session holds uncommitted work; otherwise it waits, and is also installed at the
 * next quit.
 *
 * The updater is a parameter (electron-updater's autoUpdater in main.ts), so the policy is tested with a fake.
 */

/** The part of electron-updater's autoUpdater used here. */
export interface DeskUpdater {
  autoDownload: boolean
  autoInstallOnAppQuit: boolean
  setFeedURL(options: { provider: 'generic'; url: string }): void
  checkForUpdates(): Promise<unknown>
  quitAndInstall(): void
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown
  on(event: 'error', listener: (error: Error) => void): unknown
}

export interface UpdateOptions {
  enabled: boolean
  feedUrl: string
  /** True while a receipt or scan session holds work: the station must not restart then. */
  busy: () => boolean
  log: { info(message: string, details?: object): void; warn(message: string, details?: object): void }
  checkEveryMs?: number
  /** How often a downloaded update asks again whether the desk is free. */
  retryMs?: number
}

/** Starts checking; returns a function that stops the checks and any wait for a free desk. */
export function startUpdates(updater: DeskUpdater, options: UpdateOptions): () => void {
  if (!options.enabled || !options.feedUrl) return () => {}
  const checkEveryMs = options.checkEveryMs ?? 6 * 60 * 60_000
  const retryMs = options.retryMs ?? 60_000
  updater.autoDownload = true
  updater.autoInstallOnAppQuit = true
  updater.setFeedURL({ provider: 'generic', url: options.feedUrl })

  let waiting: ReturnType<typeof setTimeout> | null = null
  const install = (version: string): void => {
    waiting = null
    if (options.busy()) {
      options.log.info('update ready, waiting for the open session to be committed or dropped', { version })
      waiting = setTimeout(() => install(version), retryMs)
      return
    }
    options.log.info('installing update', { version })
    updater.quitAndInstall()
  }
  updater.on('update-downloaded', (info) => {
    if (waiting === null) install(info.version)
  })
  updater.on('error', (error) => options.log.warn('update check failed', { error: error.message }))

  const check = (): void => {
    updater.checkForUpdates().catch((error: unknown) => {
      options.log.warn('update check failed', { error: error instanceof Error ? error.message : String(error) })
    })
  }
  check()
  const timer = setInterval(check, checkEveryMs)
  return () => {
    clearInterval(timer)
    if (waiting !== null) clearTimeout(waiting)
  }
}
