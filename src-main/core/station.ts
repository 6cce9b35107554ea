/**
 * The Station: the one object whose methods the IPC contract exposes. It owns the database and wires the modules
 * that do the work (the scan pipeline, the history, items, workflows, labels, devices), each method one line that
 * hands over to its module. Pure Node: no Electron here, so the CLI, the web host and the tests run the same code.
 */
import { dirname } from 'node:path'
import type {
  ActionResult,
  BackupInfo,
  DatabaseProblem,
  MethodArgs,
  RestoreResult,
  StationHealth,
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
  SerialPortChoice,
  WedgeCalibrationView,
  PairedPhone,
  PhoneLinkView,
} from '../contract'
import { jsonBarcode, shortBarcode } from './barcode/internal'
import { restoreFile } from './db/backups'
import { DatabaseUnusable, openCheckedDatabase, unusable } from './db/checked-open'
import { openDatabase, type Db } from './db/connection'
import { describeStorageFailure } from './db/storage-failure'
import { seedDemoIfEmpty, seedOperatorsIfNone } from './demo/seed'
import { chooseStart, firstStartOpen, openFirstStart } from './demo/first-start'
import { HistoryQuery } from './history/query'
import { Jobs } from './jobs/jobs'
import { defaultThreads, WorkerPool } from './jobs/pool'
import {
  ForbiddenError,
  isStationError,
  RemoteError,
  StorageError,
  UnavailableError,
  type StationError,
} from './errors'
import { InventreeError } from './inventree/errors'
import { ReplicaRefused } from './inventree/pull'
import { locationTree } from './items/locations'
import { LabelMethods } from './labels/label-methods'
import type { LabelSource } from './labels/layout'
import { logsDir, stderrLogger, type Logger } from './log/logger'
import { diagnosticsZip } from './diagnostics/diagnostics'
import { exportFile } from './exporting/export-file'
import { archiveRow, deleteRow } from './inventory/archive'
import { editLog } from './inventory/edit-log'
import { inventoryList } from './inventory/listing'
import type { CallerId } from './operators/caller'
import { PhoneLinkMethods } from './phone/phone-link-methods'
import type { PhoneLinkConfig } from './phone/phone-registry'
import { parsePhoneScan, type PhoneScanReply } from './phone/phones'
import { StationEvents, type StationListener } from './station-events'
import type { StationOptions } from './station-options'
import { settingDefaults } from './settings'
import type { DroppedScan, ScanInput } from './scanning/scan-pipeline'
import { StationBackups } from './station-backups'
import { StationParts } from './station-parts'

export type { LabelPrinter, StationOptions, WedgeCalibrationControl, WedgeCalibrationProvider } from './station-options'

export const STATION_VERSION = '0.1.0'

/** Least time between two attempts to open a database that failed for want of disk space. */
const RETRY_MS = 1000

export { AMBIGUOUS, MATCH, MAX_BARCODE_LENGTH, NO_MATCH } from './scanning/scan-pipeline'
export type { StationListener } from './station-events'

/** Opens (and migrates) a station's database, with the demo inventory when it is new and `demo` allows. */
export function openStationDatabase(options: StationOptions): Db {
  const db = openDatabase(options.dbPath, options)
  seed(db, options)
  return db
}

/** As openStationDatabase, after checking the file (core/db/checked-open.ts); throws DatabaseUnusable. */
function openCheckedStationDatabase(options: StationOptions): { db: Db; release: () => void } {
  const { db, release } = openCheckedDatabase(options.dbPath, options)
  try {
    seed(db, options)
  } catch (err) {
    db.close()
    release()
    throw unusable(err, options.dbPath)
  }
  return { db, release }
}

function seed(db: Db, options: StationOptions): void {
  if (options.demo === 'ask') openFirstStart(db)
  else if (options.demo ?? true) seedDemoIfEmpty(db)
  else seedOperatorsIfNone(db)
}

export class Station implements StationMethods {
  readonly dbPath: string
  readonly logger: Logger
  private readonly options: StationOptions
  private readonly events = new StationEvents()
  private readonly labels: LabelMethods
  private readonly jobs: Jobs
  private readonly nativeBinding: string | undefined
  /** Worker threads for long jobs (the bench prints it). */
  readonly jobThreads: number
  private readonly settingListeners = new Set<(key: SettingKey) => void>()
  /** The modules on the open database; null while the station is unavailable. */
  private live: StationParts | null = null
  /** Marks the clean close of the database file (see db/open-marker.ts). */
  private release: () => void = () => {}
  private problem: DatabaseProblem | null = null
  private userPlugins = false
  private lastTry = 0
  private readonly backupFiles: StationBackups
  private readonly phoneLinks: PhoneLinkMethods

