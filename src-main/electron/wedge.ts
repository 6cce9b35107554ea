/**
 * Keyboard wedge for a BrowserWindow: every key the window receives passes
 * `before-input-event` into the window's WedgeSession (src-main/devices/scanner-hub.ts), which tells scans from
 * typing. A key the session swallows is kept from the page (`preventDefault`); keys it releases (typing after all)
 * are replayed with `webContents.sendInputEvent`, in order. The replay comes back through `before-input-event`,
 * hence `{ echo: true }`: the session recognises its own replays and lets them through. Pending keys are flushed
 * when the window loses focus; the session is disposed with the window.
 *
 * All decisions live in the hub (unit-tested); this file only wires events.
 */
import type { BrowserWindow } from 'electron'
import type { KeyEvent } from '../../src-shared/keyboard/keys'
import type { ScannerHub } from '../devices/scanner-hub'
import { keyEventFromInput, replayInputEvents } from './wedge-replay'

export function attachWedge(hub: ScannerHub, window: BrowserWindow): () => void {
  const contents = window.webContents
  const replay = (events: KeyEvent[]): void => {
    if (window.isDestroyed() || contents.isDestroyed()) return
    for (const ev of events) for (const input of replayInputEvents(ev)) contents.sendInputEvent(input)
  }
  const session = hub.createWedgeSession(String(window.id), { release: replay }, { echo: true })

  const onInput = (event: Electron.Event, input: Electron.Input): void => {
    const ev = keyEventFromInput(input)
    if (!ev) return
    const { swallow, release } = session.onKey(ev)
    if (swallow) event.preventDefault()
    if (release.length) replay(release)
  }
  const onBlur = (): void => session.flush()
  contents.on('before-input-event', onInput)
  window.on('blur', onBlur)

  let disposed = false
  const dispose = (): void => {
    if (disposed) return
    disposed = true
    if (!contents.isDestroyed()) contents.off('before-input-event', onInput)
    if (!window.isDestroyed()) window.off('blur', onBlur)
    session.dispose()
  }
  window.once('closed', dispose)
  return dispose
}
