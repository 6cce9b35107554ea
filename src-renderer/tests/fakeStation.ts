import type {
  EventName,
  EventPayloads,
  ItemDetail,
  MethodInput,
  MethodName,
  MethodOutputs,
  Reply,
  ScanResult,
  StationApi,
  StationInfo,
} from '../../src-main/contract'
import { methodSchemas } from '../../src-main/contract'

type Handler<M extends MethodName> = (input: MethodInput<M>) => Reply<MethodOutputs[M]> | Promise<Reply<MethodOutputs[M]>>
type Handlers = { [M in MethodName]: Handler<M> }
type Listeners = { [E in EventName]: Set<(payload: EventPayloads[E]) => void> }

export interface RecordedCall {
  method: MethodName
  input: unknown
}

export interface FakeStation {
  api: StationApi
  calls: RecordedCall[]
  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void
  listenerCount(event: EventName): number
}

export const ok = <T>(value: T): Reply<T> => ({ ok: true, value })

export const demoInfo: StationInfo = {
  version: '0.1.0',
  database: '/tmp/station.sqlite',
  operator: 'alice',
  counts: { parts: 3, stockItems: 5, locations: 2, scans: 0 },
}

export function noMatch(data: string): ScanResult {
  return { error: 'No match found for barcode data', plugin: null, barcode_data: data, barcode_hash: 'h', scan_id: 1 }
}

export function stockItemMatch(data: string, pk: number): ScanResult {
  return {
    stockitem: { pk, name: `Stock item ${pk}`, url: `/stockitem/${pk}` },
    success: 'Match found for barcode data',
    plugin: 'InvenTreeInternalBarcode',
    barcode_data: data,
    barcode_hash: 'h',
    scan_id: 2,
  }
}

export const demoItem: ItemDetail = {
  model: 'stockitem',
  pk: 5,
  title: 'M3 screw ×200',
  subtitle: 'Bin A-3',
  fields: [
    { label: 'Part', value: 'M3x8 screw', link: { model: 'part', pk: 7 } },
    { label: 'Quantity', value: 200 },
    { label: 'Batch', value: null },
  ],
  barcode: { json: '{"stockitem": 5}', short: 'INV-SI5', preferred: 'INV-SI5' },
  sections: [
    {
      title: 'Tracking',
      columns: ['Date', 'Change'],
      rows: [{ cells: ['2026-01-02', '+200'], link: { model: 'purchaseorder', pk: 3 } }, { cells: ['2026-01-03', null] }],
    },
  ],
}

/**
 * A StationApi that answers from handlers and checks every input against the contract's own schemas, so a
 * component that sends something main would refuse fails its test here too.
 */
export function createFakeStation(overrides: Partial<Handlers> = {}): FakeStation {
  const handlers: Handlers = {
    scan: ({ data }) => ok(noMatch(data)),
    getItem: () => ({ ok: false, error: { code: 'not_found', message: 'No such item' } }),
    search: () => ok([]),
    locationTree: () => ok([]),
    history: () => ok([]),
    info: () => ok(demoInfo),
    ...overrides,
  }
  const calls: RecordedCall[] = []
  const listeners: Listeners = { scanResult: new Set(), deviceStatus: new Set() }

  async function invoke<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Reply<MethodOutputs[M]>> {
    calls.push({ method, input })
    const parsed = methodSchemas[method].safeParse(input)
    if (!parsed.success) return { ok: false, error: { code: 'invalid_argument', message: parsed.error.message } }
    const handler: Handler<M> = handlers[method]
    return handler(input)
  }

  const api: StationApi = {
    scan: (input) => invoke('scan', input),
    getItem: (input) => invoke('getItem', input),
    search: (input) => invoke('search', input),
    locationTree: (input) => invoke('locationTree', input),
    history: (input) => invoke('history', input),
    info: (input) => invoke('info', input),
    on(event, listener) {
      listeners[event].add(listener)
      return () => listeners[event].delete(listener)
    },
  }

  return {
    api,
    calls,
    emit(event, payload) {
      for (const listener of listeners[event]) listener(payload)
    },
    listenerCount: (event) => listeners[event].size,
  }
}

export function installFakeStation(overrides: Partial<Handlers> = {}): FakeStation {
  const fake = createFakeStation(overrides)
  window.station = fake.api
  return fake
}
