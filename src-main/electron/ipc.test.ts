/**
 * The IPC registration against a fake ipcMain and a real Station: only the main frame of the app's own page is
 * served, each window is its own caller, and a closed window's sign-in ends with it.
 */
import { pathToFileURL } from 'node:url'
import type { IpcMain } from 'electron'
import { beforeEach, describe, expect, it } from 'vitest'
import { channelFor, methodNames } from '../contract'
import { tempDbPath } from '../tests/support/temp-db'
import { openTestStation } from '../tests/support/station'
import { isTrustedSender, registerIpc } from './ipc'
import { rendererIndexPath } from './origin'
import { FakeIpcMain } from './testing/fake-electron'

const APP = pathToFileURL(rendererIndexPath()).href

describe('the IPC sender check', () => {
  beforeEach(() => {
    delete process.env['ELECTRON_RENDERER_URL']
  })

  it('trusts the top-level frame of the app’s page only', () => {
    expect(isTrustedSender({ senderFrame: { url: APP, parent: null } } as never)).toBe(true)
    expect(isTrustedSender({ senderFrame: { url: APP, parent: {} } } as never)).toBe(false)
    expect(isTrustedSender({ senderFrame: { url: 'https://evil.example/', parent: null } } as never)).toBe(false)
    expect(isTrustedSender({ senderFrame: { url: `${APP}/../other.html`, parent: null } } as never)).toBe(false)
    expect(isTrustedSender({ senderFrame: null } as never)).toBe(false)
  })

  it('answers the app’s page, refuses a foreign page or an iframe, and validates the argument', async () => {
    const station = openTestStation({ dbPath: tempDbPath() })
    const ipc = new FakeIpcMain()
    const unregister = registerIpc(station, ipc as unknown as IpcMain)
    expect([...ipc.handlers.keys()].sort()).toEqual(methodNames.map(channelFor).sort())

    const scan = channelFor('scan')
    const good = { data: 'INV-SL1', source: 'manual' }
    expect(await ipc.invoke(scan, good, { id: 1, url: APP })).toMatchObject({ ok: true })
    const forbidden = { ok: false, error: { code: 'forbidden' } }
    expect(await ipc.invoke(scan, good, { id: 2, url: 'https://evil.example/' })).toMatchObject(forbidden)
    expect(await ipc.invoke(scan, good, { id: 1, url: APP, parent: {} })).toMatchObject(forbidden)
    expect(await ipc.invoke(scan, { data: 'x', source: 'nowhere' }, { id: 1, url: APP })).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument' },
    })
    // Only the app's own call was logged.
    expect(station.history({ limit: 10 })).toHaveLength(1)

    unregister()
    expect(ipc.handlers.size).toBe(0)
  })

  it('keeps each window’s sign-in to itself and ends it when the window is destroyed', async () => {
    const station = openTestStation({ dbPath: tempDbPath() })
    const ipc = new FakeIpcMain()
    registerIpc(station, ipc as unknown as IpcMain)
    const handler = ipc.handlers.get(channelFor('signIn'))!
    const info = ipc.handlers.get(channelFor('info'))!
    const contents = Object.assign(new (await import('node:events')).EventEmitter(), { id: 7 })
    const frame = { url: APP, parent: null }
    expect(await handler({ sender: contents, senderFrame: frame }, { badge: 'OP-1001' })).toMatchObject({ ok: true })
    expect(await info({ sender: contents, senderFrame: frame }, {})).toMatchObject({
      ok: true,
      value: { operator: { name: 'Alex Receiving' } },
    })
    expect(await ipc.invoke(channelFor('info'), {}, { id: 8, url: APP })).toMatchObject({
      ok: true,
      value: { operator: null },
    })
    contents.emit('destroyed')
    expect(await info({ sender: contents, senderFrame: frame }, {})).toMatchObject({
      ok: true,
      value: { operator: null },
    })
  })
})