  /**
   * Opens the station on its database file, checked first (core/db/checked-open.ts). A file that cannot be used
   * opens the station unavailable: it answers its health, its backups and a restore, and refuses everything else
   * with the reason and the newest good backup.
   */
  static open(options: StationOptions): Station {
    let opened: { db: Db; release: () => void }
    try {
      opened = openCheckedStationDatabase(options)
    } catch (err) {
      if (!(err instanceof DatabaseUnusable)) throw err
      return Station.unavailable(options, err)
    }
    const station = new Station(opened.db, options)
    station.release = opened.release
    if (options.startUserPlugins ?? true) station.startUserPlugins()
    return station
  }

  /** A station whose database cannot be used, for the reason given. */
  static unavailable(options: StationOptions, why: DatabaseUnusable): Station {
    const station = new Station(null, options)
    station.becomeUnavailable(why)
    return station
  }

  constructor(db: Db | null, options: StationOptions) {
    this.dbPath = options.dbPath
    this.options = options
    this.logger = options.logger ?? stderrLogger()
    this.nativeBinding = options.nativeBinding
    this.jobThreads = options.jobThreads ?? defaultThreads()
    // Each job's progress goes to the window or connection that started it only.
    this.jobs = new Jobs(
      (progress, to) => this.events.emit('jobProgress', progress, to),
      () => new WorkerPool(this.jobThreads),
    )
    this.labels = new LabelMethods(
      () => this.labelSource(),
      options.printer ?? null,
      this.jobs,
      () => this.p.settings.get('printer.desk'),
    )
    this.backupFiles = new StationBackups(options.dbPath, options.nativeBinding, this.logger)
    this.phoneLinks = new PhoneLinkMethods(
      () => this.p,
      options.phoneLink ?? null,
      () => this.p.operatorList.current()?.role === 'admin',
      (what) => this.requireAdmin(what),
    )
    if (db) this.attach(db)
  }

  private attach(db: Db): void {
    this.live = new StationParts(db, this.options, this.logger, this.events, (key) => {
      for (const listener of this.settingListeners) listener(key)
    })
    if (this.options.dailyBackups) this.backupFiles.startDaily(() => this.live)
  }

  /**
   * The modules on the database; refused with the reason while the station is unavailable. A station that could
   * not open for want of disk space tries again (at most once a second), so it answers as soon as there is room.
   */
  private get p(): StationParts {
    if (this.live) return this.live
    if (this.problem?.kind === 'disk_full' && Date.now() - this.lastTry >= RETRY_MS) {
      this.lastTry = Date.now()
      this.reopen()
      if (this.live) return this.live
    }
    throw new UnavailableError(this.problem?.message ?? 'The station database is not open')
  }

  private becomeUnavailable(why: DatabaseUnusable): void {
    this.lastTry = Date.now()
    this.problem = this.backupFiles.problem(why)
    this.logger.error('station database unavailable', { kind: why.kind, message: this.problem.message })
    this.events.emit('stationHealth', this.stationHealth())
  }

  /** Loads the user plugins into their worker and adds them to the chain. */
  startUserPlugins(): void {
    this.userPlugins = true
    this.live?.pluginChain.startUser()
  }

  stopUserPlugins(): void {
    this.userPlugins = false
    this.live?.pluginChain.stopUser()
  }

  /** One setting's value (hosts follow the scanner and wedge settings). */
  setting<K extends SettingKey>(key: K): SettingsValues[K] {
    // Hosts read the scanner settings while the station is unavailable too: they get the defaults then.
    return this.live ? this.live.settings.get(key) : settingDefaults[key]
  }

  /** Called with each changed key, after the change; returns the unsubscribe. */
  onSettingsChange(listener: (key: SettingKey) => void): () => void {
    this.settingListeners.add(listener)
    return () => this.settingListeners.delete(listener)
  }

  // ---- scanning ------------------------------------------------------------------------------------------------

  /** Resolve barcode data and log it; the result is returned only once its history row is written. */
  scan(input: ScanInput): ScanResult {
    return this.p.pipeline.scan(input)
  }

