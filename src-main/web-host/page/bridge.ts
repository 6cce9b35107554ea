/**
 * The browser half of the web host, served as /station-bridge.js before the app's own script: defines
 * `window.station` with the same shape as the Electron preload's, over one WebSocket. Built from the contract's
 * method and event lists, so a method that is not in the contract cannot be called from the page here either.
 */
import { eventNames, methodNames, type EventName } from '../../contract-names'
import type { StationApi } from '../../contract'
import type { HostWedgeMessage } from '../wedge-protocol'
import { SOCKET_PATH } from '../bridge'
import { installWedge } from './wedge'

type Reply = { ok: boolean; value?: unknown; error?: { code: string; message: string } }
type Listener = (payload: unknown) => void

const token = new URLSearchParams(location.search).get('token') ?? ''
const socketUrl =
  (location.protocol === 'https:' ? 'wss://' : 'ws://') +
  location.host +
  SOCKET_PATH +
  '?token=' +
  encodeURIComponent(token)

const pending = new Map<number, (reply: Reply) => void>()
const queue: string[] = []
const listeners = new Map<string, Set<Listener>>(eventNames.map((name) => [name, new Set()]))
let socket: WebSocket | null = null
let nextId = 1
let retryMs = 250

const isOpen = (): boolean => socket !== null && socket.readyState === WebSocket.OPEN
const wedge = installWedge({ open: isOpen, send: (message) => socket?.send(JSON.stringify({ wedge: message })) })

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null

function onMessage(data: unknown): void {
  let message: unknown
  try {
    message = JSON.parse(String(data))
  } catch {
    return
  }
  if (!isObject(message)) return
  if (isObject(message['wedge'])) {
    wedge.receive(message['wedge'] as HostWedgeMessage)
  } else if (typeof message['event'] === 'string') {
    for (const listener of listeners.get(message['event']) ?? []) {
      try {
        listener(message['payload'])
      } catch (err) {
        console.error(err)
      }
    }
  } else if (typeof message['id'] === 'number' && pending.has(message['id'])) {
    const resolve = pending.get(message['id'])!
    pending.delete(message['id'])
    resolve(message['reply'] as Reply)
  }
}

function connect(): void {
  const ws = new WebSocket(socketUrl)
  socket = ws
  ws.onopen = () => {
    retryMs = 250
    for (const message of queue.splice(0)) ws.send(message)
  }
  ws.onmessage = (event) => onMessage(event.data)
  ws.onclose = () => {
    wedge.reset()
    for (const resolve of pending.values()) {
      resolve({ ok: false, error: { code: 'internal', message: 'The connection to the station was lost' } })
    }
    pending.clear()
    setTimeout(connect, retryMs)
    retryMs = Math.min(retryMs * 2, 5000)
  }
}

const api: Record<string, unknown> = {}
for (const method of methodNames) {
  api[method] = (input: unknown) =>
    new Promise<Reply>((resolve) => {
      const id = nextId++
      pending.set(id, resolve)
      const message = JSON.stringify({ id, method, input })
      if (isOpen()) socket!.send(message)
      else queue.push(message)
    })
}
api['on'] = (event: EventName, listener: Listener) => {
  const set = listeners.get(event)
  if (!set) throw new TypeError('Unknown station event: ' + String(event).slice(0, 60))
  if (typeof listener !== 'function') throw new TypeError('station.on needs a listener function')
  set.add(listener)
  return () => {
    set.delete(listener)
  }
}
Object.defineProperty(window, 'station', { value: Object.freeze(api as unknown as StationApi), enumerable: true })
connect()
