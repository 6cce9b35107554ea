/**
 * ipcMain registration for the contract: one handler per contract method, each checking that the
 * caller is the main frame of an app page before it hands the raw argument to `dispatch` (which validates it).
 * Each window (its webContents) is its own caller with its own sign-in, ended when the window goes away.
 * Station events are forwarded to the window on their contract channel; one meant for a caller (a job's progress)
 * goes to that caller's window only.
 */
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron'
import { channelFor, methodNames, type ContractError, type Reply } from '../contract'
import { dispatch } from '../dispatch'
import type { Station } from '../core/station'
import { isAppUrl } from './origin'

const forbidden: ContractError = { code: 'forbidden', message: 'This caller may not use the station' }

/** The sender must be a top-level frame showing the app's own page, never an iframe or a foreign page. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const frame = event.senderFrame
  if (!frame || frame.parent !== null) return false
  return isAppUrl(frame.url)
}

/** The caller a window's calls run as. */
const windowCaller = (contentsId: number): string => `window:${contentsId}`

/** Registers every contract method on `ipcMain`; returns a function that removes the handlers again. */
export function registerIpc(station: Station, ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>): () => void {
  const known = new Set<number>()
  const callerOf = (event: IpcMainInvokeEvent): string => {
    const contents = event.sender
    if (!known.has(contents.id)) {
      known.add(contents.id)
      contents.once('destroyed', () => {
        known.delete(contents.id)
        station.endCaller(windowCaller(contents.id))
      })
    }
    return windowCaller(contents.id)
  }
  for (const method of methodNames) {
    ipcMain.handle(channelFor(method), async (event, arg: unknown): Promise<Reply<unknown>> => {
      if (!isTrustedSender(event)) return { ok: false, error: forbidden }
      return dispatch(station, method, arg, callerOf(event))
    })
  }
  return () => {
    for (const method of methodNames) ipcMain.removeHandler(channelFor(method))
  }
}

/** Forwards every Station event to the window; returns the unsubscribe function. */
export function forwardEvents(station: Station, window: BrowserWindow): () => void {
  return station.on((event, payload, to) => {
    if (window.isDestroyed() || window.webContents.isDestroyed()) return
    if (to !== undefined && to !== windowCaller(window.webContents.id)) return
    // Only to the app's own page: if the window ever showed something else, it gets nothing.
    if (!isAppUrl(window.webContents.getURL())) return
    window.webContents.send(channelFor(event), payload)
  })
}