  /** Resolve many scans in one transaction (the CLI's `scan -`): each is logged before any result is returned. */
  scanMany(inputs: ScanInput[]): ScanResult[] {
    return this.p.pipeline.scanMany(inputs)
  }

  /** A scan from a device source (wedge, HID, serial): resolved, logged, then pushed to the renderer. */
  scanFromDevice(input: ScanInput): ScanResult {
    return this.p.deviceScans.scan(input)
  }

  // ---- health and backups (core/station-backups.ts) --------------------------------------------------------------

  stationHealth(): StationHealth {
    return this.problem ? { available: false, problem: this.problem } : { available: true, database: this.dbPath }
  }

  /**
   * Open scan and receiving sessions holding rows: work a restart must not interrupt (an update waits for it).
   * An empty open session holds nothing; an unavailable station has no session to protect.
   */
  openWork(): number {
    if (!this.live) return 0
    return (
      this.p.db
        .prepare<[], { n: number }>(
          "SELECT count(*) AS n FROM scansession s WHERE s.status = 'open' AND EXISTS (SELECT 1 FROM scansessionrow r WHERE r.session_id = s.id)",
        )
        .get()?.n ?? 0
    )
  }

  diagnosticsExport(): { zipBase64: string; fileName: string; files: string[] } {
    this.requireAdmin('export diagnostics')
    const db = this.p.db
    const { zip, files } = diagnosticsZip({
      db,
      logsDir: logsDir(dirname(this.dbPath)),
      settings: this.p.settings.all(),
      about: { station: this.info().version, database: this.dbPath },
    })
    this.p.operatorList.auditChange('diagnostics exported', { files: files.length })
    const stamp = new Date().toISOString().replace(/[:.]/g, '-')
    return { zipBase64: Buffer.from(zip).toString('base64'), fileName: `scan-station-diagnostics-${stamp}.zip`, files }
  }

  backups(): BackupInfo[] {
    return this.backupFiles.list()
  }

  backupNow(): Promise<BackupInfo> {
    this.requireAdmin('back up the database')
    return this.backupFiles.now(this.p.db, this.p.settings.get('backup.keep'))
  }

  /**
   * Puts a checked backup in place of the database and opens the station on it. While the station works only an
   * admin may (it replaces current data); while it is unavailable anyone at the desk may, as nothing else works
   * and the replaced file is kept aside.
   */
  restoreBackup(input: MethodArgs<'restoreBackup'>): RestoreResult {
    if (this.live) this.requireAdmin('restore a backup')
    const backup = this.backupFiles.pick(input.file)
    this.backupFiles.verify(backup)
    const who = this.live?.operatorList.peek() ?? null
    if (this.live) this.live.operatorList.auditChange('backup restored', { file: backup.file })
    this.closeDatabase()
    const damaged = this.problem?.kind === 'damaged'
    const { keptAside } = restoreFile(this.dbPath, backup.path, { nativeBinding: this.options.nativeBinding, damaged })
    this.logger.info('backup restored', { file: backup.path, keptAside, by: who?.name ?? null })
    this.reopen()
    return { restored: backup, keptAside, health: this.stationHealth() }
  }

  /** Opens the database again (after a restore); the station is unavailable again if that fails. */
  private reopen(): void {
    try {
      const opened = openCheckedStationDatabase(this.options)
      this.problem = null
      this.attach(opened.db)
      this.release = opened.release
      if (this.userPlugins) this.live?.pluginChain.startUser()
      this.events.emit('stationHealth', this.stationHealth())
    } catch (err) {
      if (!(err instanceof DatabaseUnusable)) throw err
      this.becomeUnavailable(err)
    }
  }

  private closeDatabase(): void {
    const live = this.live
    this.live = null
    this.backupFiles.stopDaily()
    if (!live) return
    live.close()
    this.release()
    this.release = () => {}
  }

  // ---- external barcodes ---------------------------------------------------------------------------------------

  /** Link a barcode printed by someone else to an item, refusing one that already means something. */
  link(input: MethodInput<'link'>): LinkResult {
    return this.queued(() => this.p.linkActions.link(input))
  }

  unlink(input: MethodInput<'unlink'>): MethodOutputs['unlink'] {
    return this.queued(() => this.p.linkActions.unlink(input))
  }

  // ---- reads ---------------------------------------------------------------------------------------------------

