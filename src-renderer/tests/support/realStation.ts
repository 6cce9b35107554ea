import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import type {
  ContractError,
  EventName,
  EventPayloads,
  MethodInput,
  MethodName,
  MethodOutputs,
  Reply,
  ScanResult,
  StationApi,
} from '../../../src-main/contract'
import { methodNames } from '../../../src-main/contract-names'
import { Station, type StationOptions } from '../../../src-main/core/station'
import { dispatch } from '../../../src-main/dispatch'

export interface RecordedCall {
  method: MethodName
  input: unknown
}

/**
 * Answers one method in the Station's place: a failure, a slow reply. `real` still reaches the Station through
 * dispatch, with the renderer's input or another one (what a stricter main would have been sent).
 */
export type Override<M extends MethodName> = (
  input: MethodInput<M>,
  real: (input?: unknown) => Promise<Reply<MethodOutputs[M]>>,
) => Promise<Reply<MethodOutputs[M]>>

export interface RealStation {
  /** The Station behind `window.station`, for arranging state a user would have made elsewhere (the CLI, a device). */
  station: Station
  api: StationApi
  calls: RecordedCall[]
  /** Calls one method as the renderer would, past the interceptor, for arranging data through the contract. */
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutputs[M]>
  /**
   * Failure injection only: answers `method` with `override` instead of the Station (null restores it). For what
   * a real Station cannot easily be made to do: an internal error, a slow reply, a refusal after a race.
   */
  override<M extends MethodName>(method: M, override: Override<M> | null): void
  /** Makes every later call of `method` answer this error envelope. */
  fail(method: MethodName, code: ContractError['code'], message: string): void
  /** A scan from a hardware scanner: resolved, logged and pushed to the renderer as main's device hub does. */
  deviceScan(data: string, source?: 'hid' | 'serial' | 'wedge'): ScanResult
  listenerCount(event: EventName): number
  /**
   * Delivers an event to the renderer as main would, for a moment a test cannot hold still on the real Station
   * (a sync's progress half-way through a long pull).
   */
  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void
}

export interface RealStationOptions {
  /** User plugin files (name → source) in the Station's plugins folder; none by default. */
  userPlugins?: Record<string, string>
  /** In place of the in-memory demo database: a database file (an InvenTree replica), its sync timing. */
  station?: Partial<StationOptions>
}

let current: RealStation | null = null
let pluginsDir: string | null = null

function closeCurrent(): void {
  current?.station.close()
  current = null
  if (pluginsDir) rmSync(pluginsDir, { recursive: true, force: true })
  pluginsDir = null
}

afterEach(closeCurrent)

/**
 * A fresh in-memory Station with the demo inventory, installed as `window.station` through `dispatch`: the same
 * validation and error envelope the IPC handlers and the web host give the renderer. Closed after the test.
 */
export function installRealStation(options: RealStationOptions = {}): RealStation {
  closeCurrent()
  if (options.userPlugins) {
    pluginsDir = mkdtempSync(join(tmpdir(), 'scan-station-plugins-'))
    for (const [name, code] of Object.entries(options.userPlugins)) writeFileSync(join(pluginsDir, name), code)
  }
  const station = Station.open({
    dbPath: ':memory:',
    demo: true,
    ...(pluginsDir ? { pluginsDir } : {}),
    ...options.station,
  })
  const calls: RecordedCall[] = []
  const listeners = new Map<EventName, Set<(payload: never) => void>>()
  const overrides: { [M in MethodName]?: Override<M> } = {}

  station.on((event, payload) => {
    for (const listener of listeners.get(event) ?? []) listener(payload as never)
  })

  const real = <M extends MethodName>(method: M, input: unknown): Promise<Reply<MethodOutputs[M]>> =>
    // dispatch answers the envelope of the method it was asked for.
    dispatch(station, method, input) as Promise<Reply<MethodOutputs[M]>>

  async function invoke<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Reply<MethodOutputs[M]>> {
    calls.push({ method, input })
    // Across IPC and the web host's socket a value is copied, never shared; a clone keeps that true here.
    const copy = input === undefined ? input : structuredClone(input)
    const override: Override<M> | undefined = overrides[method]
    const reply = override ? await override(copy, (other = copy) => real(method, other)) : await real(method, copy)
    return structuredClone(reply)
  }

  const methods = Object.fromEntries(methodNames.map((m) => [m, (input: never) => invoke(m, input)])) as {
    [M in MethodName]: (input: MethodInput<M>) => Promise<Reply<MethodOutputs[M]>>
  }
  const api: StationApi = {
    ...methods,
    on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void) {
      const set = listeners.get(event) ?? new Set()
      listeners.set(event, set)
      set.add(listener as (payload: never) => void)
      return () => set.delete(listener as (payload: never) => void)
    },
  }

  function setOverride<M extends MethodName>(method: M, override: Override<M> | null): void {
    if (override) (overrides as Record<M, Override<M>>)[method] = override
    else delete overrides[method]
  }

  current = {
    station,
    api,
    calls,
    async call(method, input) {
      const reply = await real(method, input)
      if (!reply.ok) throw new Error(`${method} failed in test setup: ${reply.error.message}`)
      return reply.value
    },
    override: setOverride,
    fail(method, code, message) {
      const refusal: Reply<never> = { ok: false, error: { code, message } }
      setOverride(method, async () => refusal)
    },
    deviceScan: (data, source = 'hid') => station.scanFromDevice({ data, source }),
    listenerCount: (event) => listeners.get(event)?.size ?? 0,
    emit(event, payload) {
      for (const listener of listeners.get(event) ?? []) listener(payload as never)
    },
  }
  window.station = api
  return current
}

export const callsOf = (real: RealStation, method: MethodName): unknown[] =>
  real.calls.filter((c) => c.method === method).map((c) => c.input)
