/**
 * The Station: the one object whose methods the IPC contract exposes. It owns the database, resolves scans
 * through the plugin chain, logs every scan before returning its result, and emits events for scans that arrive
 * from device sources. Pure Node: no Electron here, so the CLI, the web host and the tests run the same code.
 */
import { dirname, join } from 'node:path'
import { performance } from 'node:perf_hooks'
import type {
  ActionResult,
  DeviceStatus,
  EventName,
  EventPayloads,
  HistoryEntry,
  ItemDetail,
  ItemRef,
  LinkResult,
  LocationNode,
  MethodInput,
  MethodOutputs,
  ModelType,
  Operator,
  PluginInfo,
  ScanResult,
  SearchHit,
  SessionHeader,
  SessionRow,
  SessionUpdate,
  SessionView,
  ScanMatchRef,
  SettingKey,
  SettingsValues,
  StationMethods,
  StationInfo,
  LabelTemplateInfo,
  WedgeCalibrationView,
} from '../contract'
import { WorkflowService } from './actions/workflow-service'
import { parseCommand } from '../../src-shared/commands'
import { barcodeHash } from './barcode/hash'
import { jsonBarcode, shortBarcode } from './barcode/internal'
import { tolerant } from './barcode/normalise'
import type { BarcodeMatch, BarcodePlugin } from './barcode/plugin'
import { PluginChain } from './barcode/plugin-chain'
import { resolve, type FoundItem, type Resolution } from './barcode/resolver'
import { openDatabase, type Db } from './db/connection'
import { isEmpty, seedDemo } from './demo/seed'
import { ConflictError } from './errors'
import { HistoryQuery } from './history/query'
import { RecentScans, type UnkeyedScanResult } from './history/recent-scans'
import { ScanLog } from './history/scan-log'
import { BarcodeLinks } from './items/barcode-links'
import { ItemDetails } from './items/detail'
import { locationTree } from './items/locations'
import { ItemRefs } from './items/refs'
import { isModelType } from '../../src-shared/models'
import { Search } from './items/search'
import { SupplierParts } from './items/supplier-parts'
import { LabelMethods } from './labels/label-methods'
import type { LabelSource } from './labels/layout'
import { stderrLogger, type Logger } from './log/logger'
import { Operators } from './operators/operators'
import { Settings } from './settings'
import type { StationOptions, WedgeCalibrationProvider } from './station-options'

export type { LabelPrinter, StationOptions, WedgeCalibrationControl, WedgeCalibrationProvider } from './station-options'

export const STATION_VERSION = '0.1.0'

/** Longest barcode data worth resolving; longer input is logged and answered with an error, never dropped. */
export const MAX_BARCODE_LENGTH = 4096

export const NO_MATCH = 'No match found for barcode data'
export const MATCH = 'Match found for barcode data'
export const AMBIGUOUS = 'Barcode data matches more than one item'

/** Prune the history once per this many writes, not on every scan. */
const PRUNE_EVERY = 64

export type StationListener = <E extends EventName>(event: E, payload: EventPayloads[E]) => void

type ScanInput = MethodInput<'scan'> & {
  /** The exact bytes (hex) when the source's bytes were not valid UTF-8 (trusted callers only: the CLI). */
  rawHex?: string
}
/** A scan result before its history row exists (Omit that keeps the union's members apart). */
type ScanResponse = UnkeyedScanResult extends infer R
  ? R extends UnkeyedScanResult
    ? Omit<R, 'scan_id'>
    : never
  : never
type Outcome = {
  result: HistoryEntry['result']
  plugin: string | null
  tried: string[]
  model?: ModelType
  pk?: number
  action?: HistoryEntry['action']
}

/** Opens (and migrates) a station's database, with the demo inventory when it is new and `demo` allows. */
export function openStationDatabase(options: StationOptions): Db {
  const db = openDatabase(options.dbPath, options)
  if ((options.demo ?? true) && isEmpty(db)) seedDemo(db)
  return db
}

