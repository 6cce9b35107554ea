/**
 * A user's own barcode plugins: `.js`/`.mjs` files in the station's plugins folder, each exporting
 *   export default { name: 'MyPlugin', description: '…', scan(text) { return { model: 'part', pk: 5 } | null } }
 * They run in a worker thread so that a plugin that hangs cannot stop the desk: each call waits at most
 * `timeoutMs` (Atomics.wait on a shared buffer), after which the worker is replaced and the scan goes on without
 * that plugin. Plugins are data-in, data-out: they get the scanned text and return a plain object.
 */
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads'
import type { InternalModel } from './internal'
import type { BarcodeMatch, BarcodePlugin, PluginAnswer } from './plugin'

const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads')
const { port, signal, files } = workerData
const flag = new Int32Array(signal)
const plugins = new Map()
const reply = (message) => { port.postMessage(message); Atomics.store(flag, 0, 1); Atomics.notify(flag, 0) }
;(async () => {
  const loaded = []
  for (const file of files) {
    try {
      const mod = await import(file)
      const plugin = mod.default ?? mod
      if (typeof plugin?.name !== 'string' || typeof plugin.scan !== 'function') throw new Error('exports no { name, scan }')
      plugins.set(plugin.name, plugin)
      loaded.push({ name: plugin.name, description: String(plugin.description ?? ''), file })
    } catch (err) {
      loaded.push({ file, error: String(err && err.message || err) })
    }
  }
  port.on('message', async ({ plugin, text }) => {
    try {
      const answer = await plugins.get(plugin).scan(text)
      reply({ answer: answer == null ? null : JSON.parse(JSON.stringify(answer)) })
    } catch (err) {
      reply({ error: String(err && err.message || err) })
    }
  })
  reply({ loaded })
})()
`

export interface LoadedPlugin {
  name?: string
  description?: string
  file: string
  error?: string
}

const MODEL = /^[a-z]+$/

/** Turns whatever a user plugin returned into a PluginAnswer, or says why it cannot. */
function toAnswer(value: unknown): PluginAnswer | null {
  if (value === null) return null
  const isMatch = (m: unknown): m is BarcodeMatch =>
    typeof m === 'object' &&
    m !== null &&
    MODEL.test(String((m as BarcodeMatch).model)) &&
    Number.isSafeInteger((m as BarcodeMatch).pk) &&
    (m as BarcodeMatch).pk > 0
  if (isMatch(value)) return { matches: [{ model: value.model as InternalModel, pk: value.pk }], format: 'user plugin' }
  const matches = (value as { matches?: unknown }).matches
  if (Array.isArray(matches) && matches.every(isMatch)) return { matches, format: 'user plugin' }
  throw new Error('returned something that is not { model, pk } or { matches: [...] }')
}

export class UserPluginHost {
  private worker: Worker | null = null
  private port: MessagePort | null = null
  private signal = new SharedArrayBuffer(4)
  readonly loaded: LoadedPlugin[] = []

  constructor(
    private readonly dir: string,
    private readonly timeoutMs = 250,
  ) {}

  /** Starts the worker and loads the plugins; returns one BarcodePlugin per plugin that loaded. */
  start(): BarcodePlugin[] {
    if (!existsSync(this.dir)) return []
    const files = readdirSync(this.dir)
      .filter((f) => /\.(?:m?js|cjs)$/.test(f))
      .sort()
      .map((f) => pathToFileURL(join(this.dir, f)).href)
    if (files.length === 0) return []
    const reply = this.spawn(files, 5000) as { loaded?: LoadedPlugin[] } | null
    this.loaded.push(...(reply?.loaded ?? files.map((file) => ({ file, error: 'plugins did not load in time' }))))
    return this.loaded.filter((p) => p.name).map((p) => this.proxy(p.name!, p.description ?? '', files))
  }

  private spawn(files: string[], waitMs: number): unknown {
    const { port1, port2 } = new MessageChannel()
    this.signal = new SharedArrayBuffer(4)
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { port: port2, signal: this.signal, files },
      transferList: [port2],
    })
    this.worker.unref()
    this.port = port1
    return this.await(waitMs)
  }

  private await(waitMs: number): unknown {
    const flag = new Int32Array(this.signal)
    const outcome = Atomics.wait(flag, 0, 0, waitMs)
    if (outcome === 'timed-out') return null
    Atomics.store(flag, 0, 0)
    return receiveMessageOnPort(this.port!)?.message ?? null
  }

  private proxy(name: string, description: string, files: string[]): BarcodePlugin {
    return {
      name,
      description: description || 'User plugin',
      scan: ({ text }) => {
        if (!this.worker) this.spawn(files, 5000)
        this.port!.postMessage({ plugin: name, text })
        const reply = this.await(this.timeoutMs) as { answer?: unknown; error?: string } | null
        if (reply === null) {
          // A hung plugin: replace the worker so the next scan starts clean, and let the resolver skip this one.
          void this.worker?.terminate()
          this.worker = null
          throw new Error(`timed out after ${this.timeoutMs} ms`)
        }
        if (reply.error !== undefined) throw new Error(reply.error)
        return toAnswer(reply.answer ?? null)
      },
    }
  }

  stop(): void {
    void this.worker?.terminate()
    this.worker = null
  }
}
