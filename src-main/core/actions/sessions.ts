/**
 * Scan sessions: the scan page (many scans, then bulk actions) and receipts against a purchase order. A session
 * lives in the database, so it survives a restart until it is committed or dropped. Scans reach a session already
 * resolved and logged (by their history id), whatever their source: wedge, HID, serial, webcam or typed.
 */
import type {
  ItemRef,
  ModelType,
  ReceiptLine,
  ScanResult,
  SessionHeader,
  SessionKind,
  SessionRow,
  SessionUpdate,
  SessionView,
} from '../../contract'
import type { Db } from '../db/connection'
import { ConflictError, NotFoundError } from '../errors'
import type { ItemRefs } from '../items/refs'
import { isModelType } from '../items/refs'
import type { ActionContext, StockActions } from './stock-actions'

interface SessionRecord {
  id: number
  kind: SessionKind
  status: 'open' | 'committed' | 'dropped'
  purchase_order_id: number | null
  location_id: number | null
}

interface RowRecord {
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
  flag: SessionRow['flag']
  note: string
}

interface LineRecord {
  id: number
  supplier_part_id: number
  sku: string
  part_id: number
  part: string
  units: string
  pack_quantity: number
  quantity: number
  received: number
  destination_id: number | null
  default_location_id: number | null
}

const TYPE_NAMES: Record<ModelType, string> = {
  part: 'Part',
  partcategory: 'Category',
  stocklocation: 'Location',
  stockitem: 'Stock item',
  company: 'Company',
  supplierpart: 'Supplier part',
  manufacturerpart: 'Manufacturer part',
  purchaseorder: 'Purchase order',
}

/** What the session needs from a scan result: its matched item and label fields. */
function matchOf(result: ScanResult): { model: ModelType; item: ItemRef } | null {
  if (!('success' in result)) return null
  for (const key of Object.keys(result)) {
    if (isModelType(key)) {
      const item = (result as Partial<Record<ModelType, ItemRef>>)[key]
      if (item) return { model: key, item }
    }
  }
  return null
}

const text = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '')

export class Sessions {
  constructor(
    private readonly db: Db,
    private readonly refs: ItemRefs,
    private readonly actions: StockActions,
  ) {}