export class Station implements StationMethods {
  private readonly settings: Settings
  readonly logger: Logger
  private readonly log: ScanLog
  private readonly refs: ItemRefs
  private readonly details: ItemDetails
  private readonly searcher: Search
  private readonly pluginChain: PluginChain
  private readonly listeners = new Set<StationListener>()
  private writesSincePrune = 0
  /** The last results returned, so a workflow takes the very result a scan got (see RecentScans). */
  private readonly recent = new RecentScans()
  private readonly workflows: WorkflowService
  private readonly deviceStatus = new Map<string, DeviceStatus>()
  private readonly operatorList: Operators
  private readonly links: BarcodeLinks
  private readonly supplierParts: SupplierParts
  private readonly labels: LabelMethods
  private readonly wedgeCalibration: WedgeCalibrationProvider | null

  static open(options: StationOptions): Station {
    const station = new Station(openStationDatabase(options), options)
    if (options.startUserPlugins ?? true) station.startUserPlugins()
    return station
  }

  constructor(
    private readonly db: Db,
    options: StationOptions,
  ) {
    this.dbPath = options.dbPath
    this.logger = options.logger ?? stderrLogger()
    this.labels = new LabelMethods(() => this.labelSource(), options.printer ?? null)
    this.wedgeCalibration = options.wedgeCalibration ?? null
    this.settings = new Settings(db)
    this.log = new ScanLog(db)
    this.refs = new ItemRefs(db)
    this.details = new ItemDetails(db)
    this.searcher = new Search(db)
    this.operatorList = new Operators(db)
    this.links = new BarcodeLinks(db, this.refs, () => this.settings.get('barcode.prefix'))
    this.supplierParts = new SupplierParts(db, this.refs)
    this.workflows = new WorkflowService({
      db,
      refs: this.refs,
      recent: this.recent,
      scan: (input) => this.scan(input),
      currentOperatorId: () => this.operatorList.current()?.id ?? null,
    })
    const pluginsDir =
      options.pluginsDir ?? (options.dbPath === ':memory:' ? '' : join(dirname(options.dbPath), 'plugins'))
    this.pluginChain = new PluginChain(db, this.settings, { pluginsDir, pluginTimeoutMs: options.pluginTimeoutMs })
    let settingsPending = false
    this.settings.onChange(() => {
      // One update of several keys is one event, sent once they are all written.
      if (settingsPending) return
      settingsPending = true
      queueMicrotask(() => {
        settingsPending = false
        // Nobody listens once the station is closed, and its database may be gone by then.
        if (this.listeners.size > 0) this.emit('settingsChanged', this.settings.all())
      })
    })
  }

  readonly dbPath: string

  /** The enabled plugins in resolution order. */
  private get chain(): readonly BarcodePlugin[] {
    return this.pluginChain.active
  }

  /** Loads the user plugins into their worker and adds them to the chain. */
  startUserPlugins(): void {
    this.pluginChain.startUser()
  }

  stopUserPlugins(): void {
    this.pluginChain.stopUser()
  }

  /** One setting's value (hosts follow the scanner and wedge settings). */
  setting<K extends SettingKey>(key: K): SettingsValues[K] {
    return this.settings.get(key)
  }

  /** Called with each changed key, after the change; returns the unsubscribe. */
  onSettingsChange(listener: (key: SettingKey) => void): () => void {
    return this.settings.onChange(listener)
  }

  // ---- scanning ------------------------------------------------------------------------------------------------

  /** Resolve barcode data and log it; the result is returned only once its history row is written. */
  scan(input: ScanInput): ScanResult {
    return this.recent.keep(this.resolveAndLog(input))
  }

  private resolveAndLog(input: ScanInput): UnkeyedScanResult {
    const started = performance.now()
    const data = input.data
    const hash = barcodeHash(data)
    const refuse = (error: string): UnkeyedScanResult => {
      const response = {
        outcome: 'error' as const,
        match: null,
        error,
        plugin: null,
        barcode_data: data.slice(0, MAX_BARCODE_LENGTH),
        barcode_hash: hash,
      }
      return {
        ...response,
        scan_id: this.record(input, started, response, { result: 'error', plugin: null, tried: [] }),
      }
    }
    if (!this.settings.get('barcode.enabled')) return refuse('Barcode support is switched off in settings')
    if (data.trim() === '') return refuse('Missing barcode data')
    if (data.length > MAX_BARCODE_LENGTH)
      return refuse(`Barcode data too long (${data.length} characters; the limit is ${MAX_BARCODE_LENGTH})`)

    const { text, notes } = tolerant(data)
    const special = this.commandOrBadge(text, data, hash)
    if (special)
      return {
        ...special,
        scan_id: this.record(input, started, special, { result: 'match', plugin: special.plugin, tried: [] }),
      } as UnkeyedScanResult
    const resolution = resolve({ raw: data, text, hash }, this.chain, (m) => this.lookup(m))
    const { response, outcome } = this.describe(resolution, data, hash, notes)
    return { ...response, scan_id: this.record(input, started, response, outcome) } as UnkeyedScanResult
  }

