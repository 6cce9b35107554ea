/**
 * Scan sessions: the store every workflow shares (the scan page, receipts against a purchase order…). A session
 * lives in the database, so it survives a restart until it is committed or dropped. Scans reach a session already
 * resolved, whatever their source: wedge, HID, serial, webcam or typed. What a scan does, what the header shows
 * and what a commit means belong to the session's workflow (./workflows/registry.ts); this file holds the
 * lifecycle and the rows they share.
 */
import type { ScanResult, SessionHeader, SessionKind, SessionRow, SessionUpdate, SessionView } from '../../contract'
import type { Db } from '../db/connection'
import { writeTransaction } from '../db/write-transaction'
import { ConflictError, NotFoundError } from '../errors'
import type { ItemRefs } from '../items/refs'
import { isModelType, modelLabel } from '../../../src-shared/models'
import type { ActionContext, StockActions } from './stock-actions'
import { workflowFor } from './workflows/registry'
import type { CreatedStock, RowRecord, ScanMatchOf, SessionRecord, SessionTools } from './workflows/strategy'

/** What the session needs from a scan result: its matched item. */
function matchOf(result: ScanResult): ScanMatchOf | null {
  if (result.outcome !== 'matched') return null
  const item = result[result.match.model]
  return item ? { model: result.match.model, item } : null
}

export class Sessions {
  constructor(
    private readonly db: Db,
    private readonly refs: ItemRefs,
    private readonly actions: StockActions,
    deskLocation: () => number | null = () => null,
  ) {
    this.tools = {
      db,
      refs,
      actions,
      deskLocation,
      insertRow: (session, result, values) => this.insertRow(session, result, values),
      setOrder: (sessionId, pk) => this.setOrder(sessionId, pk),
      reflag: (sessionId) => this.reflag(sessionId),
    }
  }

  /** What the workflows may use of this store. */
  private readonly tools: SessionTools

  // ---- lifecycle ------------------------------------------------------------------------------------------------

  /** Throws not-found for a session id that does not exist. */
  ensureExists(id: number): void {
    this.record(id)
  }

  private record(id: number): SessionRecord {
    const s = this.db
      .prepare<[number], SessionRecord>(
        'SELECT id, kind, status, purchase_order_id, location_id FROM scansession WHERE id = ?',
      )
      .get(id)
    if (!s) throw new NotFoundError(`No session ${id}`)
    return s
  }

  private open(id: number): SessionRecord {
    const s = this.record(id)
    if (s.status !== 'open') throw new ConflictError(`This session was ${s.status}; start a new one`)
    return s
  }

  current(kind: SessionKind): SessionView | null {
    const row = this.db
      .prepare<[string], { id: number }>("SELECT id FROM scansession WHERE kind = ? AND status = 'open'")
      .get(kind)
    return row ? this.view(row.id) : null
  }

  /** The open session of this kind, or a new one. A receipt for another order must be finished first. */
  start(kind: SessionKind, purchaseOrder: number | null, operatorId: number | null): SessionView {
    workflowFor(kind)
    return writeTransaction(this.db, () => {
      const existing = this.db
        .prepare<[string], SessionRecord>(
          "SELECT id, kind, status, purchase_order_id, location_id FROM scansession WHERE kind = ? AND status = 'open'",
        )
        .get(kind)
      if (existing) {
        if (
          purchaseOrder !== null &&
          existing.purchase_order_id !== null &&
          existing.purchase_order_id !== purchaseOrder
        ) {
          const ref = this.refs.get('purchaseorder', existing.purchase_order_id)
          throw new ConflictError(`A receipt for ${ref?.name ?? 'another order'} is open; commit or drop it first`)
        }
        if (purchaseOrder !== null && existing.purchase_order_id === null) this.setOrder(existing.id, purchaseOrder)
        return this.view(existing.id)
      }
      if (purchaseOrder !== null) this.checkOrder(purchaseOrder)
      const id = Number(
        this.db
          .prepare('INSERT INTO scansession (kind, purchase_order_id, operator_id) VALUES (?, ?, ?)')
          .run(kind, purchaseOrder, operatorId).lastInsertRowid,
      )
      return this.view(id)
    })
  }

  private checkOrder(pk: number): void {
    const po = this.db
      .prepare<[number], { status: string; reference: string }>(
        'SELECT status, reference FROM purchaseorder WHERE id = ?',
      )
      .get(pk)
    if (!po) throw new NotFoundError(`No purchase order with pk ${pk}`)
    if (po.status !== 'placed')
      throw new ConflictError(`${po.reference} is ${po.status}; only placed orders can be received`)
  }

