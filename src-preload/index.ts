/**
 * The preload: exposes `window.station`, built from the contract's method and event lists and nothing else.
 * No generic invoke, no ipcRenderer object, no Node globals cross the bridge. Main re-validates
 * every argument; checks here only keep a confused caller from reaching a channel that is not in the contract.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { channelFor, eventNames, methodNames, type EventName } from '../src-main/contract-names'
import type { StationApi } from '../src-main/contract'

const methods: Record<string, (input: unknown) => Promise<unknown>> = {}
for (const method of methodNames) {
  methods[method] = (input: unknown) => ipcRenderer.invoke(channelFor(method), input)
}

function on(event: EventName, listener: (payload: unknown) => void): () => void {
  if (!eventNames.includes(event)) throw new TypeError(`Unknown station event: ${String(event).slice(0, 60)}`)
  if (typeof listener !== 'function') throw new TypeError('station.on needs a listener function')
  const channel = channelFor(event)
  // The renderer's listener never sees the IPC event object (it carries `sender`, an ipcRenderer handle).
  const wrapped = (_event: IpcRendererEvent, payload: unknown): void => listener(payload)
  ipcRenderer.on(channel, wrapped)
  return () => {
    ipcRenderer.removeListener(channel, wrapped)
  }
}

const api = { ...methods, on } as unknown as StationApi

contextBridge.exposeInMainWorld('station', api)