  /** Command-sheet barcodes and operator badges are answered before the plugin chain: they name no item. */
  private commandOrBadge(
    text: string,
    data: string,
    hash: string,
  ): Extract<ScanResponse, { outcome: 'command' | 'operator' }> | null {
    const command = parseCommand(text)
    if (command)
      return {
        outcome: 'command',
        match: null,
        success: `Command: ${command.name}${command.value === undefined ? '' : ` ${command.value}`}`,
        plugin: 'StationCommand',
        command,
        barcode_data: data,
        barcode_hash: hash,
      }
    const badge = this.operatorList.signInByBadge(text)
    if (!badge) return null
    return {
      outcome: 'operator',
      match: null,
      success: `Signed in: ${badge.name}`,
      plugin: 'OperatorBadge',
      operator: badge,
      barcode_data: data,
      barcode_hash: hash,
    }
  }

  private lookup(m: BarcodeMatch): FoundItem | null {
    const item = this.refs.get(m.model, m.pk)
    return item && isModelType(m.model) ? { model: m.model, item } : null
  }

  /** The InvenTree-shaped response for a resolution, plus what the history row records. */
  private describe(
    r: Resolution,
    data: string,
    hash: string,
    notes: string[],
  ): { response: ScanResponse; outcome: Outcome } {
    const extras: Record<string, unknown> = {}
    if (r.answer?.format) extras.format = r.answer.format
    if (r.answer?.fields && Object.keys(r.answer.fields).length) extras.fields = r.answer.fields
    if (r.answer?.related?.length) {
      const related: Partial<Record<ModelType, ItemRef>> = {}
      for (const m of r.answer.related) {
        const found = this.lookup(m)
        if (found) related[found.model] = found.item
      }
      if (Object.keys(related).length) extras.related = related
    }
    const allNotes = [...notes, ...(r.answer?.notes ?? [])]
    if (allNotes.length) extras.normalised = allNotes
    if (r.answer?.problem) extras.problem = r.answer.problem
    const base = { barcode_data: data, barcode_hash: hash }
    if (r.match) {
      const { model, item } = r.match
      const match: ScanMatchRef = { model, pk: item.pk, via: r.answer?.via ?? 'label' }
      return {
        response: { outcome: 'matched', match, [model]: item, success: MATCH, plugin: r.plugin!, ...base, ...extras },
        outcome: { result: 'match', plugin: r.plugin, tried: r.tried, model, pk: item.pk },
      }
    }
    if (r.ambiguous) {
      const candidates = r.ambiguous.map((f) => ({ model: f.model, ...f.item }))
      return {
        response: {
          outcome: 'ambiguous',
          match: null,
          error: AMBIGUOUS,
          plugin: r.plugin,
          ...base,
          ...extras,
          candidates,
        },
        outcome: { result: 'error', plugin: r.plugin, tried: r.tried },
      }
    }
    if (r.answer) extras.recognised_by = r.answer.plugin
    return {
      response: { outcome: 'no_match', match: null, error: NO_MATCH, plugin: null, ...base, ...extras },
      outcome: { result: 'no_match', plugin: null, tried: r.tried },
    }
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
    input: { data: string; source: ScanInput['source']; device?: string; rawHex?: string },
    started: number,
    response: object,
    outcome: Outcome,
  ): number | null {
    if (!this.settings.get('history.store')) return null
    const id = this.log.write({
      action: outcome.action,
      data: input.data,
      rawHex: input.rawHex ?? null,
      source: input.source,
      device: input.device ?? null,
      operatorId: this.operatorList.current()?.id ?? null,
      plugin: outcome.plugin,
      tried: outcome.tried,
      result: outcome.result,
      model: outcome.model ?? null,
      pk: outcome.pk ?? null,
      response: JSON.stringify(response),
      durationUs: Math.round((performance.now() - started) * 1000),
    })
    if (++this.writesSincePrune >= PRUNE_EVERY) {
      this.writesSincePrune = 0
      this.log.prune(this.settings.get('history.maxResults'), id)
    }
    return id
  }

