/**
 * What a workflow is to the session store: how each kind of scan changes its session, what its header shows and
 * how it commits. The session store (../sessions.ts) owns the tables and the lifecycle every workflow shares
 * (start, drop, clear, rows); a strategy holds only what makes its workflow different.
 */
import type {
  CreatedStockItem,
  ItemRef,
  ModelType,
  ReceiptLine,
  ScanResult,
  SessionKind,
  SessionRow,
} from '../../../contract'
import type { Db } from '../../db/connection'
import type { ItemRefs } from '../../items/refs'
import type { ActionContext, StockActions } from '../stock-actions'

export type RowFlag = SessionRow['flag']

export interface SessionRecord {
  id: number
  kind: SessionKind
  status: 'open' | 'committed' | 'dropped'
  purchase_order_id: number | null
  location_id: number | null
}

export interface RowRecord {
  id: number
  scan_id: number | null
  data: string
  hash: string
  model_type: string | null
  pk: number | null
  line_id: number | null
  quantity: number | null
  lot: string
  date_code: string
  expiry: string | null
  location_id: number | null
  flag: RowFlag
  note: string
}

/** The item a scan matched, as a session sees it. */
export interface ScanMatchOf {
  model: ModelType
  item: ItemRef
}

export type CreatedStock = CreatedStockItem

/** What the session store lends a strategy: its tables and the steps every workflow may take. */
export interface SessionTools {
  readonly db: Db
  readonly refs: ItemRefs
  readonly actions: StockActions
  /** The desk's own receiving location (the `desk.location` setting), or null when none is set. */
  deskLocation(): number | null
  /** Writes a row for a scan; the flag must be one the session's workflow declares. */
  insertRow(session: SessionRecord, result: ScanResult, values: Partial<RowRecord>): number
  /** Sets the purchase order a session works on, refusing one that cannot be received. */
  setOrder(sessionId: number, purchaseOrder: number): void
  /** Lets the session's workflow recompute its row flags (after rows or the order changed). */
  reflag(sessionId: number): void
}

/** A step a scan of one model takes instead of adding a row; returns the message shown to the user. */
export type SteerStep = (tools: SessionTools, session: SessionRecord, item: ItemRef) => string

export interface WorkflowStrategy {
  readonly kind: SessionKind
  /** The row flags this workflow writes; the store refuses any other, so a flag a page cannot show never lands. */
  readonly flags: readonly RowFlag[]
  /** Scans that steer the session (a location, an order) rather than add a row, by the model they match. */
  readonly steer: Partial<Record<ModelType, SteerStep>>
  /** Adds a row for any other scan (matched or not); returns the row's id. */
  addScan(tools: SessionTools, session: SessionRecord, result: ScanResult, match: ScanMatchOf | null): number
  /** Recomputes flags that depend on other rows; absent when no flag does. */
  reflag?(tools: SessionTools, session: SessionRecord): void
  /** The lines the header shows (a receipt's order lines); empty when the workflow has none. */
  lines(tools: SessionTools, session: SessionRecord): ReceiptLine[]
  /**
   * The question a commit must have answered first (rows that need a look, and what becomes of them), or null when
   * the commit may go ahead without asking.
   */
  confirmation?(tools: SessionTools, session: SessionRecord): string | null
  /** Does what committing means for this workflow, inside the commit's transaction; returns stock it created. */
  commit(tools: SessionTools, session: SessionRecord, ctx: ActionContext): CreatedStock[]
  /** The message after a commit by its command barcode. */
  committedMessage(created: CreatedStock[]): string
}
