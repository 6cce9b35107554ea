/**
 * The Station: the one object whose methods the IPC contract exposes. It owns the database, resolves scans
 * through the plugin chain, logs every scan before returning its result, and emits events for scans that arrive
 * from device sources. Pure Node: no Electron here, so the CLI, the web host and the tests run the same code.
 */
import { performance } from 'node:perf_hooks'
import type {
  EventName,
  EventPayloads,
  HistoryEntry,
  ItemDetail,
  LocationNode,
  MethodInput,
  ModelType,
  ScanResult,
  SearchHit,
  StationInfo,
} from '../contract'
import { externalBarcodePlugin } from './barcode/external-plugin'
import { barcodeHash } from './barcode/hash'
import { internalBarcodePlugin } from './barcode/internal-plugin'
import { jsonBarcode, shortBarcode } from './barcode/internal'
import type { BarcodePlugin } from './barcode/plugin'
import { resolve } from './barcode/resolver'
import { openDatabase, type Db, type OpenOptions } from './db/connection'
import { isEmpty, seedDemo } from './demo/seed'
import { ScanLog } from './history/scan-log'
import { ItemDetails } from './items/detail'
import { locationTree } from './items/locations'
import { ItemRefs } from './items/refs'
import { Search } from './items/search'
import { Settings } from './settings'

export const STATION_VERSION = '0.1.0'

/** Longest barcode data worth resolving; longer input is logged and answered with an error, never dropped. */
export const MAX_BARCODE_LENGTH = 4096

export const NO_MATCH = 'No match found for barcode data'
export const MATCH = 'Match found for barcode data'

export type StationListener = <E extends EventName>(event: E, payload: EventPayloads[E]) => void

export interface StationOptions extends OpenOptions {
  dbPath: string
  /** Create the demo inventory when the database is new (default true: a new user sees the station work). */
  demo?: boolean
}

type ScanInput = MethodInput<'scan'>

export class Station {
  readonly settings: Settings
  private readonly log: ScanLog
  private readonly refs: ItemRefs
  private readonly details: ItemDetails
  private readonly searcher: Search
  private readonly plugins: BarcodePlugin[]
  private readonly listeners = new Set<StationListener>()
  private operatorId: number | null = null

  static open(options: StationOptions): Station {
    const db = openDatabase(options.dbPath, options)
    if ((options.demo ?? true) && isEmpty(db)) seedDemo(db)
    return new Station(db, options.dbPath)
  }

  constructor(
    readonly db: Db,
    readonly dbPath: string,
  ) {
    this.settings = new Settings(db)
    this.log = new ScanLog(db)
    this.refs = new ItemRefs(db)
    this.details = new ItemDetails(db)
    this.searcher = new Search(db)
    this.plugins = [internalBarcodePlugin(this.settings), externalBarcodePlugin(db)]
  }

  /** Resolve barcode data and log it; the result is returned only once its history row is written. */
  scan(input: ScanInput): ScanResult {
    const started = performance.now()
    const data = input.data
    const hash = barcodeHash(data)
    const problem = data.trim() === '' ? 'Missing barcode data' : data.length > MAX_BARCODE_LENGTH ? `Barcode data too long (${data.length} characters; the limit is ${MAX_BARCODE_LENGTH})` : null
    if (problem) {
      const response = { error: problem, plugin: null, barcode_data: data.slice(0, MAX_BARCODE_LENGTH), barcode_hash: hash }
      return { ...response, scan_id: this.record(input, started, response, { result: 'error', plugin: null, tried: [] }) }
    }
    const resolution = resolve(data, this.plugins, (m) => {
      const item = this.refs.get(m.model, m.pk)
      return item ? { model: m.model as ModelType, item } : null
    })
    if (!resolution.match) {
      const response = { error: NO_MATCH, plugin: null, barcode_data: data, barcode_hash: hash }
      return { ...response, scan_id: this.record(input, started, response, { result: 'no_match', plugin: null, tried: resolution.tried }) }
    }
    const { model, item } = resolution.match
    const response = { [model]: item, success: MATCH, plugin: resolution.plugin!, barcode_data: data, barcode_hash: hash }
    const scanId = this.record(input, started, response, { result: 'match', plugin: resolution.plugin, tried: resolution.tried, model, pk: item.pk })
    return { ...response, scan_id: scanId }
  }

  /** Resolve many scans in one transaction (the CLI's `scan -`): each is logged before any result is returned. */
  scanMany(inputs: ScanInput[]): ScanResult[] {
    return this.db.transaction(() => inputs.map((input) => this.scan(input)))()
  }

  /** A scan from a device source (wedge, HID, serial): resolved, logged, then pushed to the renderer. */
  scanFromDevice(input: ScanInput): ScanResult {
    const result = this.scan(input)
    this.emit('scanResult', result)
    return result
  }

  private record(
    input: ScanInput,
    started: number,
    response: object,
    outcome: { result: HistoryEntry['result']; plugin: string | null; tried: string[]; model?: ModelType; pk?: number },
  ): number {
    return this.log.write({
      data: input.data,
      source: input.source,
      device: input.device ?? null,
      operatorId: this.operatorId,
      plugin: outcome.plugin,
      tried: outcome.tried,
      result: outcome.result,
      model: outcome.model ?? null,
      pk: outcome.pk ?? null,
      response: JSON.stringify(response),
      durationUs: Math.round((performance.now() - started) * 1000),
    })
  }

  getItem(input: MethodInput<'getItem'>): ItemDetail {
    const built = this.details.build(input.model, input.pk)
    const json = jsonBarcode(input.model, input.pk)
    const short = shortBarcode(input.model, input.pk, this.settings.get('barcode.prefix'))
    const preferred = this.settings.get('barcode.form') === 'short' && short ? short : json
    return { model: input.model, pk: input.pk, ...built, barcode: { json, short, preferred } }
  }

  search(input: MethodInput<'search'>): SearchHit[] {
    return this.searcher.find(input.query, input.limit)
  }

  locationTree(): LocationNode[] {
    return locationTree(this.db)
  }

  history(input: MethodInput<'history'>): HistoryEntry[] {
    return this.log.list(input.limit ?? 100, input.beforeId)
  }

  info(): StationInfo {
    const count = (table: string): number => (this.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
    const operator = this.operatorId === null ? undefined : (this.db.prepare('SELECT name FROM operator WHERE id = ?').get(this.operatorId) as { name: string } | undefined)
    return {
      version: STATION_VERSION,
      database: this.dbPath,
      operator: operator?.name ?? null,
      counts: { parts: count('part'), stockItems: count('stockitem'), locations: count('stocklocation'), scans: this.log.total() },
    }
  }

  on(listener: StationListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private emit<E extends EventName>(event: E, payload: EventPayloads[E]): void {
    for (const listener of this.listeners) listener(event, payload)
  }

  close(): void {
    this.listeners.clear()
    this.db.close()
  }
}
