/**
 * The station's domain as the contract names it: model types, items, scan results, history entries, sessions and
 * device facts. Types only (and the few constant lists they derive from), so the renderer can import them freely.
 */

import type { StationCommand } from '../../src-shared/commands'
import type { ModelType } from '../../src-shared/models'

export { modelTypes, type ModelType } from '../../src-shared/models'

export const scanSources = ['manual', 'wedge', 'hid', 'serial', 'webcam', 'cli', 'api', 'phone'] as const
export type ScanSource = (typeof scanSources)[number]

/** Largest payload a caller may send; bigger input is refused before it reaches the Station. */
export const MAX_SCAN_INPUT = 1_000_000

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
  /** Set when the barcode was an operator's badge: that operator is now signed in, unless `pinRequired`. */
  operator?: Operator
  /** The badge's operator needs their PIN: not signed in by the scan, the page asks for it. */
  pinRequired?: true
}

/**
 * What a scan turned out to be. Callers branch on this, never on message text or plugin names:
 * - matched: one item (`match` names it; InvenTree's `<model>: {...}` key carries it too);
 * - command: a command-sheet barcode (`command`); operator: an operator's badge, now signed in (`operator`);
 * - no_match: nothing known (`recognised_by` / `problem` may say what the data was read as);
 * - ambiguous: several items match (`candidates`); error: the data was refused before matching.
 */
export type ScanOutcome = 'matched' | 'command' | 'operator' | 'no_match' | 'ambiguous' | 'error'

/**
 * How a match was made: the item's internal barcode, an external barcode linked to it, or a label read by its
 * content (a supplier label, GS1, a user plugin).
 */
export type MatchVia = 'internal' | 'linked' | 'label'

/** The one item a scan matched. */
export interface ScanMatchRef {
  model: ModelType
  pk: number
  via: MatchVia
}

// `never` on the other reply's key lets a caller read either key of any result (`result.error ?? …`).
/** InvenTree's success reply: `success` and the plugin that answered. */
type Success = ScanResultBase & { success: string; error?: never; plugin: string } & Partial<Record<ModelType, ItemRef>>
/** InvenTree's error reply: `error`, and the plugin that decided it, if any. */
type Failure = ScanResultBase & { error: string; success?: never; plugin: string | null }

export type ScanItemMatch = Success & { outcome: 'matched'; match: ScanMatchRef }
export type ScanCommandResult = Success & { outcome: 'command'; match: null; command: StationCommand }
export type ScanBadgeResult = Success & { outcome: 'operator'; match: null; operator: Operator }
export type ScanNotFound = Failure & { outcome: 'no_match'; match: null; plugin: null }
export type ScanAmbiguous = Failure & {
  outcome: 'ambiguous'
  match: null
  candidates: (ItemRef & { model: ModelType })[]
}
export type ScanRefused = Failure & { outcome: 'error'; match: null; plugin: null }

/** The results that carry InvenTree's `success` key. */
export type ScanMatch = ScanItemMatch | ScanCommandResult | ScanBadgeResult
/** The results that carry InvenTree's `error` key. */
export type ScanNoMatch = ScanNotFound | ScanAmbiguous | ScanRefused

/** A scan result, discriminated by `outcome`. */
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
  /** The desk that logged it (its `desk.name` then); null for rows from before desks were named. */
  desk: string | null
  plugin: string | null
  result: 'match' | 'no_match' | 'error'
  model: ModelType | null
  pk: number | null
  /** In the history review: the matched item's name as it is now (null when the item is gone). */
  itemName?: string | null
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
  /** Distinct operators, plugins and desks in the history, for the filter pickers. */
  operators: string[]
  plugins: string[]
  desks: string[]
}

export interface StationInfo {
  version: string
  database: string
  operator: Operator | null
  /** False on a new station until its first start set the admin PIN: the UI asks for it before anything else. */
  adminPinSet: boolean
  /**
   * True on a brand-new station until someone chose how it starts: the demo inventory, an empty station, or a desk
   * for an InvenTree server. The UI asks before anything else.
   */
  firstStart: boolean
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
  /** What went wrong with a loaded user plugin since (it overran or ran out of memory and was restarted). */
  problem?: string
  /** A supplier plugin's supplier, matched by this name unless `suppliers.companies` names its company. */
  supplier?: string
}

export interface Operator {
  id: number
  name: string
  /** An editor maintains the inventory (parts, locations, orders) but not the station's settings. */
  role: 'operator' | 'editor' | 'admin'
}

/** An operator as the sign-in dialog lists them: whether signing in asks for their PIN. */
export interface OperatorChoice extends Operator {
  needsPin: boolean
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
  /** How much more than ordered this receipt would bring in; 0 when within the order. */
  over: number
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
  created?: CreatedStockItem[]
  /**
   * A commit that waits for a yes: the question (which rows are flagged and what happens to them). The commit
   * button's dialog asks it; the Confirm command barcode, scanned next, answers it.
   */
  confirm?: string
}

