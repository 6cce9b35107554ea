/**
 * The IPC contract: every method the renderer may call on the Station, with the zod schema of its one argument
 * and the TypeScript type of its result, and every event main pushes to the renderer.
 *
 * Main validates every call against these schemas (the renderer is untrusted); the preload and the web host's
 * bridge are generated from `methodNames` / `eventNames`, so a method that is not listed here cannot be reached.
 * The renderer imports this file with `import type` only.
 */
import { z } from 'zod'
import type { EventName, MethodName } from './contract-names'

export { channelFor, eventNames, methodNames, type EventName, type MethodName } from './contract-names'

/** Model types, named as InvenTree names them so barcodes interoperate. */
export const modelTypes = [
  'part',
  'partcategory',
  'stocklocation',
  'stockitem',
  'company',
  'supplierpart',
  'manufacturerpart',
  'purchaseorder',
] as const
export type ModelType = (typeof modelTypes)[number]

export const scanSources = ['manual', 'wedge', 'hid', 'serial', 'webcam', 'cli', 'api'] as const
export type ScanSource = (typeof scanSources)[number]

/** Largest payload a caller may send; bigger input is refused before it reaches the Station. */
export const MAX_SCAN_INPUT = 1_000_000

const ModelTypeSchema = z.enum(modelTypes)
const PkSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)