  getItem(input: MethodInput<'getItem'>): ItemDetail {
    const built = this.p.details.build(input.model, input.pk)
    const json = jsonBarcode(input.model, input.pk)
    const short = shortBarcode(input.model, input.pk, this.p.settings.get('barcode.prefix'))
    const preferred = this.p.settings.get('barcode.form') === 'short' && short ? short : json
    return {
      model: input.model,
      pk: input.pk,
      ...built,
      barcode: { json, short, preferred },
      linked: this.p.links.linked(input.model, input.pk),
    }
  }

  search(input: MethodInput<'search'>): SearchHit[] {
    return this.p.searcher.find(input.query, input.limit)
  }

  locationTree(): LocationNode[] {
    return locationTree(this.p.db)
  }

  history(input: MethodInput<'history'>): HistoryEntry[] {
    return this.p.log.list(input.limit ?? 100, input.beforeId)
  }

  historyQuery(input: MethodInput<'historyQuery'>): MethodOutputs['historyQuery'] {
    const page = new HistoryQuery(this.p.db).page(input.filter, input.offset, input.limit)
    // The admin reads which item, not its pk: each row of the page gets the item's name as it is now.
    const refs = this.p.refs
    for (const row of page.rows)
      row.itemName = row.model && row.pk !== null ? (refs.get(row.model, row.pk)?.name ?? null) : null
    return page
  }

  historyStats(input: MethodInput<'historyStats'>): MethodOutputs['historyStats'] {
    return new HistoryQuery(this.p.db).stats(input.filter)
  }

  /** A long job: the CSV is written in a worker, over a read-only connection of its own. */
  async historyExport(input: MethodInput<'historyExport'>): Promise<MethodOutputs['historyExport']> {
    // The history says who scanned what and when at every desk: the admin decides who takes a copy away.
    const by = this.p.settings.get('history.exportBy')
    if (by === 'admin') this.requireAdmin('export the scan history')
    else if (by === 'operators' && !this.p.operatorList.peek())
      throw new ForbiddenError('Sign in to export the scan history')
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
    // Refused at once while the station is unavailable, before a worker opens the file.
    const db = this.p.db
    return this.jobs.run('historyExport', jobId, async (job) => {
      // An in-memory database (tests, a scratch CLI run) cannot be opened a second time: it is read here.
      if (this.dbPath === ':memory:')
        return new HistoryQuery(db).csv(filter, {
          limit,
          onProgress: (done, total) => job.progress('export', done, total),
        })
      return job.inWorker({ kind: 'historyCsv', dbPath: this.dbPath, nativeBinding: this.nativeBinding, filter, limit })
    })
  }

