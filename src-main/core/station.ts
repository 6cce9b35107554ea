/**
 * The Station: the one object whose methods the IPC contract exposes. It owns the database and wires the modules
 * that do the work (the scan pipeline, the history, items, workflows, labels, devices), each method one line that
 * hands over to its module. Pure Node: no Electron here, so the CLI, the web host and the tests run the same code.
 */
import { dirname, join } from 'node:path'
import type {
  ActionResult,
  DeviceStatus,
  HistoryEntry,
  ItemDetail,
  ItemRef,
  LinkResult,
  LocationNode,
  MethodInput,
  MethodOutputs,
  Operator,
  OperatorChoice,
  PluginInfo,
  ScanResult,
  SearchHit,
  SessionHeader,
  SessionRow,
  SessionUpdate,
  SessionView,
  SettingKey,
  SettingsValues,
  StationMethods,
  StationInfo,
  LabelTemplateInfo,
  OutboxItem,
  SyncStatus,
  SyncSummaryView,
  WedgeCalibrationView,
} from '../contract'
import { WorkflowService } from './actions/workflow-service'
import { jsonBarcode, shortBarcode } from './barcode/internal'
import { PluginChain } from './barcode/plugin-chain'
import { openDatabase, type Db } from './db/connection'
import { seedDemoIfEmpty, seedOperatorsIfNone } from './demo/seed'
import { HistoryQuery } from './history/query'
import { Jobs } from './jobs/jobs'
import { defaultThreads, WorkerPool } from './jobs/pool'
import { DeskSync } from './inventree/desk-sync'
import { RemoteError } from './errors'
import { InventreeError } from './inventree/errors'
import { ReplicaRefused } from './inventree/pull'
import { FileTokenStore, MemoryTokenStore, tokenFileFor } from './inventree/token-store'
import { RecentScans } from './history/recent-scans'
import { ScanLog } from './history/scan-log'
import { ScanRecorder } from './history/scan-recorder'
import { BarcodeLinks } from './items/barcode-links'
import { ItemDetails } from './items/detail'
import { LinkActions } from './items/link-actions'
import { locationTree } from './items/locations'
import { ItemRefs } from './items/refs'
import { Search } from './items/search'
import { SupplierParts } from './items/supplier-parts'
import { LabelMethods } from './labels/label-methods'
import type { LabelSource } from './labels/layout'
import { stderrLogger, type Logger } from './log/logger'
import { AdminSettings } from './operators/admin-settings'
import type { CallerId } from './operators/caller'
import { Operators } from './operators/operators'
import { Devices } from './scanning/devices'
import { ScanPipeline, type DroppedScan, type ScanInput } from './scanning/scan-pipeline'
import { Settings } from './settings'
import { StationEvents, type StationListener } from './station-events'
import type { StationOptions } from './station-options'

export type { LabelPrinter, StationOptions, WedgeCalibrationControl, WedgeCalibrationProvider } from './station-options'

export const STATION_VERSION = '0.1.0'

export { AMBIGUOUS, MATCH, MAX_BARCODE_LENGTH, NO_MATCH } from './scanning/scan-pipeline'
export type { StationListener } from './station-events'

/** Opens (and migrates) a station's database, with the demo inventory when it is new and `demo` allows. */
export function openStationDatabase(options: StationOptions): Db {
  const db = openDatabase(options.dbPath, options)
  if (options.demo ?? true) seedDemoIfEmpty(db)
  else seedOperatorsIfNone(db)
  return db
}

