/**
 * Receiving against a purchase order. Supplier labels become rows counted against the order's lines (the first
 * label can pick the order); a location scanned is the destination of what is counted; the order's own barcode
 * chooses the order. Committing turns every counted row into a stock item with the bag's label linked to it.
 */
import type { ReceiptLine } from '../../../contract'
import { ConflictError } from '../../errors'
import type { Db } from '../../db/connection'
import { newRowPk, queueDeskAction } from '../../inventree/outbox'
import { receivedSummary } from '../../../../src-shared/receipt-summary'
import type { CreatedStock, RowRecord, SessionRecord, SessionTools, WorkflowStrategy } from './strategy'

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

const text = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '')

function orderLines(db: Db, orderId: number): LineRecord[] {
  return db
    .prepare<[number], LineRecord>(
      `SELECT l.id, l.supplier_part_id, sp.sku, p.id AS part_id, p.name AS part, p.units, sp.pack_quantity, l.quantity, l.received,
              coalesce(l.destination_id, po.destination_id) AS destination_id, p.default_location_id
       FROM purchaseorderline l JOIN purchaseorder po ON po.id = l.order_id JOIN supplierpart sp ON sp.id = l.supplier_part_id JOIN part p ON p.id = sp.part_id
       WHERE l.order_id = ? ORDER BY l.id`,
    )
    .all(orderId)
}

/** The rows a receipt counts: on a line, and not set aside as duplicates or unknown. */
function countedRows(tools: SessionTools, sessionId: number): RowRecord[] {
  return tools.db
    .prepare<[number], RowRecord>(
      "SELECT * FROM scansessionrow WHERE session_id = ? AND line_id IS NOT NULL AND flag IN ('ok', 'over') ORDER BY id",
    )
    .all(sessionId)
}

/** The first supplier label can pick the order: the one it names, or the only placed order with its part. */
function pickOrder(
  tools: SessionTools,
  session: SessionRecord,
  named: number | undefined,
  supplierPart: number | null,
): void {
  const byPart =
    supplierPart !== null
      ? tools.db
          .prepare<[number], { id: number }>(
            "SELECT DISTINCT po.id FROM purchaseorderline l JOIN purchaseorder po ON po.id = l.order_id WHERE l.supplier_part_id = ? AND po.status = 'placed'",
          )
          .all(supplierPart)
      : []
  const pick = named ?? (byPart.length === 1 ? byPart[0]!.id : null)
  if (pick !== null) {
    tools.setOrder(session.id, pick)
    session.purchase_order_id = pick
  }
}