  info(): StationInfo {
    const count = (table: string): number =>
      (this.p.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
    return {
      version: STATION_VERSION,
      database: this.dbPath,
      operator: this.p.operatorList.peek(),
      adminPinSet: this.p.operatorList.adminPinSet(),
      firstStart: firstStartOpen(this.p.db),
      historyEnabled: this.p.settings.get('history.store'),
      counts: {
        parts: count('part'),
        stockItems: count('stockitem'),
        locations: count('stocklocation'),
        scans: this.p.log.total(),
      },
    }
  }

  chooseStart(input: MethodInput<'chooseStart'>): StationInfo {
    chooseStart(this.p.db, input.start)
    this.p.operatorList.auditChange('first start chosen', { start: input.start })
    return this.info()
  }

  // ---- settings, plugins, operators ------------------------------------------------------------------------------

  getSettings(): SettingsValues {
    return this.p.settings.all()
  }

  setSettings(input: MethodInput<'setSettings'>): SettingsValues {
    return this.p.adminSettings.set(input)
  }

  /** Every plugin in resolution order, disabled ones in the place they would take; failed user plugins last. */
  plugins(): PluginInfo[] {
    return this.p.pluginChain.list()
  }

  purgeHistory(): { deleted: number } {
    this.requireAdmin('purge the scan history')
    const deleted = this.p.log.purge()
    this.p.operatorList.auditChange('history purged', { deleted })
    return { deleted }
  }

  operators(): OperatorChoice[] {
    return this.p.operatorList.list()
  }

  /** Signs in the calling window or connection only (core/operators/caller.ts). */
  signIn(input: MethodInput<'signIn'>): Promise<Operator> {
    return this.p.operatorList.signIn(input)
  }

  signOut(): { signedOut: boolean } {
    return this.p.operatorList.signOut()
  }

  /** The admin exit: hosts hear `deskExitGranted` (the desktop app quits, even in desk mode). */
  async deskExit(input: MethodInput<'deskExit'>): Promise<{ granted: true }> {
    const admin = await this.p.operatorList.confirmAdmin(input.badge, input.pin)
    this.events.emit('deskExitGranted', { by: admin.name })
    return { granted: true }
  }

  setPin(input: MethodInput<'setPin'>): Promise<{ set: true }> {
    return this.p.operatorList.setPin(input)
  }

  /** A host's window closed or a connection dropped: whoever was signed in there is signed out. */
  endCaller(caller: CallerId): void {
    this.live?.operatorList.endCaller(caller)
    this.jobs.endCaller(caller)
  }

  private requireAdmin(what: string): void {
    this.p.operatorList.requireAdmin(what)
  }

  // ---- workflows: sessions and stock actions (core/actions/workflow-service.ts) -----------------------------------

  sessionStart(input: MethodInput<'sessionStart'>): SessionView {
    return this.p.workflows.sessionStart(input)
  }

  sessionCurrent(input: MethodInput<'sessionCurrent'>): SessionView | null {
    return this.p.workflows.sessionCurrent(input)
  }

  sessionAdd(input: MethodInput<'sessionAdd'>): SessionUpdate {
    const update = this.p.workflows.sessionAdd(input)
    if (input.scanId !== undefined && update.row) this.p.claims.claimed(input.scanId, update.row)
    return update
  }

  sessionRemoveRow(input: MethodInput<'sessionRemoveRow'>): SessionHeader {
    return this.p.workflows.sessionRemoveRow(input)
  }

  sessionUpdateRow(input: MethodInput<'sessionUpdateRow'>): SessionRow {
    return this.p.workflows.sessionUpdateRow(input)
  }

  sessionClear(input: MethodInput<'sessionClear'>): SessionHeader {
    return this.p.workflows.sessionClear(input)
  }

  sessionDrop(input: MethodInput<'sessionDrop'>): SessionHeader {
    return this.p.workflows.sessionDrop(input)
  }

  sessionCommit(input: MethodInput<'sessionCommit'>): MethodOutputs['sessionCommit'] {
    return this.queued(() => this.p.workflows.sessionCommit(input))
  }

  receiptUndo(input: MethodInput<'receiptUndo'>): MethodOutputs['receiptUndo'] {
    return this.queued(() => this.p.workflows.receiptUndo(input))
  }

  receivableOrders(_input: MethodInput<'receivableOrders'>): MethodOutputs['receivableOrders'] {
    return this.p.workflows.receivableOrders()
  }

  stockAction(input: MethodInput<'stockAction'>): ActionResult {
    return this.queued(() => this.p.workflows.stockAction(input))
  }

  undo(input: MethodInput<'undo'>): ActionResult {
    return this.queued(() => this.p.workflows.undo(input))
  }

  // ---- supplier parts from labels -------------------------------------------------------------------------------

  suppliers(): ItemRef[] {
    return this.p.supplierParts.suppliers()
  }

  /**
   * Makes the supplier part a label names (SKU, MPN, manufacturer from its fields), for an existing part or a
   * new one, in one transaction; the same label then resolves to it.
   */
  createSupplierPart(input: MethodInput<'createSupplierPart'>): MethodOutputs['createSupplierPart'] {
    return this.queued(() => this.p.supplierParts.create(input))
  }

  // ---- the station's own inventory (core/inventory, core/importing, core/exporting) ------------------------------

  inventoryList(input: MethodArgs<'inventoryList'>): MethodOutputs['inventoryList'] {
    return inventoryList(this.p.db, input)
  }

  savePart(input: MethodArgs<'savePart'>): ItemRef {
    return this.p.editor.save('part', input.pk, input.fields, this.p.guard.actor('change parts'))
  }

  saveCategory(input: MethodArgs<'saveCategory'>): ItemRef {
    return this.p.editor.save('partcategory', input.pk, input.fields, this.p.guard.actor('change part categories'))
  }

  saveLocation(input: MethodArgs<'saveLocation'>): ItemRef {
    return this.p.editor.save('stocklocation', input.pk, input.fields, this.p.guard.actor('change stock locations'))
  }

  saveCompany(input: MethodArgs<'saveCompany'>): ItemRef {
    return this.p.editor.save('company', input.pk, input.fields, this.p.guard.actor('change companies'))
  }

  saveSupplierPart(input: MethodArgs<'saveSupplierPart'>): ItemRef {
    return this.p.editor.save('supplierpart', input.pk, input.fields, this.p.guard.actor('change supplier parts'))
  }

  saveManufacturerPart(input: MethodArgs<'saveManufacturerPart'>): ItemRef {
    return this.p.editor.save(
      'manufacturerpart',
      input.pk,
      input.fields,
      this.p.guard.actor('change manufacturer parts'),
    )
  }

  savePurchaseOrder(input: MethodArgs<'savePurchaseOrder'>): ItemRef {
    const actor = this.p.guard.actor('change purchase orders')
    if (input.pk !== undefined) this.p.orders.requirePending(input.pk)
    return this.p.editor.save('purchaseorder', input.pk, input.fields, actor)
  }

  saveOrderLine(input: MethodArgs<'saveOrderLine'>): MethodOutputs['saveOrderLine'] {
    return this.p.orders.saveLine(input, this.p.guard.actor('change purchase order lines'))
  }

  orderStatus(input: MethodArgs<'orderStatus'>): MethodOutputs['orderStatus'] {
    return this.p.orders.setStatus(input, this.p.guard.actor(`${input.action} purchase orders`))
  }

  archiveItem(input: MethodArgs<'archiveItem'>): { archived: boolean } {
    archiveRow(this.p.db, input.model, input.pk, input.archived, this.p.guard.actor('archive inventory'))
    return { archived: input.archived }
  }

  deleteItem(input: MethodArgs<'deleteItem'>): { deleted: true } {
    deleteRow(this.p.db, input.model, input.pk, this.p.guard.actor('delete inventory'))
    return { deleted: true }
  }

  editLog(input: MethodArgs<'editLog'>): MethodOutputs['editLog'] {
    return editLog(this.p.db, input)
  }

  importPrepare(input: MethodArgs<'importPrepare'>): Promise<MethodOutputs['importPrepare']> {
    this.p.guard.actor('import inventory')
    return this.p.imports.prepare(input.kind, input.fileName, Buffer.from(input.content, 'base64'))
  }

  importValidate(input: MethodArgs<'importValidate'>): Promise<MethodOutputs['importValidate']> {
    this.p.guard.actor('import inventory')
    return this.p.imports.validate(input.job, input.mapping)
  }

  importCommit(input: MethodArgs<'importCommit'>): MethodOutputs['importCommit'] {
    return this.p.imports.commit(input.job, this.p.guard.actor('import inventory'))
  }

  importCancel(input: MethodArgs<'importCancel'>): { cancelled: boolean } {
    return this.p.imports.cancel(input.job)
  }

  async exportData(input: MethodArgs<'exportData'>): Promise<MethodOutputs['exportData']> {
    const file = await exportFile(this.p.db, input.kind, input.format, input.filter)
    return { fileName: file.fileName, content: file.bytes.toString('base64'), rows: file.rows }
  }

  // ---- scanner devices -------------------------------------------------------------------------------------------

  devices(): DeviceStatus[] {
    return this.p.deviceScans.list()
  }

  serialPorts(): Promise<SerialPortChoice[]> {
    return this.p.deviceScans.serialPorts()
  }

  calibrateWedge(input: MethodInput<'calibrateWedge'>): WedgeCalibrationView {
    return this.p.deviceScans.calibrateWedge(input)
  }

  // ---- the phone link (core/phone): the admin's methods, then the host server's -------------------------------

  phoneLink(): PhoneLinkView {
    return this.phoneLinks.view()
  }

  setPhoneLink(input: MethodInput<'setPhoneLink'>): Promise<PhoneLinkView> {
    return this.phoneLinks.set(input)
  }

  revokePhone(input: MethodInput<'revokePhone'>): PhoneLinkView {
    return this.phoneLinks.revoke(input)
  }

  /** What the host's phone-link server is to do (read when it boots); off while the station is unavailable. */
  phoneLinkConfig(): PhoneLinkConfig {
    return this.live ? this.live.phoneRegistry.config() : { enabled: false, address: '', port: 0 }
  }

  /** Whether a page request carries the pairing secret the desk shows now (the page is served only then). */
  pairingSecretValid(secret: unknown): boolean {
    return this.live?.pairing.valid(secret) ?? false
  }

  /** Pairs a phone with the QR code's one-time secret; its token is returned this once. */
  pairPhone(secret: unknown, name: unknown): { phone: PairedPhone; token: string } {
    return this.p.phones.pair(secret, name)
  }

  /** The paired, unrevoked phone holding this token, or null. */
  phoneByToken(token: string): PairedPhone | null {
    return this.live?.phones.authenticate(token) ?? null
  }

  /** A phone's scan (its message checked here): scanned as a device scan once per phone-made id. */
  scanFromPhone(phone: PairedPhone, message: unknown): Promise<PhoneScanReply> {
    return this.p.phones.receive(phone, parsePhoneScan(message))
  }

  /** A device manager's news: kept for pages that open later, and pushed to the renderer now. */
  reportDevice(status: DeviceStatus): void {
    // A page's wedge closing after the station closed (or while it is unavailable) has nobody to tell.
    this.live?.deviceScans.report(status)
  }

  /** A scan an unplug cut off: logged as an error (never merged with the next scan) and shown to the user. */
  reportDroppedScan(dropped: DroppedScan): void {
    this.p.deviceScans.dropped(dropped)
  }

  // ---- labels ----------------------------------------------------------------------------------------------------

  /** What the label functions need of this station: item details and the label settings as they are now. */
  labelSource(): LabelSource {
    return {
      item: (model, pk) => this.getItem({ model, pk }),
      generator: this.p.settings.get('barcode.generationPlugin'),
      showText: this.p.settings.get('barcode.showText'),
    }
  }

  labelTemplates(input: MethodInput<'labelTemplates'>): Promise<LabelTemplateInfo[]> {
    return this.labels.templates(input.model, input.items)
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

  printerStatus(input: MethodInput<'printerStatus'>): Promise<MethodOutputs['printerStatus']> {
    return this.labels.printerStatus(input)
  }

  // ---- the InvenTree server (core/inventree/desk-sync.ts) --------------------------------------------------------

  inventreeStatus(): SyncStatus {
    return this.p.desk.status()
  }

  inventreeConnect(input: MethodInput<'inventreeConnect'>): Promise<SyncStatus> {
    this.requireAdmin('connect the station to an InvenTree server')
    const { url, ...login } = input
    return fromServer(() => this.p.desk.connect(url, login))
  }

  inventreeDisconnect(): SyncStatus {
    this.requireAdmin('disconnect the station from its InvenTree server')
    return this.p.desk.disconnect()
  }

  inventreeSync(input: MethodInput<'inventreeSync'>): Promise<SyncSummaryView> {
    return fromServer(() => this.p.desk.sync(input.full ?? false))
  }

  inventreeOutbox(input: MethodInput<'inventreeOutbox'>): OutboxItem[] {
    return this.p.desk.list(input.states, input.limit)
  }

  inventreeResolve(input: MethodInput<'inventreeResolve'>): OutboxItem {
    if (input.action === 'retry') return this.p.desk.retry(input.id)
    this.requireAdmin(input.action === 'edit' ? 'change a parked desk action' : 'discard a parked desk action')
    if (input.action === 'edit')
      return this.p.desk.edit(input.id, { quantity: input.quantity, location: input.location })
    return this.p.desk.discard(input.id)
  }

  /** A desk action that may have queued a row for the server: the sync worker hears of it. */
  private queued<T>(act: () => T): T {
    const result = act()
    this.p.desk.kick()
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

  /**
   * What a failure of the database file means for the person: a full disk or a read-only file as a storage error
   * naming the file and the cause; a file found damaged while in use makes the station unavailable (nothing more
   * is answered from it). Null for any other failure.
   */
  explainFailure(err: unknown): StationError | null {
    if (isStationError(err)) return err
    const failure = describeStorageFailure(err, this.dbPath)
    if (!failure) return null
    if (failure.kind !== 'damaged') return new StorageError(failure.message)
    if (this.live) {
      this.closeDatabase()
      this.becomeUnavailable(new DatabaseUnusable('damaged', failure.message))
    }
    return new UnavailableError(this.problem?.message ?? failure.message)
  }

  /** Hosts (the CLI) wait for a backup under way before closing, so it is not cut short. */
  settled(): Promise<void> {
    return this.backupFiles.settled()
  }

  close(): void {
    // The workers are terminated; nothing waits for them, so a closing CLI exits at once.
    void this.jobs.close().catch((err: unknown) => this.logger.error('stopping the job workers failed', err))
    this.events.clear()
    this.settingListeners.clear()
    this.closeDatabase()
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