/** Every station setting with the schema of its value (InvenTree's barcode panel, and the station's own). */
export const settingSchemas = {
  /** Barcode support on/off (BARCODE_ENABLE). */
  'barcode.enabled': z.boolean(),
  /** Longest pause between a scanner's keystrokes, in ms (BARCODE_INPUT_DELAY); the wedge detector uses it. */
  'barcode.inputDelay': z.number().int().min(5).max(500),
  /** Webcam scanning offered in the UI (BARCODE_WEBCAM_SUPPORT). */
  'barcode.webcam': z.boolean(),
  /** Print the barcode's text under it (BARCODE_SHOW_TEXT). */
  'barcode.showText': z.boolean(),
  /** Plugin that generates the barcodes printed on labels (BARCODE_GENERATION_PLUGIN). */
  'barcode.generationPlugin': z.string().min(1).max(100),
  /** Prefix of short-form internal barcodes. */
  'barcode.prefix': z
    .string()
    .max(20)
    .regex(/^[^\s{}"]*$/, 'no spaces, braces or quotes'),
  /** Which internal form labels and QR codes show. */
  'barcode.form': z.enum(['json', 'short']),
  /** Keep a history row per scan (BARCODE_STORE_RESULTS). */
  'history.store': z.boolean(),
  /** Most history rows kept, oldest pruned first; 0 keeps everything (BARCODE_RESULTS_MAX_NUM). */
  'history.maxResults': z.number().int().min(0).max(1_000_000_000),
  /** Plugins an admin switched off, by name. */
  'plugins.disabled': z.array(z.string().max(100)).max(200),
  /** Plugin order chosen by an admin; plugins not listed keep their default place after these. */
  'plugins.order': z.array(z.string().max(100)).max(200),
  /**
   * The company each supplier plugin matches parts of, by plugin name (InvenTree's SUPPLIER_ID); a plugin not
   * listed, or set to 0, uses the supplier company with its supplier's name.
   */
  'suppliers.companies': z
    .record(z.string().max(100), z.number().int().min(0).max(Number.MAX_SAFE_INTEGER))
    .refine((companies) => Object.keys(companies).length <= 200, 'at most 200 plugins'),
  /** Keyboard-wedge scanners: listen to the window's keys and tell scans from typing. */
  'scanner.wedge.enabled': z.boolean(),
  /** 'slow' also recognises 80–100 ms-per-key scanners (some Zebra models), by the regularity of their keys. */
  'scanner.wedge.preset': z.enum(['standard', 'slow']),
  /** Fewest characters in a scan. */
  'scanner.wedge.minLength': z.number().int().min(1).max(100),
  /** Only bursts ended by Enter or Tab are scans. */
  'scanner.wedge.requireTerminator': z.boolean(),
  /** Characters the scanner is set to send before / after each scan (stripped). */
  'scanner.wedge.prefix': z.string().max(10),
  'scanner.wedge.suffix': z.string().max(10),
  /** The keyboard layout the scanner types in (found by the calibration page). */
  'scanner.wedge.layout': z.enum(['us', 'uk', 'de', 'fr', 'host']),
  /** A USB-CDC / RS-232 scanner. */
  'scanner.serial.enabled': z.boolean(),
  'scanner.serial.path': z.string().max(200),
  'scanner.serial.baudRate': z.number().int().min(300).max(921_600),
  'scanner.serial.terminator': z.enum(['CR', 'LF', 'CRLF', 'ANY']),
  /** HID POS scanners (usage page 0x8C). */
  'scanner.hid.enabled': z.boolean(),
  /** Sounds for scan results. */
  'feedback.mute': z.boolean(),
} as const

export type SettingKey = keyof typeof settingSchemas
export type SettingsValues = { [K in SettingKey]: z.output<(typeof settingSchemas)[K]> }

/** What the admin's history review filters by; every part is optional and they combine with AND. */
export const HistoryFilterSchema = z.strictObject({
  results: z
    .array(z.enum(['match', 'no_match', 'error']))
    .max(3)
    .optional(),
  actions: z
    .array(z.enum(['scan', 'link', 'unlink']))
    .max(3)
    .optional(),
  sources: z.array(z.enum(scanSources)).max(scanSources.length).optional(),
  operator: z.string().max(100).optional(),
  plugin: z.string().max(100).optional(),
  model: ModelTypeSchema.optional(),
  /** ISO timestamps, inclusive from, exclusive to. */
  from: z.iso.datetime().optional(),
  to: z.iso.datetime().optional(),
  /** Text inside the raw data. */
  text: z.string().max(200).optional(),
})
export type HistoryFilter = z.infer<typeof HistoryFilterSchema>

export const methodSchemas = {
  /** Resolve barcode data, log it, and return the InvenTree-shaped result. */
  scan: z.strictObject({
    data: z.string().max(MAX_SCAN_INPUT),
    source: z.enum(scanSources),
    device: z.string().max(200).optional(),
  }),
  /** One item with its fields, internal barcode and related items. */
  getItem: z.strictObject({ model: ModelTypeSchema, pk: PkSchema }),
  /** Parts, supplier parts, manufacturer parts, locations and orders matching a name, IPN, SKU, MPN or reference. */
  search: z.strictObject({
    query: z.string().min(1).max(200),
    limit: z.number().int().min(1).max(200).optional(),
  }),
  /** The whole stock location tree. */
  locationTree: z.strictObject({}),
  /** Newest scans first; `beforeId` pages backwards. */
  history: z.strictObject({
    limit: z.number().int().min(1).max(1000).optional(),
    beforeId: PkSchema.optional(),
  }),
  /** Station facts for the status bar. */
  info: z.strictObject({}),
  /** Link an external barcode (one printed by someone else) to an item. */
  link: z.strictObject({ model: ModelTypeSchema, pk: PkSchema, data: z.string().min(1).max(4096) }),
  /** Remove an item's external barcode. */
  unlink: z.strictObject({ model: ModelTypeSchema, pk: PkSchema }),
  /** All settings with their current values. */
  getSettings: z.strictObject({}),
  /** Change some settings (admin only). */
  setSettings: z.strictObject(settingSchemas).partial(),
  /** The barcode plugins in resolution order, with their state. */
  plugins: z.strictObject({}),
  /** A page of the history matching a filter, with the total count (for a virtual-scrolling table). */
  historyQuery: z.strictObject({
    filter: HistoryFilterSchema,
    offset: z.number().int().min(0).max(1_000_000_000).optional(),
    limit: z.number().int().min(1).max(1000).optional(),
  }),
  /** Scans and failures per hour over the filtered history. */
  historyStats: z.strictObject({ filter: HistoryFilterSchema }),
  /** The filtered history as CSV, safe to open in a spreadsheet. */
  historyExport: z.strictObject({ filter: HistoryFilterSchema }),
  /** Delete the whole scan history (admin only). */
  purgeHistory: z.strictObject({ confirm: z.literal(true) }),
  /** Operators who may sign in. */
  operators: z.strictObject({}),
  /** Sign an operator in by badge barcode or by id; null signs out. */
  signIn: z
    .strictObject({ badge: z.string().min(1).max(100).optional(), operatorId: PkSchema.optional() })
    .refine((v) => (v.badge === undefined) !== (v.operatorId === undefined), 'give a badge or an operatorId'),
  signOut: z.strictObject({}),
  /** The open session of a kind (restored after a restart), or a new one. */
  sessionStart: z.strictObject({ kind: z.enum(['scan', 'receive']), purchaseOrder: PkSchema.optional() }),
  /** The open session of a kind, or null. */
  sessionCurrent: z.strictObject({ kind: z.enum(['scan', 'receive']) }),
  /** Add a scan to a session: by the result_id of a scan already made, or by data (resolved and logged here). */
  sessionAdd: z
    .strictObject({
      session: PkSchema,
      scanId: z
        .number()
        .int()
        .min(-Number.MAX_SAFE_INTEGER)
        .max(Number.MAX_SAFE_INTEGER)
        .refine((v) => v !== 0, 'a result_id is never 0')
        .optional(),
      data: z.string().max(MAX_SCAN_INPUT).optional(),
      source: z.enum(scanSources).optional(),
    })
    .refine((v) => (v.scanId === undefined) !== (v.data === undefined), 'give a scanId or data'),
  sessionRemoveRow: z.strictObject({ session: PkSchema, row: PkSchema }),
  sessionUpdateRow: z.strictObject({
    session: PkSchema,
    row: PkSchema,
    quantity: z.number().min(0).max(1e9).optional(),
    location: PkSchema.optional(),
    lot: z.string().max(100).optional(),
  }),
  sessionClear: z.strictObject({ session: PkSchema }),
  sessionDrop: z.strictObject({ session: PkSchema }),
  /** Close a session; a receipt creates its stock items, all in one transaction. */
  sessionCommit: z.strictObject({ session: PkSchema }),
  /** A stock operation on stock items, one transaction with tracking rows, undoable. */
  stockAction: z.strictObject({
    action: z.enum(['move', 'count', 'add', 'remove', 'merge']),
    items: z.array(PkSchema).min(1).max(10_000),
    location: PkSchema.optional(),
    quantity: z.number().min(0).max(1e9).optional(),
    session: PkSchema.optional(),
  }),
  /** Undo an action (the newest undoable one when no id is given). */
  undo: z.strictObject({ actionId: PkSchema.optional() }),
  /** Latest status of every scanner device main knows about. */
  devices: z.strictObject({}),
  /** Companies that supply parts (for choosing the supplier of a new supplier part). */
  suppliers: z.strictObject({}),
  /** A supplier part made from a supplier label's fields, for an existing part or a new one. */
  createSupplierPart: z
    .strictObject({
      supplier: PkSchema,
      sku: z.string().trim().min(1).max(100),
      part: PkSchema.optional(),
      newPartName: z.string().trim().min(1).max(200).optional(),
      mpn: z.string().trim().max(100).optional(),
      manufacturer: z.string().trim().max(200).optional(),
      packQuantity: z.number().positive().max(1_000_000).optional(),
    })
    .refine(
      (v) => (v.part === undefined) !== (v.newPartName === undefined),
      'give an existing part or a new part name',
    ),
  /** Keyboard-layout calibration: arm it (admin), then scan the printed test label; poll its status. */
  calibrateWedge: z.strictObject({ action: z.enum(['start', 'cancel', 'status']) }),
  /** Label templates, for one model type or all. */
  labelTemplates: z.strictObject({ model: ModelTypeSchema.optional() }),
  /** One label as SVG for the live preview, with the result of re-scanning its barcode. */
  labelPreview: z.strictObject({ model: ModelTypeSchema, pk: PkSchema, template: z.string().max(100).optional() }),
  /** Verified labels for many items as one PDF (base64); a label whose barcode does not read back is refused. */
  labelPdf: z.strictObject({
    items: z
      .array(z.strictObject({ model: ModelTypeSchema, pk: PkSchema }))
      .min(1)
      .max(2000),
    template: z.string().max(100).optional(),
  }),
  /** Print verified labels on the desk's printer (desktop app only). */
  printLabels: z.strictObject({
    items: z
      .array(z.strictObject({ model: ModelTypeSchema, pk: PkSchema }))
      .min(1)
      .max(2000),
    template: z.string().max(100).optional(),
    printer: z.string().max(200).optional(),
  }),
} as const

export type MethodInput<M extends MethodName> = z.input<(typeof methodSchemas)[M]>

// The zod-free name list (contract-names.ts) and the schemas must name exactly the same methods.
type SameKeys<A, B> = [Exclude<A, B>, Exclude<B, A>] extends [never, never] ? true : never
const namesMatchSchemas: SameKeys<MethodName, keyof typeof methodSchemas> = true
void namesMatchSchemas

// ---- results -------------------------------------------------------------------------------------------------

/** A reference to one item, as a scan result or a link carries it. */
export interface ItemRef {
  pk: number
  name: string
  /** Route of the item in the renderer, e.g. `/stockitem/5`. */
  url: string
}

/** Fields common to every scan result (InvenTree's `/api/barcode/` keys, plus the station's own). */
interface ScanResultBase {
  barcode_data: string
  barcode_hash: string
  /** Id of the history row written for this scan; null when the history is switched off. */
  scan_id: number | null
  /**
   * Key of this exact result in the Station's memory of its recent results, which a workflow takes (sessionAdd's
   * scanId) instead of resolving the data again: the history id when the scan was logged (equal to scan_id),
   * otherwise a negative number counted in memory, so the two never collide. A logged scan that memory no longer
   * holds (after a restart) is rebuilt from its history row; an unlogged one is refused ("scan it again").
   */
  result_id: number
  /** What the data was read as ("GS1 (symbology)", "ECIA ISO/IEC 15434", "LCSC QR"…). */
  format?: string
  /** Fields read off a supplier or GS1 label, with InvenTree's names. */
  fields?: Record<string, string | number>
  /** Other items the label names, such as the purchase order of a supplier label. */
  related?: Partial<Record<ModelType, ItemRef>>
  /** Repairs made to the data before matching (smart quotes, lost separators…). */
  normalised?: string[]
  /** When more than one item matches: all of them, so the user chooses. */
  candidates?: (ItemRef & { model: ModelType })[]
  /** Why recognised data could not be used (e.g. a GTIN that fails its check digit). */
  problem?: string
  /** On no match: the plugin that could read the data (e.g. DigiKeyBarcode), a hint for creating what it names. */
  recognised_by?: string
  /** Set when the barcode was a command (commit, undo, clear, quantity) from the command sheet. */
  command?: StationCommand
  /** Set when the barcode was an operator's badge: that operator is now signed in. */
  operator?: Operator
}

export type ScanMatch = ScanResultBase & {
  success: string
  plugin: string
} & Partial<Record<ModelType, ItemRef>>

export type ScanNoMatch = ScanResultBase & {
  error: string
  plugin: string | null
}

export type ScanResult = ScanMatch | ScanNoMatch

export interface DetailField {
  label: string
  value: string | number | null
  link?: { model: ModelType; pk: number }
}

export interface DetailSection {
  title: string
  columns: string[]
  rows: { cells: (string | number | null)[]; link?: { model: ModelType; pk: number } }[]
}

export interface ItemDetail {
  model: ModelType
  pk: number
  title: string
  subtitle: string
  fields: DetailField[]
  /** The item's internal barcode in both InvenTree forms; `preferred` is what labels and QR codes show. */
  barcode: { json: string; short: string | null; preferred: string }
  /** The external barcode linked to this item, if any. */
  linked: string | null
  sections: DetailSection[]
}

export interface SearchHit {
  model: ModelType
  pk: number
  title: string
  /** What matched: name, IPN, SKU, MPN, reference… */
  matched: string
  detail: string
}

export interface LocationNode {
  pk: number
  name: string
  structural: boolean
  stockCount: number
  children: LocationNode[]
}

export interface HistoryEntry {
  id: number
  timestamp: string
  action: 'scan' | 'link' | 'unlink'
  data: string
  dataHex: string | null
  source: ScanSource
  device: string | null
  operator: string | null
  plugin: string | null
  result: 'match' | 'no_match' | 'error'
  model: ModelType | null
  pk: number | null
  /** Every plugin asked, in order, with what it answered ("InvenTreeBarcode:no GS1Barcode:match"). */
  pluginsTried: string
  response: string
  durationMs: number
}

export interface HistoryStats {
  total: number
  failures: number
  /** Per hour (UTC, `YYYY-MM-DDTHH`), oldest first. */
  hours: { hour: string; scans: number; failures: number }[]
  /** Distinct operators, sources and plugins in the history, for the filter pickers. */
  operators: string[]
  plugins: string[]
}

export interface StationInfo {
  version: string
  database: string
  operator: Operator | null
  /** False when the history is switched off: the UI warns, because scans are then not recorded. */
  historyEnabled: boolean
  counts: { parts: number; stockItems: number; locations: number; scans: number }
}

export interface LinkResult {
  model: ModelType
  pk: number
  barcode_data: string
  barcode_hash: string
  /** Repairs made to the data before it was linked. */
  normalised: string[]
}

export interface PluginInfo {
  name: string
  /** Place in the resolution order (disabled plugins keep theirs). */
  order: number
  description: string
  enabled: boolean
  builtIn: boolean
  /** Set when a user plugin failed to load. */
  error?: string
  /** A supplier plugin's supplier, matched by this name unless `suppliers.companies` names its company. */
  supplier?: string
}

export interface Operator {
  id: number
  name: string
  role: 'operator' | 'admin'
}

export type SessionKind = 'scan' | 'receive'
export type StockActionKind = 'move' | 'count' | 'add' | 'remove' | 'merge' | 'receive' | 'undo'

export interface ActionResult {
  actionId: number
  kind: StockActionKind
  items: number
  summary: string
}

export interface SessionRow {
  id: number
  scanId: number | null
  data: string
  model: ModelType | null
  pk: number | null
  name: string
  /** "Stock item", "Part", "Supplier part", "Unknown"… */
  type: string
  url: string | null
  quantity: number | null
  units: string
  location: ItemRef | null
  lot: string
  dateCode: string
  expiry: string | null
  /** The purchase order line a receipt row counts against. */
  lineId: number | null
  /** ok, or why the row needs a look: scanned twice, unknown item, over-receipt, not on the order. */
  flag: 'ok' | 'duplicate' | 'unknown' | 'over' | 'not_on_order'
  note: string
}

export interface ReceiptLine {
  lineId: number
  supplierPart: ItemRef
  part: string
  units: string
  packQuantity: number
  ordered: number
  receivedBefore: number
  scanned: number
  remaining: number
  destination: ItemRef | null
}

export interface SessionHeader {
  id: number
  kind: SessionKind
  status: 'open' | 'committed' | 'dropped'
  purchaseOrder: ItemRef | null
  /** Scan page: the location scanned as move target; receipt: the destination scanned for what follows. */
  location: ItemRef | null
  rowCount: number
  flaggedCount: number
  lines: ReceiptLine[]
}

export interface SessionView extends SessionHeader {
  rows: SessionRow[]
}

export interface SessionUpdate {
  /** The row the scan added, if it added one (a location or an order steers the session instead). */
  row: SessionRow | null
  message: string
  session: SessionHeader
  /** The scan itself, when the session resolved it from data. */
  scan?: ScanResult
  /** A command barcode the session carried out (commit, undo, clear, quantity). */
  command?: StationCommand
  /** Stock items a commit created (a receipt committed by its command barcode). */
  created?: { stockitem: number; quantity: number; location: number | null }[]
}

export interface StationCommand {
  name: 'commit' | 'undo' | 'clear' | 'drop' | 'quantity'
  value?: number
}

export interface MethodOutputs {
  scan: ScanResult
  getItem: ItemDetail
  search: SearchHit[]
  locationTree: LocationNode[]
  history: HistoryEntry[]
  info: StationInfo
  link: LinkResult
  unlink: { model: ModelType; pk: number; removed: string }
  getSettings: SettingsValues
  setSettings: SettingsValues
  plugins: PluginInfo[]
  purgeHistory: { deleted: number }
  operators: Operator[]
  signIn: Operator
  signOut: { signedOut: boolean }
  sessionStart: SessionView
  sessionCurrent: SessionView | null
  sessionAdd: SessionUpdate
  sessionRemoveRow: SessionHeader
  sessionUpdateRow: SessionRow
  sessionClear: SessionHeader
  sessionDrop: SessionHeader
  sessionCommit: SessionHeader & { created: { stockitem: number; quantity: number; location: number | null }[] }
  stockAction: ActionResult
  undo: ActionResult
  devices: DeviceStatus[]
  suppliers: ItemRef[]
  createSupplierPart: { supplierpart: ItemRef; part: ItemRef; manufacturerpart: ItemRef | null }
  calibrateWedge: WedgeCalibrationView
  historyQuery: { total: number; offset: number; rows: HistoryEntry[] }
  historyStats: HistoryStats
  historyExport: { csv: string; rows: number }
  labelTemplates: LabelTemplateInfo[]
  labelPreview: { svg: string; verified: boolean; reason: string | null; template: string }
  labelPdf: { pdfBase64: string; labels: number; template: string | null }
  printLabels: { printed: number; printer: string }
}

export type LayoutProfile = 'us' | 'uk' | 'de' | 'fr' | 'host'

/** What the calibration page shows. */
export interface WedgeCalibrationView {
  state: 'idle' | 'waiting' | 'done'
  /** The text printed on the test label. */
  label: string
  /** When done: the profile that decodes the label exactly, or null. */
  profile: LayoutProfile | null
  /** When done: every profile that decodes it. */
  candidates: LayoutProfile[]
  /** When done: what each profile made of the scanned keys (why none matched). */
  decoded: { profile: LayoutProfile; text: string }[]
  /** While waiting: ms left before the armed calibration expires. */
  expiresInMs: number | null
}

export interface LabelTemplateInfo {
  name: string
  title: string
  models: ModelType[]
  /** "62 × 29 mm roll", "A4 sheet 3 × 8"… */
  page: string
  symbology: string
  isDefaultFor: ModelType[]
}

// ---- transport envelopes -------------------------------------------------------------------------------------

export type ErrorCode = 'invalid_argument' | 'not_found' | 'conflict' | 'unknown_method' | 'forbidden' | 'internal'

export interface ContractError {
  code: ErrorCode
  message: string
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: ContractError }

// ---- events main pushes --------------------------------------------------------------------------------------

export interface DeviceStatus {
  id: string
  kind: 'wedge' | 'hid' | 'serial'
  name: string
  state: 'connected' | 'disconnected' | 'error'
  message?: string
}

export interface EventPayloads {
  /** A scan that arrived from a device source (wedge, HID, serial) and was resolved by main. */
  scanResult: ScanResult
  deviceStatus: DeviceStatus
  /** A scan an unplug cut off: dropped, never merged with the next (shown to the user, logged in history). */
  scanDropped: { device: string; partial: string; reason: string }
  /** Every setting after a change (saved from any window or web page), so every open UI follows it. */
  settingsChanged: SettingsValues
}
const eventsMatchPayloads: SameKeys<EventName, keyof EventPayloads> = true
void eventsMatchPayloads

/** The object the preload (or the web host's bridge) exposes as `window.station`. */
export type StationApi = {
  [M in MethodName]: (input: MethodInput<M>) => Promise<Reply<MethodOutputs[M]>>
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void
}