/** A stock item a commit created, named as the clerk reads it in the commit's summary. */
export interface CreatedStockItem {
  stockitem: number
  /** In the part's units (packs converted). */
  quantity: number
  location: number | null
  locationName: string
  part: string
  units: string
  /** The supplier's part number (SKU) of the bag. */
  sku: string
}

/** What undoing a committed receipt did. */
export interface ReceiptUndone {
  summary: string
  /** The receipt open again with its rows, to be fixed and committed again; null when another receipt is open. */
  session: SessionView | null
}

/** A placed purchase order the receiving page offers to pick. */
export interface ReceivableOrder {
  order: ItemRef
  supplier: string
  supplierReference: string
  lines: number
  /** Lines not fully received yet. */
  openLines: number
}

export type { StationCommand } from '../../src-shared/commands'

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
  /** When done: what the scanner did while typing the label (timing, terminator, Shift). */
  measured: ScannerMeasurement | null
}

/** A serial port a scanner may be on, as the operating system lists it. */
export interface SerialPortChoice {
  path: string
  manufacturer: string | null
  serialNumber: string | null
  vendorId: string | null
  productId: string | null
}

/** A scanner measured while it typed the setup label. */
export interface ScannerMeasurement {
  /** Keys pressed (modifiers not counted). */
  keys: number
  /** Milliseconds between two key presses: the median and the longest. */
  gapMs: { median: number; max: number }
  /** What the scanner ended the scan with. */
  terminator: 'Enter' | 'Tab' | 'none'
  /** Whether capitals came with Shift (or Caps Lock): `missing` means they arrive lower-cased. */
  shift: 'sent' | 'missing' | 'unknown'
  /** Keys pressed with Ctrl (how the scanner sends GS, RS and EOT). */
  controlKeys: number
}

/** The long jobs a caller can follow and cancel (each one runs off the main thread, in the worker pool). */
export const jobKinds = ['labelPdf', 'printLabels', 'historyExport'] as const
export type JobKind = (typeof jobKinds)[number]
/** queued: waiting for a free worker; gather: reading the items; verify: laying out and re-scanning each label. */
export type JobPhase = 'queued' | 'gather' | 'verify' | 'render' | 'export'

/** How far a long job is: `done` of `total` in its current phase (each phase counts from 0 again). */
export interface JobProgress {
  jobId: string
  kind: JobKind
  phase: JobPhase
  done: number
  total: number
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

export interface DeviceStatus {
  id: string
  kind: 'wedge' | 'hid' | 'serial'
  name: string
  state: 'connected' | 'disconnected' | 'error'
  message?: string
}

/** Why a backup was made. */
export type BackupReason = 'daily' | 'migration' | 'manual'

/** One copy of the database in the backups folder beside it. */
export interface BackupInfo {
  /** File name inside the backups folder: what `restoreBackup` takes. */
  file: string
  path: string
  /** ISO 8601, UTC. */
  createdAt: string
  reason: BackupReason
  bytes: number
}

/** What is wrong with the station's database file, in words a person can act on. */
export interface DatabaseProblem {
  kind: 'damaged' | 'too_new' | 'read_only' | 'unreadable' | 'disk_full'
  /** Names the file and the cause, and the newest good backup when one is needed. */
  message: string
  database: string
  /** The newest backup that passed its check; null when there is none (or none is needed). */
  newestGoodBackup: BackupInfo | null
}

/** Whether the station can answer from its database; when not, why (every database call answers `unavailable`). */
export type StationHealth = { available: true; database: string } | { available: false; problem: DatabaseProblem }

export interface RestoreResult {
  restored: BackupInfo
  /** The files the restore moved aside (the database it replaced and its journal), never deleted. */
  keptAside: string[]
  health: StationHealth
}

/** What a phone hears back for each scan: the outcome the desk decided, for its beep and vibration. */
/** A phone scan's outcome as the desk decided it; `warning` is a row a workflow flagged (over-receipt, not on the order). */
export type PhoneScanOutcome = 'matched' | 'unknown' | 'duplicate' | 'warning' | 'error'

/** A phone paired with the station's phone link. */
export interface PairedPhone {
  id: number
  name: string
  pairedAt: string
  lastSeen: string | null
  revokedAt: string | null
}

/** The phone link as the admin's panel shows it. */
export interface PhoneLinkView {
  enabled: boolean
  /** The address it listens on ('' until an admin picks one). */
  address: string
  port: number
  /** This machine's addresses to choose from (loopback included, for a phone emulated on the desk itself). */
  addresses: string[]
  /** While listening: its origin and the SHA-256 fingerprint of its certificate, for the person to compare. */
  listening: { origin: string; fingerprint: string } | null
  /** The pairing URL with its one-time secret (the QR code's text); shown to an admin only, while listening. */
  pairingUrl: string | null
  /** Why it is not listening although enabled (the address is gone, the port is taken…). */
  problem: string | null
  phones: PairedPhone[]
}