  private setOrder(sessionId: number, pk: number): void {
    this.checkOrder(pk)
    this.db.prepare('UPDATE scansession SET purchase_order_id = ? WHERE id = ?').run(pk, sessionId)
  }

  drop(sessionId: number): SessionHeader {
    this.open(sessionId)
    this.db
      .prepare(
        "UPDATE scansession SET status = 'dropped', closed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?",
      )
      .run(sessionId)
    return this.header(sessionId)
  }

  clear(sessionId: number): SessionHeader {
    this.open(sessionId)
    this.db.prepare('DELETE FROM scansessionrow WHERE session_id = ?').run(sessionId)
    return this.header(sessionId)
  }

  removeRow(sessionId: number, rowId: number): SessionHeader {
    this.open(sessionId)
    const changes = this.db
      .prepare('DELETE FROM scansessionrow WHERE id = ? AND session_id = ?')
      .run(rowId, sessionId).changes
    if (!changes) throw new NotFoundError(`No row ${rowId} in this session`)
    this.reflag(sessionId)
    return this.header(sessionId)
  }

  updateRow(
    sessionId: number,
    rowId: number,
    patch: { quantity?: number; locationId?: number; lot?: string },
  ): SessionRow {
    this.open(sessionId)
    const row = this.db
      .prepare<[number, number], RowRecord>('SELECT * FROM scansessionrow WHERE id = ? AND session_id = ?')
      .get(rowId, sessionId)
    if (!row) throw new NotFoundError(`No row ${rowId} in this session`)
    if (patch.locationId !== undefined) {
      const loc = this.db
        .prepare<[number], { name: string; structural: number }>(
          'SELECT name, structural FROM stocklocation WHERE id = ?',
        )
        .get(patch.locationId)
      if (!loc) throw new NotFoundError(`No stock location with pk ${patch.locationId}`)
      if (loc.structural)
        throw new ConflictError(
          `${loc.name} is a structural location and holds no stock; choose a bin or shelf inside it`,
        )
    }
    this.db
      .prepare(
        'UPDATE scansessionrow SET quantity = coalesce(?, quantity), location_id = coalesce(?, location_id), lot = coalesce(?, lot) WHERE id = ?',
      )
      .run(patch.quantity ?? null, patch.locationId ?? null, patch.lot ?? null, rowId)
    this.reflag(sessionId)
    return this.rowView(this.db.prepare<[number], RowRecord>('SELECT * FROM scansessionrow WHERE id = ?').get(rowId)!)
  }

  // ---- adding scans ---------------------------------------------------------------------------------------------

  /**
   * Adds an already-resolved scan to a session: its workflow decides whether the scan steers the session (a
   * location, an order) or becomes a row.
   */
  add(sessionId: number, result: ScanResult): SessionUpdate {
    return writeTransaction(this.db, (): SessionUpdate => {
      const session = this.open(sessionId)
      const flow = workflowFor(session.kind)
      const match = matchOf(result)
      const steer = match ? flow.steer[match.model] : undefined
      if (match && steer)
        return { row: null, message: steer(this.tools, session, match.item), session: this.header(sessionId) }
      const rowId = flow.addScan(this.tools, session, result, match)
      const row = this.rowView(
        this.db.prepare<[number], RowRecord>('SELECT * FROM scansessionrow WHERE id = ?').get(rowId)!,
      )
      const message = row.flag === 'ok' ? `Added ${row.name}` : row.note
      return { row, message, session: this.header(sessionId) }
    })
  }

