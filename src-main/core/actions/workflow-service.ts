/**
 * The workflow face of the Station: sessions (scan page, receiving) and the stock actions done from them. Scans
 * reach it already resolved: by their result id it takes the very result the resolver made, from the Station's
 * memory of recent results, so a device scan claimed by a page is never resolved a second time.
 */
import type {
  ActionResult,
  ReceiptUndone,
  ReceivableOrder,
  MethodInput,
  MethodOutputs,
  ScanResult,
  ScanSource,
  SessionHeader,
  SessionRow,
  SessionUpdate,
  SessionView,
} from '../../contract'
import type { Db } from '../db/connection'
import { ConflictError, NotFoundError } from '../errors'
import { loggedScan, type LoggedScanRow } from '../history/logged-scan'
import { RECENT_SCANS, type RecentScans } from '../history/recent-scans'
import type { ItemRefs } from '../items/refs'
import { undoReceipt } from './receipt-undo'
import { receivableOrders } from './receivable-orders'
import { Sessions } from './sessions'
import { StockActions, type ActionContext } from './stock-actions'

export interface WorkflowServiceOptions {
  db: Db
  refs: ItemRefs
  /** The Station's recent results, by result id. */
  recent: RecentScans
  /** Resolves and logs data sent with the session call itself (the CLI, scripts). */
  scan(input: { data: string; source: ScanSource }): ScanResult
  /** Who is signed in now: sign-in belongs to the Station, and an action names the operator of its moment. */
  currentOperatorId(): number | null
  /** This desk's name, recorded on every stock action. */
  deskName?: () => string | null
  /** This desk's receiving location: where a bag goes when neither a scan nor its order says. */
  deskLocation?: () => number | null
}

type CommandUpdate = Omit<SessionUpdate, 'command'>

export class WorkflowService {
  private readonly db: Db
  private readonly recent: RecentScans
  private readonly resolve: WorkflowServiceOptions['scan']
  private readonly operatorId: () => number | null
  private readonly refs: ItemRefs
  private readonly actions: StockActions
  private readonly sessions: Sessions
  /**
   * Commits asked by the Commit barcode that wait for the Confirm barcode, by session: the rows as they were
   * asked about. Kept in memory only: after a restart the clerk scans Commit again and is asked again.
   */
  private readonly awaitingConfirm = new Map<number, string>()

  constructor(options: WorkflowServiceOptions) {
    this.db = options.db
    this.recent = options.recent
    this.resolve = options.scan
    this.operatorId = options.currentOperatorId
    this.refs = options.refs
    this.actions = new StockActions(options.db, options.deskName)
    this.sessions = new Sessions(options.db, options.refs, this.actions, options.deskLocation)
  }

  private context(session?: number): ActionContext {
    return { operatorId: this.operatorId(), sessionId: session ?? null }
  }

  sessionStart(input: MethodInput<'sessionStart'>): SessionView {
    return this.sessions.start(input.kind, input.purchaseOrder ?? null, this.operatorId())
  }

  sessionCurrent(input: MethodInput<'sessionCurrent'>): SessionView | null {
    return this.sessions.current(input.kind)
  }

  /**
   * A scan already made, by its result id: the result itself while memory holds it; after that a logged scan is
   * rebuilt from its history row (the desk restarted with a page still showing it), and an unlogged one is refused
   * rather than resolved again under another source.
   */
  scanById(id: number): ScanResult {
    const kept = this.recent.get(id)
    if (kept) return kept
    if (id < 0)
      throw new NotFoundError(
        `Scan ${id} was not logged and is no longer held (the station restarted, or ${RECENT_SCANS} scans came since); scan it again`,
      )
    const row = this.db
      .prepare<[number], LoggedScanRow & { action: string }>(
        'SELECT response, action, result, model_type, pk FROM scan WHERE id = ?',
      )
      .get(id)
    if (!row || row.action !== 'scan') throw new NotFoundError(`No scan with id ${id}`)
    return loggedScan(row, id)
  }

  /** Adds a scan to a session, or carries out the command barcode it is. */
  sessionAdd(input: MethodInput<'sessionAdd'>): SessionUpdate {
    // A scan into a session that does not exist is refused before it is resolved, so it leaves no history row
    // that claims it was scanned into something.
    this.sessions.ensureExists(input.session)
    const scan =
      input.scanId !== undefined
        ? this.scanById(input.scanId)
        : this.resolve({ data: input.data!, source: input.source ?? 'manual' })
    const withScan = (update: SessionUpdate): SessionUpdate => (input.data !== undefined ? { ...update, scan } : update)
    if (scan.command) return withScan({ ...this.runCommand(input.session, scan.command), command: scan.command })
    if (scan.operator)
      return withScan({
        row: null,
        message: `Signed in: ${scan.operator.name}`,
        session: this.sessions.header(input.session),
      })
    return withScan(this.sessions.add(input.session, scan))
  }

