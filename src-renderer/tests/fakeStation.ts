import type {
  ContractError,
  EventName,
  EventPayloads,
  ItemDetail,
  LabelTemplateInfo,
  MethodInput,
  MethodName,
  MethodOutputs,
  Operator,
  PluginInfo,
  Reply,
  ScanResult,
  SettingsValues,
  StationApi,
  StationInfo,
} from '../../src-main/contract'
import { eventNames, methodNames, methodSchemas } from '../../src-main/contract'
import { settingDefaults } from '../../src-main/core/settings'

type Handler<M extends MethodName> = (
  input: MethodInput<M>,
) => Reply<MethodOutputs[M]> | Promise<Reply<MethodOutputs[M]>>
type Handlers = { [M in MethodName]: Handler<M> }
type Listeners = { [E in EventName]: Set<(payload: EventPayloads[E]) => void> }

export interface RecordedCall {
  method: MethodName
  input: unknown
}

export interface FakeStation {
  api: StationApi
  calls: RecordedCall[]
  /** Mutable: a test may sign someone in or out behind the renderer's back. */
  state: FakeState
  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void
  listenerCount(event: EventName): number
}

export const ok = <T>(value: T): Reply<T> => ({ ok: true, value })

export const fail = (code: ContractError['code'], message: string): Reply<never> => ({
  ok: false,
  error: { code, message },
})

/** The demo operators of the real station (src-main/core/demo), with their badges. */
export const demoOperators: (Operator & { badge: string })[] = [
  { id: 3, name: 'Admin', role: 'admin', badge: 'OP-9000' },
  { id: 1, name: 'Alex Receiving', role: 'operator', badge: 'OP-1001' },
  { id: 2, name: 'Sam Stores', role: 'operator', badge: 'OP-1002' },
]
export const [demoAdmin, demoAlex, demoSam] = demoOperators.map(({ id, name, role }): Operator => ({
  id,
  name,
  role,
})) as [Operator, Operator, Operator]

export const demoInfo: StationInfo = {
  version: '0.1.0',
  database: '/tmp/station.sqlite',
  operator: null,
  historyEnabled: true,
  counts: { parts: 3, stockItems: 5, locations: 2, scans: 0 },
}

/** The station's own defaults (tests may import main's runtime code; the renderer may not). */
export const demoSettings: SettingsValues = { ...settingDefaults }

export const demoPlugins: PluginInfo[] = [
  { name: 'InvenTreeBarcode', order: 0, description: 'Internal barcodes', enabled: true, builtIn: true },
  { name: 'InvenTreeExternalBarcode', order: 1, description: 'Linked barcodes', enabled: true, builtIn: true },
  { name: 'GS1Barcode', order: 2, description: 'GS1 element strings', enabled: true, builtIn: true },
  { name: 'MyPlugin', order: 3, description: 'A user plugin', enabled: true, builtIn: false },
  {
    name: 'broken.js',
    order: 4,
    description: 'User plugin',
    enabled: false,
    builtIn: false,
    error: 'SyntaxError: Unexpected token',
  },
]

export function noMatch(data: string): ScanResult {
  return {
    outcome: 'no_match',
    match: null,
    error: 'No match found for barcode data',
    plugin: null,
    barcode_data: data,
    barcode_hash: 'h',
    scan_id: 1,
    result_id: 1,
  }
}