  // ---- external barcodes ---------------------------------------------------------------------------------------

  /** Link a barcode printed by someone else to an item, refusing one that already means something. */
  link(input: MethodInput<'link'>): LinkResult {
    const started = performance.now()
    return this.db.transaction(() => {
      const result = this.links.link(input)
      this.record({ data: input.data, source: 'manual' }, started, result, {
        action: 'link',
        result: 'match',
        plugin: null,
        tried: [],
        model: input.model,
        pk: input.pk,
      })
      return result
    })()
  }

  unlink(input: MethodInput<'unlink'>): MethodOutputs['unlink'] {
    const started = performance.now()
    return this.db.transaction(() => {
      const result = this.links.unlink(input)
      this.record({ data: result.removed, source: 'manual' }, started, result, {
        action: 'unlink',
        result: 'match',
        plugin: null,
        tried: [],
        model: input.model,
        pk: input.pk,
      })
      return result
    })()
  }

  // ---- reads ---------------------------------------------------------------------------------------------------

  getItem(input: MethodInput<'getItem'>): ItemDetail {
    const built = this.details.build(input.model, input.pk)
    const json = jsonBarcode(input.model, input.pk)
    const short = shortBarcode(input.model, input.pk, this.settings.get('barcode.prefix'))
    const preferred = this.settings.get('barcode.form') === 'short' && short ? short : json
    return {
      model: input.model,
      pk: input.pk,
      ...built,
      barcode: { json, short, preferred },
      linked: this.links.linked(input.model, input.pk),
    }
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

  historyQuery(input: MethodInput<'historyQuery'>): MethodOutputs['historyQuery'] {
    return new HistoryQuery(this.db).page(input.filter, input.offset, input.limit)
  }

  historyStats(input: MethodInput<'historyStats'>): MethodOutputs['historyStats'] {
    return new HistoryQuery(this.db).stats(input.filter)
  }

  historyExport(input: MethodInput<'historyExport'>): MethodOutputs['historyExport'] {
    return new HistoryQuery(this.db).csv(input.filter)
  }

  info(): StationInfo {
    const count = (table: string): number =>
      (this.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
    return {
      version: STATION_VERSION,
      database: this.dbPath,
      operator: this.operatorList.current(),
      historyEnabled: this.settings.get('history.store'),
      counts: {
        parts: count('part'),
        stockItems: count('stockitem'),
        locations: count('stocklocation'),
        scans: this.log.total(),
      },
    }
  }

  // ---- settings, plugins, operators ------------------------------------------------------------------------------

  getSettings(): SettingsValues {
    return this.settings.all()
  }

  setSettings(values: MethodInput<'setSettings'>): SettingsValues {
    this.requireAdmin('change settings')
    this.settings.update(values)
    return this.settings.all()
  }

  /** Every plugin in resolution order, disabled ones in the place they would take; failed user plugins last. */
  plugins(): PluginInfo[] {
    return this.pluginChain.list()
  }

  purgeHistory(): { deleted: number } {
    this.requireAdmin('purge the scan history')
    return { deleted: this.log.purge() }
  }

  operators(): Operator[] {
    return this.operatorList.list()
  }

  signIn(input: MethodInput<'signIn'>): Operator {
    return this.operatorList.signIn(input)
  }

  signOut(): { signedOut: boolean } {
    return this.operatorList.signOut()
  }

  private requireAdmin(what: string): void {
    this.operatorList.requireAdmin(what)
  }

  // ---- workflows: sessions and stock actions (core/actions/workflow-service.ts) -----------------------------------

  sessionStart(input: MethodInput<'sessionStart'>): SessionView {
    return this.workflows.sessionStart(input)
  }

  sessionCurrent(input: MethodInput<'sessionCurrent'>): SessionView | null {
    return this.workflows.sessionCurrent(input)
  }

  sessionAdd(input: MethodInput<'sessionAdd'>): SessionUpdate {
    return this.workflows.sessionAdd(input)
  }

  sessionRemoveRow(input: MethodInput<'sessionRemoveRow'>): SessionHeader {
    return this.workflows.sessionRemoveRow(input)
  }

  sessionUpdateRow(input: MethodInput<'sessionUpdateRow'>): SessionRow {
    return this.workflows.sessionUpdateRow(input)
  }

  sessionClear(input: MethodInput<'sessionClear'>): SessionHeader {
    return this.workflows.sessionClear(input)
  }

  sessionDrop(input: MethodInput<'sessionDrop'>): SessionHeader {
    return this.workflows.sessionDrop(input)
  }

  sessionCommit(input: MethodInput<'sessionCommit'>): MethodOutputs['sessionCommit'] {
    return this.workflows.sessionCommit(input)
  }

  stockAction(input: MethodInput<'stockAction'>): ActionResult {
    return this.workflows.stockAction(input)
  }

  undo(input: MethodInput<'undo'>): ActionResult {
    return this.workflows.undo(input)
  }

  // ---- supplier parts from labels -------------------------------------------------------------------------------

  suppliers(): ItemRef[] {
    return this.supplierParts.suppliers()
  }

  /**
   * Makes the supplier part a label names (SKU, MPN, manufacturer from its fields), for an existing part or a
   * new one, in one transaction; the same label then resolves to it.
   */
  createSupplierPart(input: MethodInput<'createSupplierPart'>): MethodOutputs['createSupplierPart'] {
    return this.supplierParts.create(input)
  }

  // ---- scanner devices -------------------------------------------------------------------------------------------

  devices(): DeviceStatus[] {
    return [...this.deviceStatus.values()]
  }

  calibrateWedge(input: MethodInput<'calibrateWedge'>): WedgeCalibrationView {
    const control = this.wedgeCalibration?.current() ?? null
    if (!control) throw new ConflictError('No keyboard-wedge scanner host on this station')
    if (input.action === 'start') {
      // Its only purpose is a settings change, which is an admin's.
      this.requireAdmin('calibrate the scanner')
      return control.start()
    }
    return input.action === 'cancel' ? control.cancel() : control.view()
  }

  /** A device manager's news: kept for pages that open later, and pushed to the renderer now. */
  reportDevice(status: DeviceStatus): void {
    this.deviceStatus.set(status.id, status)
    this.emit('deviceStatus', status)
  }

  /** A scan an unplug cut off: logged as an error (never merged with the next scan) and shown to the user. */
  reportDroppedScan(dropped: {
    device: string
    partial: string
    reason: string
    source: 'wedge' | 'hid' | 'serial'
  }): void {
    const started = performance.now()
    const response: ScanResponse = {
      outcome: 'error',
      match: null,
      error: `Scan cut off (${dropped.reason}); scan it again`,
      plugin: null,
      barcode_data: dropped.partial,
      barcode_hash: barcodeHash(dropped.partial),
    }
    this.record({ data: dropped.partial, source: dropped.source, device: dropped.device }, started, response, {
      result: 'error',
      plugin: null,
      tried: [],
    })
    this.emit('scanDropped', { device: dropped.device, partial: dropped.partial, reason: dropped.reason })
  }

  // ---- labels ----------------------------------------------------------------------------------------------------

  /** What the label functions need of this station: item details and the label settings as they are now. */
  labelSource(): LabelSource {
    return {
      item: (model, pk) => this.getItem({ model, pk }),
      generator: this.settings.get('barcode.generationPlugin'),
      showText: this.settings.get('barcode.showText'),
    }
  }

  labelTemplates(input: MethodInput<'labelTemplates'>): Promise<LabelTemplateInfo[]> {
    return this.labels.templates(input.model)
  }

  labelPreview(input: MethodInput<'labelPreview'>): Promise<MethodOutputs['labelPreview']> {
    return this.labels.preview(input)
  }

  labelPdf(input: MethodInput<'labelPdf'>): Promise<MethodOutputs['labelPdf']> {
    return this.labels.pdf(input)
  }

  printLabels(input: MethodInput<'printLabels'>): Promise<MethodOutputs['printLabels']> {
    return this.labels.print(input)
  }

  // ---- events and lifecycle --------------------------------------------------------------------------------------

  on(listener: StationListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private emit<E extends EventName>(event: E, payload: EventPayloads[E]): void {
    for (const listener of this.listeners) listener(event, payload)
  }

  close(): void {
    this.listeners.clear()
    this.pluginChain.stop()
    this.db.close()
  }
}