export const receiving: WorkflowStrategy = {
  kind: 'receive',
  flags: ['ok', 'duplicate', 'unknown', 'over', 'not_on_order'],
  steer: {
    // A location is the destination of the bags scanned after it; bags already on the list keep theirs, so a
    // clerk sorting bags onto shelves scans each shelf before its bags and never moves a bag by accident.
    stocklocation(tools, session, item) {
      const structural = tools.db
        .prepare<[number], { structural: number }>('SELECT structural FROM stocklocation WHERE id = ?')
        .get(item.pk)?.structural
      if (structural)
        throw new ConflictError(
          `${item.name} is a structural location and holds no stock; scan a bin or shelf inside it`,
        )
      tools.db.prepare('UPDATE scansession SET location_id = ? WHERE id = ?').run(item.pk, session.id)
      return `Destination: ${item.name}, for the labels scanned from now on`
    },
    purchaseorder(tools, session, item) {
      const rows = tools.db
        .prepare<[number], { n: number }>('SELECT count(*) AS n FROM scansessionrow WHERE session_id = ?')
        .get(session.id)!.n
      if (session.purchase_order_id !== null && session.purchase_order_id !== item.pk && rows > 0)
        throw new ConflictError('This receipt already holds scans for another order; commit or drop it first')
      tools.setOrder(session.id, item.pk)
      tools.reflag(session.id)
      return `Receiving ${item.name}`
    },
  },

  addScan(tools, session, result, match) {
    const fields = result.fields ?? {}
    if (session.purchase_order_id === null)
      pickOrder(
        tools,
        session,
        result.related?.purchaseorder?.pk,
        match?.model === 'supplierpart' ? match.item.pk : null,
      )
    const duplicate = tools.db
      .prepare<[number, string], { id: number; model_type: string | null; pk: number | null }>(
        "SELECT id, model_type, pk FROM scansessionrow WHERE session_id = ? AND hash = ? AND flag <> 'duplicate' LIMIT 1",
      )
      .get(session.id, result.barcode_hash)
    if (duplicate) {
      // The row names what the package is, so the clerk can find the first scan of it on the list.
      const first =
        duplicate.model_type !== null && duplicate.pk !== null
          ? tools.refs.get(duplicate.model_type, duplicate.pk)
          : null
      return tools.insertRow(session, result, {
        flag: 'duplicate',
        model_type: first ? duplicate.model_type : null,
        pk: first ? duplicate.pk : null,
        note: `This package${first ? ` of ${first.name}` : ''} was already scanned in this receipt; it is not counted twice`,
      })
    }
    if (match?.model === 'stockitem' && result.match?.via === 'linked') {
      const supplierPart = tools.db
        .prepare<[number], { id: number | null }>('SELECT supplier_part_id AS id FROM stockitem WHERE id = ?')
        .get(match.item.pk)?.id
      const sp = supplierPart == null ? null : tools.refs.get('supplierpart', supplierPart)
      return tools.insertRow(session, result, {
        flag: 'duplicate',
        model_type: sp ? 'supplierpart' : 'stockitem',
        pk: sp ? sp.pk : match.item.pk,
        note: `This package${sp ? ` of ${sp.name}` : ''} was already received as stock item #${match.item.pk}`,
      })
    }
    if (!match || (match.model !== 'supplierpart' && match.model !== 'part')) {
      return tools.insertRow(session, result, {
        flag: 'unknown',
        note: match
          ? `${match.item.name} is not something to receive`
          : 'Unknown item: no supplier part matches this label',
      })
    }
    if (session.purchase_order_id === null)
      return tools.insertRow(session, result, {
        flag: 'not_on_order',
        model_type: match.model,
        pk: match.item.pk,
        note: 'No placed purchase order for this item: scan the order first',
      })
    const lines = orderLines(tools.db, session.purchase_order_id)
    const line =
      match.model === 'supplierpart'
        ? lines.find((l) => l.supplier_part_id === match.item.pk)
        : lines.find((l) => l.part_id === match.item.pk)
    if (!line)
      return tools.insertRow(session, result, {
        flag: 'not_on_order',
        model_type: match.model,
        pk: match.item.pk,
        note: `${match.item.name} is not on this order`,
      })
    const quantity = Number(fields.quantity ?? fields.count ?? 1) || 1
    // A location scanned wins, then the order's destination, then this desk's receiving bench, then the part's home.
    const location = session.location_id ?? line.destination_id ?? tools.deskLocation() ?? line.default_location_id
    const id = tools.insertRow(session, result, {
      model_type: 'supplierpart',
      pk: line.supplier_part_id,
      line_id: line.id,
      quantity,
      lot: text(fields.lot_code ?? fields.batch),
      date_code: text(fields.date_code),
      expiry: text(fields.expiry) || null,
      location_id: location,
    })
    tools.reflag(session.id)
    return id
  },

  /** Over-receipt flags, line by line, in scan order. */
  reflag(tools, session) {
    if (session.purchase_order_id === null) return
    const lines = new Map(orderLines(tools.db, session.purchase_order_id).map((l) => [l.id, l]))
    const taken = new Map<number, number>()
    const set = tools.db.prepare('UPDATE scansessionrow SET flag = ?, note = ? WHERE id = ?')
    for (const r of countedRows(tools, session.id)) {
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
  },

  lines(tools, session) {
    if (session.purchase_order_id === null) return []
    const scanned = new Map(
      tools.db
        .prepare<[number], { line_id: number; n: number }>(
          "SELECT line_id, sum(quantity) AS n FROM scansessionrow WHERE session_id = ? AND line_id IS NOT NULL AND flag IN ('ok', 'over') GROUP BY line_id",
        )
        .all(session.id)
        .map((r) => [r.line_id, r.n]),
    )
    return orderLines(tools.db, session.purchase_order_id).map((l): ReceiptLine => {
      const got = scanned.get(l.id) ?? 0
      return {
        lineId: l.id,
        supplierPart: { pk: l.supplier_part_id, name: l.sku, url: `/supplierpart/${l.supplier_part_id}` },
        part: l.part,
        units: l.units,
        packQuantity: l.pack_quantity,
        ordered: l.quantity,
        receivedBefore: l.received,
        scanned: got,
        remaining: Math.max(0, l.quantity - l.received - got),
        over: Math.max(0, l.received + got - l.quantity),
        destination: l.destination_id === null ? null : tools.refs.get('stocklocation', l.destination_id),
      }
    })
  },

  /** Rows that need a look ask first: what is flagged, and whether it is received or left out. */
  confirmation(tools, session) {
    const flagged = tools.db
      .prepare<[number], { flag: RowRecord['flag']; n: number }>(
        "SELECT flag, count(*) AS n FROM scansessionrow WHERE session_id = ? AND flag <> 'ok' GROUP BY flag",
      )
      .all(session.id)
    if (flagged.length === 0) return null
    const of = (flag: RowRecord['flag']): number => flagged.find((f) => f.flag === flag)?.n ?? 0
    const count = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`
    const parts: string[] = []
    if (of('over')) parts.push(`${count(of('over'), 'row')} over the order (received all the same)`)
    const left = [
      of('duplicate') && count(of('duplicate'), 'duplicate package'),
      of('unknown') && count(of('unknown'), 'unknown item'),
      of('not_on_order') && count(of('not_on_order'), 'item', 'items') + ' not on this order',
    ].filter((p): p is string => Boolean(p))
    if (left.length) parts.push(`${left.join(', ')} (not received)`)
    const total = flagged.reduce((n, f) => n + f.n, 0)
    return `${count(total, 'row is', 'rows are')} flagged: ${parts.join('; ')}. Commit anyway?`
  },

  /** Every counted row becomes a stock item with its label linked; a fully received order is complete. */
  commit(tools, session, ctx) {
    const order = session.purchase_order_id
    if (order === null) throw new ConflictError('Nothing to receive: no purchase order is chosen')
    const rows = countedRows(tools, session.id)
    if (rows.length === 0) throw new ConflictError('Nothing to receive: scan supplier labels first')
    const lines = new Map(orderLines(tools.db, order).map((l) => [l.id, l]))
    const insertStock = tools.db.prepare(
      'INSERT INTO stockitem (id, part_id, location_id, quantity, batch, expiry, supplier_part_id, purchase_order_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    )
    const ref = tools.refs.get('purchaseorder', order)
    const receive = tools.db.prepare('UPDATE purchaseorderline SET received = received + ? WHERE id = ?')
    const link = tools.db.prepare(
      "INSERT OR IGNORE INTO barcodelink (model_type, pk, data, hash) VALUES ('stockitem', ?, ?, ?)",
    )
    const created: CreatedStock[] = []
    const receipts: { id: number; locationId: number; quantity: number; scanId: number | null }[] = []
    for (const r of rows) {
      const line = lines.get(r.line_id!)!
      if (r.location_id === null) throw new ConflictError(`No destination for ${line.sku}: scan a location`)
      const units = (r.quantity ?? 0) * line.pack_quantity
      const id = Number(
        insertStock.run(
          newRowPk(tools.db, 'stockitem'),
          line.part_id,
          r.location_id,
          units,
          r.lot,
          r.expiry,
          line.supplier_part_id,
          order,
        ).lastInsertRowid,
      )
      receive.run(r.quantity ?? 0, line.id)
      // The bag's own label now opens this stock item when it is scanned again.
      link.run(id, r.data, r.hash)
      // One outbox row per bag: the server's barcode guard then tells, bag by bag, what it already received.
      queueDeskAction(
        tools.db,
        {
          kind: 'receive',
          order,
          line: line.id,
          quantity: r.quantity ?? 0,
          location: r.location_id,
          batch: r.lot,
          expiry: r.expiry,
          barcode: r.data,
          stockitem: id,
        },
        `Received ${units} × ${line.sku} on ${ref?.name ?? 'an order'}`,
        ctx.operatorId,
      )
      receipts.push({ id, locationId: r.location_id, quantity: units, scanId: r.scan_id })
      created.push({
        stockitem: id,
        quantity: units,
        location: r.location_id,
        locationName: tools.refs.get('stocklocation', r.location_id)?.name ?? `Location #${r.location_id}`,
        part: line.part,
        units: line.units,
        sku: line.sku,
      })
    }
    tools.actions.recordReceipt(receipts, { ...ctx, sessionId: session.id }, receivedSummary(created, ref?.name))
    const open = tools.db
      .prepare<[number], { n: number }>(
        'SELECT count(*) AS n FROM purchaseorderline WHERE order_id = ? AND received < quantity',
      )
      .get(order)!.n
    if (open === 0) tools.db.prepare("UPDATE purchaseorder SET status = 'complete' WHERE id = ?").run(order)
    return created
  },

  committedMessage: (created) => receivedSummary(created),
}