export class Station implements StationMethods {
  readonly dbPath: string
  readonly logger: Logger
  private readonly settings: Settings
  private readonly log: ScanLog
  private readonly details: ItemDetails
  private readonly searcher: Search
  private readonly pluginChain: PluginChain
  private readonly events: StationEvents
  private readonly pipeline: ScanPipeline
  private readonly workflows: WorkflowService
  private readonly deviceScans: Devices
  private readonly operatorList: Operators
  private readonly adminSettings: AdminSettings
  private readonly links: BarcodeLinks
  private readonly linkActions: LinkActions
  private readonly supplierParts: SupplierParts
  private readonly labels: LabelMethods
  private readonly desk: DeskSync
  private readonly jobs: Jobs
  private readonly nativeBinding: string | undefined
  /** Worker threads for long jobs (the bench prints it). */
  readonly jobThreads: number

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
    this.nativeBinding = options.nativeBinding
    this.jobThreads = options.jobThreads ?? defaultThreads()
    // Each job's progress goes to the window or connection that started it only.
    this.jobs = new Jobs(
      (progress, to) => this.events.emit('jobProgress', progress, to),
      () => new WorkerPool(this.jobThreads),
    )
    this.labels = new LabelMethods(() => this.labelSource(), options.printer ?? null, this.jobs)
    this.settings = new Settings(db)
    this.log = new ScanLog(db)
    const refs = new ItemRefs(db)
    this.details = new ItemDetails(db)
    this.searcher = new Search(db)
    this.operatorList = new Operators(db, this.settings, { logger: this.logger, ...options.auth })
    const recorder = new ScanRecorder(this.settings, this.log, this.operatorList)
    this.links = new BarcodeLinks(db, refs, () => this.settings.get('barcode.prefix'))
    this.linkActions = new LinkActions(db, this.links, recorder)
    this.supplierParts = new SupplierParts(db, refs)
    const pluginsDir =
      options.pluginsDir ?? (options.dbPath === ':memory:' ? '' : join(dirname(options.dbPath), 'plugins'))
    this.pluginChain = new PluginChain(db, this.settings, { pluginsDir, pluginTimeoutMs: options.pluginTimeoutMs })
    // The last results returned, so a workflow takes the very result a scan got.
    const recent = new RecentScans()
    this.pipeline = new ScanPipeline({
      db,
      settings: this.settings,
      chain: this.pluginChain,
      refs,
      operators: this.operatorList,
      recent,
      recorder,
    })
    this.workflows = new WorkflowService({
      db,
      refs,
      recent,
      scan: (input) => this.pipeline.scan(input),
      currentOperatorId: () => this.operatorList.current()?.id ?? null,
    })
    this.adminSettings = new AdminSettings(this.settings, this.operatorList, () => this.log.total())
    this.events = new StationEvents(this.settings)
    this.desk = new DeskSync({
      db,
      tokens:
        options.inventreeTokens ??
        (options.dbPath === ':memory:' ? new MemoryTokenStore() : new FileTokenStore(tokenFileFor(options.dbPath))),
      logger: this.logger,
      intervalMs: options.syncIntervalMs ?? 30_000,
      kickDelayMs: options.syncKickDelayMs,
      timeoutMs: options.inventreeTimeoutMs,
      onStatus: (status) => this.events.emit('syncStatus', status),
    })
    this.desk.start()
    this.deviceScans = new Devices(this.pipeline, this.events.emit, this.operatorList, options.wedgeCalibration ?? null)
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
    return this.pipeline.scan(input)
  }

  /** Resolve many scans in one transaction (the CLI's `scan -`): each is logged before any result is returned. */
  scanMany(inputs: ScanInput[]): ScanResult[] {
    return this.pipeline.scanMany(inputs)
  }

  /** A scan from a device source (wedge, HID, serial): resolved, logged, then pushed to the renderer. */
  scanFromDevice(input: ScanInput): ScanResult {
    return this.deviceScans.scan(input)
  }

  // ---- external barcodes ---------------------------------------------------------------------------------------

  /** Link a barcode printed by someone else to an item, refusing one that already means something. */
  link(input: MethodInput<'link'>): LinkResult {
    return this.queued(() => this.linkActions.link(input))
  }

  unlink(input: MethodInput<'unlink'>): MethodOutputs['unlink'] {
    return this.queued(() => this.linkActions.unlink(input))
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

  /** A long job: the CSV is written in a worker, over a read-only connection of its own. */
  historyExport(input: MethodInput<'historyExport'>): Promise<MethodOutputs['historyExport']> {
    return this.exportCsv(input.filter, undefined, input.jobId)
  }

  /** The newest `limit` scans as CSV, through the same job as the export (the CLI's `history --format csv`). */
  historyCsv(limit: number): Promise<MethodOutputs['historyExport']> {
    return this.exportCsv({}, limit)
  }

  private exportCsv(
    filter: MethodInput<'historyExport'>['filter'],
    limit: number | undefined,
    jobId?: string,
  ): Promise<MethodOutputs['historyExport']> {
    return this.jobs.run('historyExport', jobId, async (job) => {
      // An in-memory database (tests, a scratch CLI run) cannot be opened a second time: it is read here.
      if (this.dbPath === ':memory:')
        return new HistoryQuery(this.db).csv(filter, {
          limit,
          onProgress: (done, total) => job.progress('export', done, total),
        })
      return job.inWorker({ kind: 'historyCsv', dbPath: this.dbPath, nativeBinding: this.nativeBinding, filter, limit })
    })
  }

  info(): StationInfo {
    const count = (table: string): number =>
      (this.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
    return {
      version: STATION_VERSION,
      database: this.dbPath,
      operator: this.operatorList.peek(),
      adminPinSet: this.operatorList.adminPinSet(),
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

  setSettings(input: MethodInput<'setSettings'>): SettingsValues {
    return this.adminSettings.set(input)
  }

  /** Every plugin in resolution order, disabled ones in the place they would take; failed user plugins last. */
  plugins(): PluginInfo[] {
    return this.pluginChain.list()
  }

  purgeHistory(): { deleted: number } {
    this.requireAdmin('purge the scan history')
    const deleted = this.log.purge()
    this.operatorList.auditChange('history purged', { deleted })
    return { deleted }
  }

  operators(): OperatorChoice[] {
    return this.operatorList.list()
  }

  /** Signs in the calling window or connection only (core/operators/caller.ts). */
  signIn(input: MethodInput<'signIn'>): Promise<Operator> {
    return this.operatorList.signIn(input)
  }

  signOut(): { signedOut: boolean } {
    return this.operatorList.signOut()
  }

  setPin(input: MethodInput<'setPin'>): Promise<{ set: true }> {
    return this.operatorList.setPin(input)
  }

  /** A host's window closed or a connection dropped: whoever was signed in there is signed out. */
  endCaller(caller: CallerId): void {
    this.operatorList.endCaller(caller)
    this.jobs.endCaller(caller)
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
    return this.queued(() => this.workflows.sessionCommit(input))
  }

  stockAction(input: MethodInput<'stockAction'>): ActionResult {
    return this.queued(() => this.workflows.stockAction(input))
  }

  undo(input: MethodInput<'undo'>): ActionResult {
    return this.queued(() => this.workflows.undo(input))
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
    return this.queued(() => this.supplierParts.create(input))
  }

  // ---- scanner devices -------------------------------------------------------------------------------------------

  devices(): DeviceStatus[] {
    return this.deviceScans.list()
  }

  calibrateWedge(input: MethodInput<'calibrateWedge'>): WedgeCalibrationView {
    return this.deviceScans.calibrateWedge(input)
  }

  /** A device manager's news: kept for pages that open later, and pushed to the renderer now. */
  reportDevice(status: DeviceStatus): void {
    this.deviceScans.report(status)
  }

  /** A scan an unplug cut off: logged as an error (never merged with the next scan) and shown to the user. */
  reportDroppedScan(dropped: DroppedScan): void {
    this.deviceScans.dropped(dropped)
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

  // ---- the InvenTree server (core/inventree/desk-sync.ts) --------------------------------------------------------

  inventreeStatus(): SyncStatus {
    return this.desk.status()
  }

  inventreeConnect(input: MethodInput<'inventreeConnect'>): Promise<SyncStatus> {
    this.requireAdmin('connect the station to an InvenTree server')
    const { url, ...login } = input
    return fromServer(() => this.desk.connect(url, login))
  }

  inventreeDisconnect(): SyncStatus {
    this.requireAdmin('disconnect the station from its InvenTree server')
    return this.desk.disconnect()
  }

  inventreeSync(input: MethodInput<'inventreeSync'>): Promise<SyncSummaryView> {
    return fromServer(() => this.desk.sync(input.full ?? false))
  }

  inventreeOutbox(input: MethodInput<'inventreeOutbox'>): OutboxItem[] {
    return this.desk.list(input.states, input.limit)
  }

  inventreeResolve(input: MethodInput<'inventreeResolve'>): OutboxItem {
    if (input.action === 'retry') return this.desk.retry(input.id)
    this.requireAdmin(input.action === 'edit' ? 'change a parked desk action' : 'discard a parked desk action')
    if (input.action === 'edit') return this.desk.edit(input.id, { quantity: input.quantity, location: input.location })
    return this.desk.discard(input.id)
  }

  /** A desk action that may have queued a row for the server: the sync worker hears of it. */
  private queued<T>(act: () => T): T {
    const result = act()
    this.desk.kick()
    return result
  }

  // ---- events and lifecycle --------------------------------------------------------------------------------------

  on(listener: StationListener): () => void {
    return this.events.on(listener)
  }

  // ---- long jobs (core/jobs) --------------------------------------------------------------------------------------

  /** Stops one of the caller's own jobs (a label PDF, printing, an export); it then answers `cancelled`. */
  cancelJob(input: MethodInput<'cancelJob'>): { cancelled: boolean } {
    return { cancelled: this.jobs.cancel(input.jobId) }
  }

  close(): void {
    // The workers are terminated; nothing waits for them, so a closing CLI exits at once.
    void this.jobs.close().catch((err: unknown) => this.logger.error('stopping the job workers failed', err))
    this.desk.close()
    this.events.clear()
    this.pluginChain.stop()
    this.db.close()
  }
}

/**
 * What the server said, or why the desk cannot use it, reaches the person as it was worded (a wrong password, a
 * revoked token, a database that holds its own inventory); any other failure stays an internal error.
 */
async function fromServer<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (err) {
    if (err instanceof InventreeError || err instanceof ReplicaRefused) throw new RemoteError(err.message)
    throw err
  }
}