  private runCommand(session: number, command: NonNullable<ScanResult['command']>): CommandUpdate {
    const header = (message: string, h: SessionHeader = this.sessions.header(session)): CommandUpdate => ({
      row: null,
      message,
      session: h,
    })
    switch (command.name) {
      case 'commit': {
        const ask = this.sessions.confirmation(session)
        if (ask) {
          this.awaitingConfirm.set(session, ask.signature)
          return { ...header(`${ask.question} Scan Confirm commit to commit, or fix the rows.`), confirm: ask.question }
        }
        return this.commitNow(session, false)
      }
      case 'confirm': {
        const asked = this.awaitingConfirm.get(session)
        if (asked === undefined) throw new ConflictError('Nothing to confirm: scan Commit first')
        this.awaitingConfirm.delete(session)
        if (asked !== this.sessions.signature(session))
          throw new ConflictError('The receipt changed since Commit was scanned; scan Commit again')
        return this.commitNow(session, true)
      }
      case 'clear':
        return header('Session cleared', this.sessions.clear(session))
      case 'drop':
        return header('Session dropped', this.sessions.drop(session))
      case 'undo': {
        const last = this.sessions.view(session).rows.at(-1)
        if (!last) throw new ConflictError('Nothing to undo in this session')
        return header(`Removed the last scan: ${last.name}`, this.sessions.removeRow(session, last.id))
      }
      case 'quantity': {
        const last = this.sessions
          .view(session)
          .rows.filter((r) => r.flag !== 'duplicate' && r.flag !== 'unknown')
          .at(-1)
        if (!last) throw new ConflictError('Scan an item before setting its quantity')
        const row = this.sessions.updateRow(session, last.id, { quantity: command.value ?? 0 })
        return { row, message: `Quantity ${command.value} for ${row.name}`, session: this.sessions.header(session) }
      }
    }
  }

  private commitNow(session: number, confirmed: boolean): CommandUpdate {
    const { created, ...done } = this.sessions.commit(session, this.context(session), confirmed)
    return { row: null, message: this.sessions.committedMessage(done.kind, created), session: done, created }
  }

  sessionRemoveRow(input: MethodInput<'sessionRemoveRow'>): SessionHeader {
    return this.sessions.removeRow(input.session, input.row)
  }

  sessionUpdateRow(input: MethodInput<'sessionUpdateRow'>): SessionRow {
    return this.sessions.updateRow(input.session, input.row, {
      quantity: input.quantity,
      locationId: input.location,
      lot: input.lot,
    })
  }

  sessionClear(input: MethodInput<'sessionClear'>): SessionHeader {
    return this.sessions.clear(input.session)
  }

  sessionDrop(input: MethodInput<'sessionDrop'>): SessionHeader {
    return this.sessions.drop(input.session)
  }

  sessionCommit(input: MethodInput<'sessionCommit'>): MethodOutputs['sessionCommit'] {
    this.awaitingConfirm.delete(input.session)
    if (!input.confirm) {
      const ask = this.sessions.confirmation(input.session)
      if (ask) {
        this.awaitingConfirm.set(input.session, ask.signature)
        return { ...this.sessions.header(input.session), created: [], confirm: ask.question }
      }
    }
    return this.sessions.commit(input.session, this.context(input.session), input.confirm ?? false)
  }

  receiptUndo(input: MethodInput<'receiptUndo'>): ReceiptUndone {
    const done = undoReceipt(this.db, this.refs, input.session, this.context(input.session))
    return { summary: done.summary, session: done.reopened ? this.sessions.view(input.session) : null }
  }

  receivableOrders(): ReceivableOrder[] {
    return receivableOrders(this.db, this.refs)
  }

  stockAction(input: MethodInput<'stockAction'>): ActionResult {
    const ctx = this.context(input.session)
    const need = <T>(value: T | undefined, what: string): T => {
      if (value === undefined) throw new ConflictError(`${input.action} needs ${what}`)
      return value
    }
    switch (input.action) {
      case 'move':
        return this.actions.move(input.items, need(input.location, 'a location'), ctx)
      case 'count':
        return this.actions.count(input.items, need(input.quantity, 'a quantity'), ctx)
      case 'add':
        return this.actions.adjust(input.items, need(input.quantity, 'a quantity'), ctx)
      case 'remove':
        return this.actions.adjust(input.items, -need(input.quantity, 'a quantity'), ctx)
      case 'merge':
        return this.actions.merge(input.items, ctx)
    }
  }

  undo(input: MethodInput<'undo'>): ActionResult {
    return this.actions.undo(input.actionId ?? null, this.context())
  }
}
