/**
 * The Station's modules that work on its database, built together from one open connection: a restore closes
 * them all and builds them again on the restored file, while the Station (its listeners, its hosts) stays.
 */
import { dirname, join } from 'node:path'
import type { SettingKey } from '../contract'
import { WorkflowService } from './actions/workflow-service'
import { PluginChain } from './barcode/plugin-chain'
import type { Db } from './db/connection'
import { DeskSync } from './inventree/desk-sync'
import { FileTokenStore, MemoryTokenStore, tokenFileFor } from './inventree/token-store'
import { ImportJobs } from './importing/import-jobs'
import { EditGuard } from './inventory/edit-guard'
import { InventoryEditor } from './inventory/editor'
import { Orders } from './inventory/orders'
import { RecentScans } from './history/recent-scans'
import { ScanLog } from './history/scan-log'
import { ScanRecorder } from './history/scan-recorder'
import { BarcodeLinks } from './items/barcode-links'
import { ItemDetails } from './items/detail'
import { LinkActions } from './items/link-actions'
import { ItemRefs } from './items/refs'
import { ScanClaims } from './phone/scan-claims'
import { Search } from './items/search'
import { SupplierParts } from './items/supplier-parts'
import type { Logger } from './log/logger'
import { AdminSettings } from './operators/admin-settings'
import { Operators } from './operators/operators'
import { Devices } from './scanning/devices'
import { PairingOffer } from './phone/pairing-offer'
import { PhoneRegistry } from './phone/phone-registry'
import { Phones } from './phone/phones'
import { ScanPipeline } from './scanning/scan-pipeline'
import { Settings } from './settings'
import type { StationEvents } from './station-events'
import type { StationOptions } from './station-options'

export class StationParts {
  readonly settings: Settings
  readonly log: ScanLog
  readonly details: ItemDetails
  /** Items' names by model and pk (the history names the item each scan matched). */
  readonly refs: ItemRefs
  /** The rows workflows made of device scans, which a phone waits for to signal the desk's decision. */
  readonly claims = new ScanClaims()
  readonly searcher: Search
  readonly pluginChain: PluginChain
  readonly pipeline: ScanPipeline
  readonly workflows: WorkflowService
  readonly deviceScans: Devices
  readonly operatorList: Operators
  readonly adminSettings: AdminSettings
  readonly links: BarcodeLinks
  readonly linkActions: LinkActions
  readonly supplierParts: SupplierParts
  readonly desk: DeskSync
  readonly guard: EditGuard
  readonly editor: InventoryEditor
  readonly orders: Orders
  readonly imports: ImportJobs
  readonly phoneRegistry: PhoneRegistry
  readonly pairing = new PairingOffer()
  readonly phones: Phones
  private readonly unwatch: () => void

  constructor(
    readonly db: Db,
    options: StationOptions,
    logger: Logger,
    events: StationEvents,
    onSettingChange: (key: SettingKey) => void,
  ) {
    this.settings = new Settings(db)
    this.log = new ScanLog(db, () => this.settings.get('desk.name'))
    const refs = new ItemRefs(db)
    this.refs = refs
    this.details = new ItemDetails(db)
    this.searcher = new Search(db)
    this.operatorList = new Operators(db, this.settings, { logger, ...options.auth })
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
      deskName: () => this.settings.get('desk.name'),
      // A desk location that was since deleted is no location: the bag then waits for one to be scanned.
      deskLocation: () => {
        const pk = this.settings.get('desk.location')
        return pk > 0 && refs.get('stocklocation', pk) ? pk : null
      },
    })
    this.adminSettings = new AdminSettings(this.settings, this.operatorList, () => this.log.total())
    const unwatchEvents = events.watch(this.settings)
    const unwatchHosts = this.settings.onChange(onSettingChange)
    this.unwatch = () => {
      unwatchEvents()
      unwatchHosts()
    }
    this.desk = new DeskSync({
      db,
      tokens:
        options.inventreeTokens ??
        (options.dbPath === ':memory:' ? new MemoryTokenStore() : new FileTokenStore(tokenFileFor(options.dbPath))),
      logger,
      intervalMs: options.syncIntervalMs ?? 30_000,
      kickDelayMs: options.syncKickDelayMs,
      timeoutMs: options.inventreeTimeoutMs,
      onStatus: (status) => events.emit('syncStatus', status),
    })
    this.desk.start()
    this.guard = new EditGuard(db, this.operatorList, () => this.desk.status().connected)
    this.editor = new InventoryEditor(db, refs)
    this.orders = new Orders(db, refs)
    this.imports = new ImportJobs(db, (job, rows, fraction, done) =>
      events.emit('importProgress', { job, rows, fraction, done }),
    )
    this.deviceScans = new Devices(this.pipeline, events.emit, this.operatorList, options.wedgeCalibration ?? null)
    this.phoneRegistry = new PhoneRegistry(db)
    // A phone is one more scanner at the desk: its scans take the device path, with the phone's name as device.
    this.phones = new Phones(
      this.phoneRegistry,
      this.pairing,
      (data, phone) => this.deviceScans.scan({ data, source: 'phone', device: phone.name }),
      Date.now,
      // Only an open scan page or receipt claims scans: without one the phone hears its answer at once.
      (resultId) =>
        db.prepare("SELECT 1 FROM scansession WHERE status = 'open' LIMIT 1").get() === undefined
          ? Promise.resolve(null)
          : this.claims.waitFor(resultId),
    )
  }

  close(): void {
    this.imports.close()
    this.desk.close()
    this.unwatch()
    this.pluginChain.stop()
    this.db.close()
  }
}
