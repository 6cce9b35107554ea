/**
 * A user's own barcode plugins: `.js`/`.mjs` files in the station's plugins folder, each exporting
 *   export default { name: 'MyPlugin', description: '…', scan(text) { return { model: 'part', pk: 5 } | null } }
 * Plugins are admin-installed code; each runs in a worker thread of its own, so one bad plugin costs only itself:
 *   - loading: every plugin loads at once, all within one time limit; a plugin still loading then (a hang at the top
 *     of its module) has its worker terminated, so it burns no core, and the others start as usual;
 *   - scanning: each call waits at most `timeoutMs` (Atomics.wait on a shared buffer); a plugin that overruns has
 *     its worker replaced and the scan goes on without it;
 *   - memory: each worker runs under V8 resource limits; one that exceeds them dies, and is started again for the
 *     next scan, with the reason shown on the plugins screen.
 * Plugins are data-in, data-out: they get the scanned text and return a plain object.
 */
import { existsSync, readdirSync } from 'node:fs'
import { basename, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads'
import type { InternalModel } from './internal'
import type { BarcodeMatch, BarcodePlugin, PluginAnswer } from './plugin'

const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads')
const { port, signal, file } = workerData
const flag = new Int32Array(signal)
let plugin = null
const reply = (message) => { port.postMessage(message); Atomics.store(flag, 0, 1); Atomics.notify(flag, 0) }
;(async () => {
  try {
    const mod = await import(file)
    plugin = mod.default ?? mod
    if (typeof plugin?.name !== 'string' || typeof plugin.scan !== 'function') throw new Error('exports no { name, scan }')
    reply({ loaded: { name: plugin.name, description: String(plugin.description ?? ''), file } })
  } catch (err) {
    reply({ loaded: { file, error: String(err && err.message || err) } })
    return
  }
  port.on('message', async ({ text }) => {
    try {
      const answer = await plugin.scan(text)
      reply({ answer: answer == null ? null : JSON.parse(JSON.stringify(answer)) })
    } catch (err) {
      reply({ error: String(err && err.message || err) })
    }
  })
})()
`

export interface LoadedPlugin {
  name?: string
  description?: string
  file: string
  /** Why it did not load. */
  error?: string
  /** What went wrong since it loaded (its worker overran, ran out of memory and was started again). */
  problem?: string
}

export interface UserPluginLimits {
  /** Longest one scan may take in a plugin. */
  timeoutMs?: number
  /** All plugins load at once; one not loaded within this is stopped. */
  loadTimeoutMs?: number
  /** V8 heap of each plugin's worker. */
  memoryMb?: number
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

/** One plugin file in its own worker, started again when it died or overran. */
class PluginWorker {
  private worker: Worker | null = null
  private port: MessagePort | null = null
  private signal = new SharedArrayBuffer(4)
  /** Set by the worker's events, which run only between scans: why it stopped. */
  private died: string | null = null
  restarts = 0
  readonly info: LoadedPlugin

  constructor(
    readonly file: string,
    private readonly memoryMb: number,
  ) {
    this.info = { file }
  }

  spawn(): void {
    const { port1, port2 } = new MessageChannel()
    this.signal = new SharedArrayBuffer(4)
    this.died = null
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { port: port2, signal: this.signal, file: this.file },
      transferList: [port2],
      resourceLimits: { maxOldGenerationSizeMb: this.memoryMb, maxYoungGenerationSizeMb: 8, stackSizeMb: 4 },
    })
    worker.on('error', (err: Error & { code?: string }) => {
      this.died =
        err.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `ran out of its ${this.memoryMb} MB memory limit`
          : `failed: ${err.message.slice(0, 120)}`
    })
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = null
    })
    worker.unref()
    this.worker = worker
    this.port = port1
  }

  /** Waits (blocking, as a scan must) until the worker answers or `waitMs` passed; null on time-out. */
  await(waitMs: number): unknown {
    const flag = new Int32Array(this.signal)
    if (Atomics.wait(flag, 0, 0, Math.max(0, waitMs)) === 'timed-out') return null
    Atomics.store(flag, 0, 0)
    return receiveMessageOnPort(this.port!)?.message ?? null
  }

  /** Takes the worker's load answer, or stops a worker that did not load in time. */
  loaded(waitMs: number, limitMs: number): void {
    const reply = this.await(waitMs) as { loaded?: LoadedPlugin } | null
    if (reply?.loaded) {
      Object.assign(this.info, reply.loaded)
      if (reply.loaded.error) this.stop()
      return
    }
    this.stop()
    this.info.error = `did not load within ${limitMs} ms; its worker was stopped`
  }

  scan(text: string, timeoutMs: number, loadTimeoutMs: number): PluginAnswer | null {
    if (!this.worker) {
      // Died since the last scan (the memory limit, a crash) or stopped after an overrun: start it again.
      this.restarts++
      this.info.problem = `${this.died ?? 'overran its time limit'}; restarted ${this.restarts} time${this.restarts === 1 ? '' : 's'}`
      this.spawn()
      this.loaded(loadTimeoutMs, loadTimeoutMs)
      if (this.info.error) throw new Error(this.info.error)
    }
    this.port!.postMessage({ text })
    const reply = this.await(timeoutMs) as { answer?: unknown; error?: string } | null
    if (reply === null) {
      // Hung, or died mid-call: a new worker for the next scan; this scan goes on without the plugin.
      this.stop()
      throw new Error(`timed out after ${timeoutMs} ms`)
    }
    if (reply.error !== undefined) throw new Error(reply.error)
    return toAnswer(reply.answer ?? null)
  }

  stop(): void {
    void this.worker?.terminate()
    this.worker = null
  }
}

export class UserPluginHost {
  private workers: PluginWorker[] = []
  private readonly timeoutMs: number
  private readonly loadTimeoutMs: number
  private readonly memoryMb: number

  constructor(
    private readonly dir: string,
    limits: UserPluginLimits = {},
  ) {
    this.timeoutMs = limits.timeoutMs ?? 250
    this.loadTimeoutMs = limits.loadTimeoutMs ?? 1000
    this.memoryMb = limits.memoryMb ?? 64
  }

  /** Every plugin file, loaded or not, with why it failed. */
  get loaded(): LoadedPlugin[] {
    return this.workers.map((w) => w.info)
  }

  /** Starts one worker per plugin file, all loading at once; returns one BarcodePlugin per plugin that loaded. */
  start(): BarcodePlugin[] {
    if (!existsSync(this.dir)) return []
    this.workers = readdirSync(this.dir)
      .filter((f) => /\.(?:m?js|cjs)$/.test(f))
      .sort()
      .map((f) => new PluginWorker(pathToFileURL(join(this.dir, f)).href, this.memoryMb))
    for (const w of this.workers) w.spawn()
    const deadline = Date.now() + this.loadTimeoutMs
    for (const w of this.workers) w.loaded(deadline - Date.now(), this.loadTimeoutMs)
    return this.workers.filter((w) => w.info.name && !w.info.error).map((w) => this.proxy(w))
  }

  private proxy(w: PluginWorker): BarcodePlugin {
    return {
      name: w.info.name!,
      description: w.info.description || 'User plugin',
      scan: ({ text }) => w.scan(text, this.timeoutMs, this.loadTimeoutMs),
    }
  }

  stop(): void {
    for (const w of this.workers) w.stop()
  }
}

/** What the plugins screen calls a plugin that did not load: its file's name. */
export const fileName = (file: string): string => basename(new URL(file).pathname)