  // ---- lifecycle ------------------------------------------------------------------------------------------------

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
    return this.db.transaction(() => {
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
    })()
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
    if (patch.locationId !== undefined && !this.refs.get('stocklocation', patch.locationId))
      throw new NotFoundError(`No stock location with pk ${patch.locationId}`)
    this.db
      .prepare(
        'UPDATE scansessionrow SET quantity = coalesce(?, quantity), location_id = coalesce(?, location_id), lot = coalesce(?, lot) WHERE id = ?',
      )
      .run(patch.quantity ?? null, patch.locationId ?? null, patch.lot ?? null, rowId)
    this.reflag(sessionId)
    return this.rowView(this.db.prepare<[number], RowRecord>('SELECT * FROM scansessionrow WHERE id = ?').get(rowId)!)
  }

  // ---- adding scans ---------------------------------------------------------------------------------------------

  /** Adds an already-resolved (and logged) scan to a session; commands and locations steer the session instead. */
  add(sessionId: number, result: ScanResult): SessionUpdate {
    return this.db.transaction((): SessionUpdate => {
      const session = this.open(sessionId)
      const match = matchOf(result)
      if (match?.model === 'stocklocation') {
        this.db.prepare('UPDATE scansession SET location_id = ? WHERE id = ?').run(match.item.pk, sessionId)
        if (session.kind === 'receive')
          this.db
            .prepare("UPDATE scansessionrow SET location_id = ? WHERE session_id = ? AND flag <> 'unknown'")
            .run(match.item.pk, sessionId)
        return {
          row: null,
          message: `${session.kind === 'receive' ? 'Destination' : 'Target location'}: ${match.item.name}`,
          session: this.header(sessionId),
        }
      }
      if (match?.model === 'purchaseorder' && session.kind === 'receive') {
        const rows = this.db
          .prepare<[number], { n: number }>('SELECT count(*) AS n FROM scansessionrow WHERE session_id = ?')
          .get(sessionId)!.n
        if (session.purchase_order_id !== null && session.purchase_order_id !== match.item.pk && rows > 0)
          throw new ConflictError('This receipt already holds scans for another order; commit or drop it first')
        this.setOrder(sessionId, match.item.pk)
        this.reflag(sessionId)
        return { row: null, message: `Receiving ${match.item.name}`, session: this.header(sessionId) }
      }
      const rowId =
        session.kind === 'receive'
          ? this.addReceiptRow(session, result, match)
          : this.addScanRow(session, result, match)
      const row = this.rowView(
        this.db.prepare<[number], RowRecord>('SELECT * FROM scansessionrow WHERE id = ?').get(rowId)!,
      )
      const message = row.flag === 'ok' ? `Added ${row.name}` : row.note
      return { row, message, session: this.header(sessionId) }
    })()
  }

  private insertRow(sessionId: number, result: ScanResult, values: Partial<RowRecord>): number {
    return Number(
      this.db
        .prepare(
          `INSERT INTO scansessionrow (session_id, scan_id, data, hash, model_type, pk, line_id, quantity, lot, date_code, expiry, location_id, flag, note)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          sessionId,
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
          values.flag ?? 'ok',
          values.note ?? '',
        ).lastInsertRowid,
    )
  }

  private addScanRow(
    session: SessionRecord,
    result: ScanResult,
    match: { model: ModelType; item: ItemRef } | null,
  ): number {
    if (!match)
      return this.insertRow(session.id, result, {
        flag: 'unknown',
        note: 'error' in result ? result.error : 'Not recognised',
      })
    const dup = this.db
      .prepare<[number, string, number], { id: number }>(
        "SELECT id FROM scansessionrow WHERE session_id = ? AND model_type = ? AND pk = ? AND flag <> 'duplicate' LIMIT 1",
      )
      .get(session.id, match.model, match.item.pk)
    const stock =
      match.model === 'stockitem'
        ? this.db
            .prepare<[number], { quantity: number; location_id: number | null }>(
              'SELECT quantity, location_id FROM stockitem WHERE id = ?',
            )
            .get(match.item.pk)
        : undefined
    return this.insertRow(session.id, result, {
      model_type: match.model,
      pk: match.item.pk,
      quantity: stock?.quantity ?? null,
      location_id: stock?.location_id ?? null,
      flag: dup ? 'duplicate' : 'ok',
      note: dup ? `${match.item.name} was already scanned in this session` : '',
    })
  }

  private lines(orderId: number): LineRecord[] {
    return this.db
      .prepare<[number], LineRecord>(
        `SELECT l.id, l.supplier_part_id, sp.sku, p.id AS part_id, p.name AS part, p.units, sp.pack_quantity, l.quantity, l.received,
              coalesce(l.destination_id, po.destination_id) AS destination_id, p.default_location_id
       FROM purchaseorderline l JOIN purchaseorder po ON po.id = l.order_id JOIN supplierpart sp ON sp.id = l.supplier_part_id JOIN part p ON p.id = sp.part_id
       WHERE l.order_id = ? ORDER BY l.id`,
      )
      .all(orderId)
  }

  private addReceiptRow(
    session: SessionRecord,
    result: ScanResult,
    match: { model: ModelType; item: ItemRef } | null,
  ): number {
    const fields = result.fields ?? {}
    // The first supplier label can pick the order: the one it names, or the only placed order with its part.
    if (session.purchase_order_id === null) {
      const named = result.related?.purchaseorder?.pk
      const byPart =
        match?.model === 'supplierpart'
          ? this.db
              .prepare<[number], { id: number }>(
                "SELECT DISTINCT po.id FROM purchaseorderline l JOIN purchaseorder po ON po.id = l.order_id WHERE l.supplier_part_id = ? AND po.status = 'placed'",
              )
              .all(match.item.pk)
          : []
      const pick = named ?? (byPart.length === 1 ? byPart[0]!.id : null)
      if (pick !== null) {
        this.setOrder(session.id, pick)
        session.purchase_order_id = pick
      }
    }
    const duplicate = this.db
      .prepare<[number, string], { id: number }>(
        "SELECT id FROM scansessionrow WHERE session_id = ? AND hash = ? AND flag <> 'duplicate' LIMIT 1",
      )
      .get(session.id, result.barcode_hash)
    if (duplicate)
      return this.insertRow(session.id, result, {
        flag: 'duplicate',
        note: 'This package was already scanned in this receipt; it is not counted twice',
      })
    if (match?.model === 'stockitem' && result.plugin === 'InvenTreeExternalBarcode') {
      return this.insertRow(session.id, result, {
        flag: 'duplicate',
        model_type: 'stockitem',
        pk: match.item.pk,
        note: `This package was already received as stock item #${match.item.pk}`,
      })
    }
    if (!match || (match.model !== 'supplierpart' && match.model !== 'part')) {
      return this.insertRow(session.id, result, {
        flag: 'unknown',
        note: match
          ? `${match.item.name} is not something to receive`
          : 'Unknown item: no supplier part matches this label',
      })
    }
    if (session.purchase_order_id === null)
      return this.insertRow(session.id, result, {
        flag: 'not_on_order',
        model_type: match.model,
        pk: match.item.pk,
        note: 'No placed purchase order for this item: scan the order first',
      })
    const lines = this.lines(session.purchase_order_id)
    const line =
      match.model === 'supplierpart'
        ? lines.find((l) => l.supplier_part_id === match.item.pk)
        : lines.find((l) => l.part_id === match.item.pk)
    if (!line)
      return this.insertRow(session.id, result, {
        flag: 'not_on_order',
        model_type: match.model,
        pk: match.item.pk,
        note: `${match.item.name} is not on this order`,
      })
    const quantity = Number(fields.quantity ?? fields.count ?? 1) || 1
    const location = session.location_id ?? line.destination_id ?? line.default_location_id
    const id = this.insertRow(session.id, result, {
      model_type: 'supplierpart',
      pk: line.supplier_part_id,
      line_id: line.id,
      quantity,
      lot: text(fields.lot_code ?? fields.batch),
      date_code: text(fields.date_code),
      expiry: text(fields.expiry) || null,
      location_id: location,
    })
    this.reflag(session.id)
    return id
  }

  /** Recomputes over-receipt flags of a receipt, line by line, in scan order. */
  private reflag(sessionId: number): void {
    const session = this.record(sessionId)
    if (session.kind !== 'receive' || session.purchase_order_id === null) return
    const lines = new Map(this.lines(session.purchase_order_id).map((l) => [l.id, l]))
    const taken = new Map<number, number>()
    const rows = this.db
      .prepare<[number], RowRecord>(
        "SELECT * FROM scansessionrow WHERE session_id = ? AND line_id IS NOT NULL AND flag IN ('ok', 'over') ORDER BY id",
      )
      .all(sessionId)
    const set = this.db.prepare('UPDATE scansessionrow SET flag = ?, note = ? WHERE id = ?')
    for (const r of rows) {
      const line = lines.get(r.line_id!)
      if (!line) continue
      const sum = (taken.get(line.id) ?? 0) + (r.quantity ?? 0)
      taken.set(line.id, sum)
      const over = line.received + sum > line.quantity
      set.run(
        over ? 'over' : 'ok',
        over ? `Over-receipt: ${line.sku} ordered ${line.quantity}, this makes ${line.received + sum}` : '',
        r.id,
      )
    }
  }

  // ---- commit ---------------------------------------------------------------------------------------------------

  /** Commits a receipt: every counted row becomes a stock item with its label linked, in one transaction. */
  commit(
    sessionId: number,
    ctx: ActionContext,
  ): SessionHeader & { created: { stockitem: number; quantity: number; location: number | null }[] } {
    return this.db.transaction(() => {
      const session = this.open(sessionId)
      const created: { stockitem: number; quantity: number; location: number | null }[] = []
      if (session.kind === 'receive') {
        if (session.purchase_order_id === null)
          throw new ConflictError('Nothing to receive: no purchase order is chosen')
        const rows = this.db
          .prepare<[number], RowRecord>(
            "SELECT * FROM scansessionrow WHERE session_id = ? AND line_id IS NOT NULL AND flag IN ('ok', 'over') ORDER BY id",
          )
          .all(sessionId)
        if (rows.length === 0) throw new ConflictError('Nothing to receive: scan supplier labels first')
        const lines = new Map(this.lines(session.purchase_order_id).map((l) => [l.id, l]))
        const insertStock = this.db.prepare(
          'INSERT INTO stockitem (part_id, location_id, quantity, batch, expiry, supplier_part_id, purchase_order_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
        )
        const receive = this.db.prepare('UPDATE purchaseorderline SET received = received + ? WHERE id = ?')
        const link = this.db.prepare(
          "INSERT OR IGNORE INTO barcodelink (model_type, pk, data, hash) VALUES ('stockitem', ?, ?, ?)",
        )
        const receipts: { id: number; locationId: number; quantity: number; scanId: number | null }[] = []
        for (const r of rows) {
          const line = lines.get(r.line_id!)!
          if (r.location_id === null) throw new ConflictError(`No destination for ${line.sku}: scan a location`)
          const units = (r.quantity ?? 0) * line.pack_quantity
          const id = Number(
            insertStock.run(
              line.part_id,
              r.location_id,
              units,
              r.lot,
              r.expiry,
              line.supplier_part_id,
              session.purchase_order_id,
            ).lastInsertRowid,
          )
          receive.run(r.quantity ?? 0, line.id)
          // The bag's own label now opens this stock item when it is scanned again.
          link.run(id, r.data, r.hash)
          receipts.push({ id, locationId: r.location_id, quantity: units, scanId: r.scan_id })
          created.push({ stockitem: id, quantity: units, location: r.location_id })
        }
        const ref = this.refs.get('purchaseorder', session.purchase_order_id)
        this.actions.recordReceipt(
          receipts,
          { ...ctx, sessionId },
          `Received ${receipts.length} package${receipts.length === 1 ? '' : 's'} on ${ref?.name ?? 'an order'}`,
        )
        const open = this.db
          .prepare<[number], { n: number }>(
            'SELECT count(*) AS n FROM purchaseorderline WHERE order_id = ? AND received < quantity',
          )
          .get(session.purchase_order_id)!.n
        if (open === 0)
          this.db.prepare("UPDATE purchaseorder SET status = 'complete' WHERE id = ?").run(session.purchase_order_id)
      }
      this.db
        .prepare(
          "UPDATE scansession SET status = 'committed', closed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?",
        )
        .run(sessionId)
      return { ...this.header(sessionId), created }
    })()
  }

  // ---- views ----------------------------------------------------------------------------------------------------

  header(sessionId: number): SessionHeader {
    const s = this.record(sessionId)
    const lines: ReceiptLine[] = []
    if (s.kind === 'receive' && s.purchase_order_id !== null) {
      const scanned = new Map(
        this.db
          .prepare<[number], { line_id: number; n: number }>(
            "SELECT line_id, sum(quantity) AS n FROM scansessionrow WHERE session_id = ? AND line_id IS NOT NULL AND flag IN ('ok', 'over') GROUP BY line_id",
          )
          .all(sessionId)
          .map((r) => [r.line_id, r.n]),
      )
      for (const l of this.lines(s.purchase_order_id)) {
        const got = scanned.get(l.id) ?? 0
        lines.push({
          lineId: l.id,
          supplierPart: { pk: l.supplier_part_id, name: l.sku, url: `/supplierpart/${l.supplier_part_id}` },
          part: l.part,
          units: l.units,
          packQuantity: l.pack_quantity,
          ordered: l.quantity,
          receivedBefore: l.received,
          scanned: got,
          remaining: Math.max(0, l.quantity - l.received - got),
          destination: l.destination_id === null ? null : this.refs.get('stocklocation', l.destination_id),
        })
      }
    }
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
      name: item?.name ?? (model ? `${TYPE_NAMES[model]} #${r.pk} (deleted)` : 'Unknown barcode'),
      type: model ? TYPE_NAMES[model] : 'Unknown',
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
