/**
 * The browser half of the web host: a classic script that defines `window.station` with the same shape as the
 * Electron preload's (design §2), over one WebSocket. Generated from the contract's method and event lists, so a
 * method that is not in the contract cannot be called from the page here either.
 */
import { eventNames, methodNames } from '../contract-names'
import { wedgeBridgeScript } from './bridge-wedge'

/** URL path the bridge script is served on, and the WebSocket path it connects to. */
export const BRIDGE_PATH = '/station-bridge.js'
export const SOCKET_PATH = '/ws'

export function bridgeScript(): string {
  return `// Scan Station web host bridge (generated from the contract's method and event lists)
(() => {
  'use strict'
  const METHODS = ${JSON.stringify(methodNames)}
  const EVENTS = ${JSON.stringify(eventNames)}
  const token = new URLSearchParams(location.search).get('token') || ''
  const socketUrl = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + ${JSON.stringify(SOCKET_PATH)} + '?token=' + encodeURIComponent(token)
  const pending = new Map()
  const queue = []
  const listeners = new Map(EVENTS.map((name) => [name, new Set()]))
  let socket = null
  let nextId = 1
  let retryMs = 250
${wedgeBridgeScript()}

  function connect() {
    socket = new WebSocket(socketUrl)
    socket.onopen = () => {
      retryMs = 250
      for (const message of queue.splice(0)) socket.send(message)
    }
    socket.onmessage = (event) => {
      let message
      try { message = JSON.parse(event.data) } catch { return }
      if (message && typeof message.wedge === 'object' && message.wedge !== null) {
        wedge.receive(message.wedge)
      } else if (message && typeof message.event === 'string') {
        for (const listener of listeners.get(message.event) || []) {
          try { listener(message.payload) } catch (err) { console.error(err) }
        }
      } else if (message && pending.has(message.id)) {
        const resolve = pending.get(message.id)
        pending.delete(message.id)
        resolve(message.reply)
      }
    }
    socket.onclose = () => {
      wedge.reset()
      for (const resolve of pending.values()) {
        resolve({ ok: false, error: { code: 'internal', message: 'The connection to the station was lost' } })
      }
      pending.clear()
      setTimeout(connect, retryMs)
      retryMs = Math.min(retryMs * 2, 5000)
    }
  }

  const api = {}
  for (const method of METHODS) {
    api[method] = (input) => new Promise((resolve) => {
      const id = nextId++
      pending.set(id, resolve)
      const message = JSON.stringify({ id, method, input })
      if (socket && socket.readyState === WebSocket.OPEN) socket.send(message)
      else queue.push(message)
    })
  }
  api.on = (event, listener) => {
    const set = listeners.get(event)
    if (!set) throw new TypeError('Unknown station event: ' + String(event).slice(0, 60))
    if (typeof listener !== 'function') throw new TypeError('station.on needs a listener function')
    set.add(listener)
    return () => { set.delete(listener) }
  }
  Object.defineProperty(window, 'station', { value: Object.freeze(api), enumerable: true })
  connect()
})()
`
}