export function stockItemMatch(data: string, pk: number): ScanResult {
  return {
    outcome: 'matched',
    match: { model: 'stockitem', pk, via: 'internal' },
    stockitem: { pk, name: `Stock item ${pk}`, url: `/stockitem/${pk}` },
    success: 'Match found for barcode data',
    plugin: 'InvenTreeInternalBarcode',
    barcode_data: data,
    barcode_hash: 'h',
    scan_id: 2,
    result_id: 2,
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
  linked: null,
  sections: [
    {
      title: 'Tracking',
      columns: ['Date', 'Change'],
      rows: [
        { cells: ['2026-01-02', '+200'], link: { model: 'purchaseorder', pk: 3 } },
        { cells: ['2026-01-03', null] },
      ],
    },
  ],
}

/** Label templates as main lists them (resources/labels), a few of them. */
export const demoLabelTemplates: LabelTemplateInfo[] = [
  {
    name: 'stockitem-62x29',
    title: 'Stock item 62 × 29',
    models: ['stockitem'],
    page: '62 × 29 mm roll',
    symbology: 'qrcode',
    isDefaultFor: ['stockitem'],
  },
  {
    name: 'stockitem-50x25',
    title: 'Stock item 50 × 25',
    models: ['stockitem'],
    page: '50 × 25 mm roll',
    symbology: 'datamatrix',
    isDefaultFor: [],
  },
  {
    name: 'part-62x29',
    title: 'Part 62 × 29',
    models: ['part'],
    page: '62 × 29 mm roll',
    symbology: 'qrcode',
    isDefaultFor: ['part'],
  },
  {
    name: 'a4-3x8-70x37',
    title: 'A4 sheet 3 × 8',
    models: ['part', 'stockitem', 'stocklocation', 'supplierpart', 'purchaseorder'],
    page: 'A4 sheet 3 × 8',
    symbology: 'qrcode',
    isDefaultFor: [],
  },
]

export const DEMO_LABEL_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="62mm" height="29mm" viewBox="0 0 62 29"><rect x="2" y="2" width="20" height="20"/><text x="25" y="10">M3 screw</text></svg>'

/**
 * A StationApi that answers from handlers and checks every input against the contract's own schemas, so a
 * component that sends something main would refuse fails its test here too.
 */
export interface FakeState {
  /** Who the fake considers signed in; the default handlers of info, signIn, signOut and the admin-only methods use it. */
  operator: Operator | null
  settings: SettingsValues
}

export function createFakeStation(overrides: Partial<Handlers> = {}, initial: Partial<FakeState> = {}): FakeStation {
  const state: FakeState = { operator: null, settings: { ...demoSettings }, ...initial }
  const isAdmin = (): boolean => state.operator?.role === 'admin'
  // Methods without a default here answer `internal` until a test overrides them (see `notFaked`).
  const defaults: Partial<Handlers> = {
    scan: ({ data }) => ok(noMatch(data)),
    getItem: () => fail('not_found', 'No such item'),
    search: () => ok([]),
    locationTree: () => ok([]),
    history: () => ok([]),
    info: () => ok({ ...demoInfo, operator: state.operator, historyEnabled: state.settings['history.store'] }),
    link: ({ model, pk, data }) => ok({ model, pk, barcode_data: data.trim(), barcode_hash: 'h', normalised: [] }),
    unlink: ({ model, pk }) => ok({ model, pk, removed: 'OLD' }),
    getSettings: () => ok(state.settings),
    setSettings: (values) => {
      if (!isAdmin()) return fail('forbidden', 'Only an admin may change settings; sign in with an admin badge first')
      state.settings = { ...state.settings, ...values }
      return ok(state.settings)
    },
    plugins: () => ok(pluginsAsMainListsThem(state.settings)),
    purgeHistory: () =>
      isAdmin()
        ? ok({ deleted: 3 })
        : fail('forbidden', 'Only an admin may purge the scan history; sign in with an admin badge first'),
    // History review and labels (answers shaped like an empty history and the web host's label refusals).
    historyQuery: ({ offset }) => ok({ total: 0, offset: offset ?? 0, rows: [] }),
    historyStats: () => ok({ total: 0, failures: 0, hours: [], operators: [], plugins: [] }),
    historyExport: () => ok({ csv: 'id,timestamp\r\n', rows: 0 }),
    labelTemplates: ({ model }) => ok(demoLabelTemplates.filter((t) => !model || t.models.includes(model))),
    labelPreview: ({ template }) =>
      ok({ svg: DEMO_LABEL_SVG, verified: true, reason: null, template: template ?? 'stockitem-62x29' }),
    labelPdf: ({ items, template }) =>
      ok({ pdfBase64: btoa('%PDF-1.7\n%fake\n'), labels: items.length, template: template ?? null }),
    printLabels: () => fail('conflict', 'Printing needs the desktop app; download the PDF and print it instead'),
    operators: () => ok(demoOperators.map(({ id, name, role }) => ({ id, name, role }))),
    signIn: ({ badge, operatorId }) => {
      const found = demoOperators.find((o) => (badge !== undefined ? o.badge === badge.trim() : o.id === operatorId))
      if (!found)
        return fail(
          'not_found',
          badge !== undefined ? 'No operator has this badge' : `No operator with id ${operatorId}`,
        )
      state.operator = { id: found.id, name: found.name, role: found.role }
      return ok(state.operator)
    },
    signOut: () => {
      const was = state.operator !== null
      state.operator = null
      return ok({ signedOut: was })
    },
  }
  const handlers: Partial<Handlers> = { ...defaults, ...definedOnly(overrides) }
  const calls: RecordedCall[] = []
  const listeners = Object.fromEntries(eventNames.map((e) => [e, new Set()])) as unknown as Listeners

  async function invoke<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Reply<MethodOutputs[M]>> {
    calls.push({ method, input })
    const parsed = methodSchemas[method].safeParse(input)
    if (!parsed.success) {
      // The same message shape as src-main/dispatch.ts, so components that place errors by setting key see it.
      const issue = parsed.error.issues[0]
      const where = issue?.path.length ? `${issue.path.join('.')}: ` : ''
      return fail('invalid_argument', `Invalid argument for ${method}: ${where}${issue?.message ?? 'rejected'}`)
    }
    const handler: Handler<M> | undefined = handlers[method]
    return handler
      ? handler(input)
      : fail('internal', `The fake station has no handler for ${method}; pass one to installFakeStation`)
  }

  const methods = Object.fromEntries(methodNames.map((m) => [m, (input: never) => invoke(m, input)])) as {
    [M in MethodName]: (input: MethodInput<M>) => Promise<Reply<MethodOutputs[M]>>
  }
  const api: StationApi = {
    ...methods,
    on(event, listener) {
      listeners[event].add(listener)
      return () => listeners[event].delete(listener)
    },
  }

  return {
    api,
    calls,
    state,
    emit(event, payload) {
      for (const listener of listeners[event]) listener(payload)
    },
    listenerCount: (event) => listeners[event].size,
  }
}

/**
 * The demo plugins as main's `plugins()` lists them: the admin's order first, then the rest in default order;
 * enabled ones (the resolution chain), then disabled ones, then user plugins that failed to load.
 */
function pluginsAsMainListsThem(settings: SettingsValues): PluginInfo[] {
  const loaded = demoPlugins.filter((p) => !p.error)
  const rank = (p: PluginInfo): number => {
    const i = settings['plugins.order'].indexOf(p.name)
    return i >= 0 ? i : settings['plugins.order'].length + loaded.indexOf(p)
  }
  const ordered = [...loaded].sort((a, b) => rank(a) - rank(b))
  const disabled = new Set(settings['plugins.disabled'])
  return [
    ...ordered.filter((p) => !disabled.has(p.name)).map((p) => ({ ...p, enabled: true })),
    ...ordered.filter((p) => disabled.has(p.name)).map((p) => ({ ...p, enabled: false })),
    ...demoPlugins.filter((p) => p.error),
  ]
}

/** Overrides set to undefined keep the default (an optional property may hold undefined). */
function definedOnly(overrides: Partial<Handlers>): Partial<Handlers> {
  return Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined))
}

export function installFakeStation(overrides: Partial<Handlers> = {}, initial: Partial<FakeState> = {}): FakeStation {
  const fake = createFakeStation(overrides, initial)
  window.station = fake.api
  return fake
}