  private insertRow(session: SessionRecord, result: ScanResult, values: Partial<RowRecord>): number {
    const flag = values.flag ?? 'ok'
    if (!workflowFor(session.kind).flags.includes(flag))
      throw new Error(`The ${session.kind} workflow does not declare the row flag '${flag}'`)
    return Number(
      this.db
        .prepare(
          `INSERT INTO scansessionrow (session_id, scan_id, data, hash, model_type, pk, line_id, quantity, lot, date_code, expiry, location_id, flag, note)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          session.id,
          result.scan_id,
          result.barcode_data.slice(0, 4096),
          result.barcode_hash,
          values.model_type ?? null,
          values.pk ?? null,
          values.line_id ?? null,
          values.quantity ?? null,
          values.lot ?? '',
          values.date_code ?? '',
          values.expiry ?? null,
          values.location_id ?? null,
          flag,
          values.note ?? '',
        ).lastInsertRowid,
    )
  }

  /** Lets the session's workflow recompute flags that depend on other rows. */
  private reflag(sessionId: number): void {
    const session = this.record(sessionId)
    workflowFor(session.kind).reflag?.(this.tools, session)
  }

  // ---- commit ---------------------------------------------------------------------------------------------------

  /**
   * The question a commit of this session must have answered first, or null. Asked and answered on the same
   * rows: `signature` changes whenever a row is added, removed or changed.
   */
  confirmation(sessionId: number): { question: string; signature: string } | null {
    const session = this.open(sessionId)
    const question = workflowFor(session.kind).confirmation?.(this.tools, session) ?? null
    return question === null ? null : { question, signature: this.signature(sessionId) }
  }

  /** What the rows are now, to tell that a confirmation was given for these rows and not for others. */
  signature(sessionId: number): string {
    return JSON.stringify(
      this.db
        .prepare<[number], unknown[]>(
          'SELECT id, flag, quantity, location_id, lot FROM scansessionrow WHERE session_id = ? ORDER BY id',
        )
        .raw()
        .all(sessionId),
    )
  }

  /**
   * Commits a session in one transaction: its workflow does what committing means (a receipt creates stock). A
   * session whose workflow has a question to ask (flagged rows) is refused unless `confirmed`.
   */
  commit(sessionId: number, ctx: ActionContext, confirmed = false): SessionHeader & { created: CreatedStock[] } {
    return writeTransaction(this.db, () => {
      const session = this.open(sessionId)
      const flow = workflowFor(session.kind)
      const question = confirmed ? null : (flow.confirmation?.(this.tools, session) ?? null)
      if (question !== null) throw new ConflictError(`${question} Confirm to commit.`)
      const created = flow.commit(this.tools, session, ctx)
      this.db
        .prepare(
          "UPDATE scansession SET status = 'committed', closed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?",
        )
        .run(sessionId)
      return { ...this.header(sessionId), created }
    })
  }

  /** The message after a commit by its command barcode, as the session's workflow words it. */
  committedMessage(kind: SessionKind, created: CreatedStock[]): string {
    return workflowFor(kind).committedMessage(created)
  }

  // ---- views ----------------------------------------------------------------------------------------------------

  header(sessionId: number): SessionHeader {
    const s = this.record(sessionId)
    const lines = workflowFor(s.kind).lines(this.tools, s)
    const counts = this.db
      .prepare<[number], { n: number; flagged: number }>(
        "SELECT count(*) AS n, sum(flag <> 'ok') AS flagged FROM scansessionrow WHERE session_id = ?",
      )
      .get(sessionId)!
    return {
      id: s.id,
      kind: s.kind,
      status: s.status,
      purchaseOrder: s.purchase_order_id === null ? null : this.refs.get('purchaseorder', s.purchase_order_id),
      location: s.location_id === null ? null : this.refs.get('stocklocation', s.location_id),
      rowCount: counts.n,
      flaggedCount: counts.flagged ?? 0,
      lines,
    }
  }

  view(sessionId: number): SessionView {
    const rows = this.db
      .prepare<[number], RowRecord>('SELECT * FROM scansessionrow WHERE session_id = ? ORDER BY id')
      .all(sessionId)
    return { ...this.header(sessionId), rows: rows.map((r) => this.rowView(r)) }
  }

  private rowView(r: RowRecord): SessionRow {
    const model = r.model_type !== null && isModelType(r.model_type) ? r.model_type : null
    const item = model && r.pk !== null ? this.refs.get(model, r.pk) : null
    // A scanned stock item shows its stock as it is now (after moves and counts), not as it was when scanned;
    // a receipt row shows what the label says.
    const live =
      model === 'stockitem' && r.pk !== null && r.line_id === null
        ? this.db
            .prepare<[number], { units: string; quantity: number; location_id: number | null }>(
              'SELECT p.units, s.quantity, s.location_id FROM stockitem s JOIN part p ON p.id = s.part_id WHERE s.id = ?',
            )
            .get(r.pk)
        : undefined
    const locationId = live ? live.location_id : r.location_id
    return {
      id: r.id,
      scanId: r.scan_id,
      data: r.data,
      model,
      pk: r.pk,
      name: item?.name ?? (model ? `${modelLabel(model)} #${r.pk} (deleted)` : 'Unknown barcode'),
      type: model ? modelLabel(model) : 'Unknown',
      url: item?.url ?? null,
      quantity: live ? live.quantity : r.quantity,
      units: live?.units ?? '',
      location: locationId === null ? null : this.refs.get('stocklocation', locationId),
      lot: r.lot,
      dateCode: r.date_code,
      expiry: r.expiry,
      lineId: r.line_id,
      flag: r.flag,
      note: r.note,
    }
  }
}
