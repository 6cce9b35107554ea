/**
 * The IPC contract: every method the renderer may call on the Station, with the zod schema of its one argument
 * and the TypeScript type of its result, and every event main pushes to the renderer.
 *
 * Main validates every call against these schemas (the renderer is untrusted); the preload and the web host's
 * bridge are generated from `methodNames` / `eventNames`, so a method that is not listed here cannot be reached.
 * The renderer imports this file with `import type` only.
 */
import { z } from 'zod'

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
} as const

export type MethodName = keyof typeof methodSchemas
export type MethodInput<M extends MethodName> = z.input<(typeof methodSchemas)[M]>
export const methodNames = Object.keys(methodSchemas) as MethodName[]

// ---- results -------------------------------------------------------------------------------------------------

/** A reference to one item, as a scan result or a link carries it. */
export interface ItemRef {
  pk: number
  name: string
  /** Route of the item in the renderer, e.g. `/stockitem/5`. */
  url: string
}

/** Fields common to every scan result (InvenTree's `/api/barcode/` keys, plus the history id). */
interface ScanResultBase {
  barcode_data: string
  barcode_hash: string
  /** Id of the history row written for this scan. */
  scan_id: number
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
  data: string
  dataHex: string | null
  source: ScanSource
  device: string | null
  operator: string | null
  plugin: string | null
  result: 'match' | 'no_match' | 'error'
  model: ModelType | null
  pk: number | null
  response: string
  durationMs: number
}

export interface StationInfo {
  version: string
  database: string
  operator: string | null
  counts: { parts: number; stockItems: number; locations: number; scans: number }
}

export interface MethodOutputs {
  scan: ScanResult
  getItem: ItemDetail
  search: SearchHit[]
  locationTree: LocationNode[]
  history: HistoryEntry[]
  info: StationInfo
}

// ---- transport envelopes -------------------------------------------------------------------------------------

export type ErrorCode = 'invalid_argument' | 'not_found' | 'unknown_method' | 'forbidden' | 'internal'

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
}
export type EventName = keyof EventPayloads
export const eventNames: EventName[] = ['scanResult', 'deviceStatus']

/** The object the preload (or the web host's bridge) exposes as `window.station`. */
export type StationApi = {
  [M in MethodName]: (input: MethodInput<M>) => Promise<Reply<MethodOutputs[M]>>
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void
}

/** Channel names on ipcMain, prefixed so nothing else on the bus can collide with the contract. */
export const channelFor = (name: MethodName | EventName): string => `station:${name}`
