/**
 * Undoing a committed receipt, while nothing has used the stock it made: every stock item it created is still as
 * the commit left it (same quantity, same place, never counted, moved, merged or taken from since). Then, in one
 * transaction, the items and their bag barcode links go, the order lines count those bags no more, an order the
 * receipt completed is placed again, and the receipt opens again with its rows so it can be fixed and committed
 * again. The stock items' own tracking rows go with them, so the undo is written to the edit log of the order and of
 * each item (kept after the item is gone) and as an action of its own. Anything else refuses, naming the item and
 * what happened to it.
 */
import type { Db } from '../db/connection'
import { writeTransaction } from '../db/write-transaction'
import { ConflictError, NotFoundError } from '../errors'
import { isReplica } from '../inventree/outbox'
import { logEdit } from '../inventory/edit-log'
import type { ItemRefs } from '../items/refs'
import { stockSnapshot, type ActionContext, type StockRow } from './stock-actions'

interface ReceiptItem {
  stockitem_id: number
  after: string | null
}

interface CountedRow {
  id: number
  line_id: number
  quantity: number | null
  data: string
}

interface LineState {
  id: number
  order_id: number
  quantity: number
  received: number
  sku: string
  pack_quantity: number
  supplier_part_id: number
}

export interface ReceiptUndoResult {
  summary: string
  /** Whether the receipt is open again (it stays closed when another receipt holds scans). */
  reopened: boolean
}

/** Why one created stock item cannot be taken back, or null when it is as the commit left it. */
function changedSince(db: Db, refs: ItemRefs, item: ReceiptItem, actionId: number): string | null {
  const name = `Stock item #${item.stockitem_id}`
  const now = stockSnapshot(db, item.stockitem_id)
  if (now === null) return `${name} no longer exists`
  const was = JSON.parse(item.after ?? 'null') as StockRow | null
  const cur = JSON.parse(now) as StockRow
  if (!was) return `${name} was not recorded by the receipt`
  if (cur.quantity !== was.quantity) return `${name} holds ${cur.quantity} now, not the ${was.quantity} received`
  if (cur.location_id !== was.location_id) {
    const where = cur.location_id === null ? 'nowhere' : (refs.get('stocklocation', cur.location_id)?.name ?? '?')
    return `${name} was moved to ${where}`
  }
  if (now !== item.after) return `${name} was changed since (batch, status or part)`
  // Moved away and back, counted to the same number: its state matches, but someone has worked with it.
  const later = db
    .prepare<[number, number], { kind: string }>(
      'SELECT kind FROM stocktracking WHERE stockitem_id = ? AND (action_id IS NULL OR action_id <> ?) ORDER BY id LIMIT 1',
    )
    .get(item.stockitem_id, actionId)
  if (later) return `${name} was ${later.kind} since`
  return null
}

/**
 * On a replica each bag was queued for the server. A bag not yet sent is taken off the queue; one the server may
 * have received already cannot be taken back at the desk.
 */
function unqueue(db: Db, stockitems: number[]): void {
  if (!isReplica(db)) return
  const settle = db.prepare(
    "UPDATE inventree_outbox SET state = 'discarded', refreshed = 1, reason = 'Receipt undone at the desk before it was sent', settled_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?",
  )
  const select = db.prepare<[number], { id: number; state: string; attempted_at: string | null }>(
    "SELECT id, state, attempted_at FROM inventree_outbox WHERE kind = 'receive' AND json_extract(payload, '$.stockitem') = ?",
  )
  // A bag the server created has its pk now (the desk's row was renumbered when the receipt settled).
  const adopted = db.prepare<[number], { local_pk: number }>(
    "SELECT local_pk FROM inventree_pk_map WHERE model_type = 'stockitem' AND server_pk = ?",
  )
  const sent = (pk: number): never => {
    throw new ConflictError(
      `Stock item #${pk} was already sent to the InvenTree server; undo the receipt there instead`,
    )
  }
  for (const pk of stockitems) {
    if (pk > 0 && adopted.get(pk)) sent(pk)
    for (const row of select.all(pk)) {
      const unsent = (row.state === 'queued' || row.state === 'parked') && row.attempted_at === null
      if (!unsent) sent(pk)
      settle.run(row.id)
    }
  }
}

export function undoReceipt(db: Db, refs: ItemRefs, sessionId: number, ctx: ActionContext): ReceiptUndoResult {
  return writeTransaction(db, (): ReceiptUndoResult => {
    const session = db
      .prepare<[number], { kind: string; status: string; purchase_order_id: number | null }>(
        'SELECT kind, status, purchase_order_id FROM scansession WHERE id = ?',
      )
      .get(sessionId)
    if (!session) throw new NotFoundError(`No session ${sessionId}`)
    const action = db
      .prepare<[number], { id: number; summary: string; undone_at: string | null }>(
        "SELECT id, summary, undone_at FROM stockaction WHERE kind = 'receive' AND session_id = ? ORDER BY id DESC LIMIT 1",
      )
      .get(sessionId)
    if (action?.undone_at && session.status !== 'committed')
      throw new ConflictError(`"${action.summary}" was already undone`)
    if (session.kind !== 'receive' || session.status !== 'committed')
      throw new ConflictError('Only a committed receipt can be undone')
    if (!action) throw new ConflictError('This receipt created no stock items; there is nothing to undo')
    const items = db
      .prepare<[number], ReceiptItem>(
        'SELECT stockitem_id, after FROM stockactionitem WHERE action_id = ? ORDER BY rowid',
      )
      .all(action.id)
    // The commit made one stock item per counted row, in row order; the rows say which line each bag counted on.
    const rows = db
      .prepare<[number], CountedRow>(
        "SELECT id, line_id, quantity, data FROM scansessionrow WHERE session_id = ? AND line_id IS NOT NULL AND flag IN ('ok', 'over') ORDER BY id",
      )
      .all(sessionId)
    if (rows.length !== items.length)
      throw new ConflictError('This receipt no longer matches the stock it created; undo it by hand')
    const stockitems = items.map((i) => i.stockitem_id)
    // First what the server has: a bag it received is undone there, whatever happened to it here.
    unqueue(db, stockitems)
    for (const item of items) {
      const why = changedSince(db, refs, item, action.id)
      if (why) throw new ConflictError(`Cannot undo "${action.summary}": ${why}`)
    }

    const lineOf = db.prepare<[number], LineState>(
      `SELECT l.id, l.order_id, l.quantity, l.received, sp.sku, sp.pack_quantity, sp.id AS supplier_part_id
       FROM purchaseorderline l JOIN supplierpart sp ON sp.id = l.supplier_part_id WHERE l.id = ?`,
    )
    const takeBack = new Map<number, { line: LineState; packs: number }>()
    items.forEach((item, i) => {
      const row = rows[i]!
      const line = lineOf.get(row.line_id)
      const stock = JSON.parse(item.after!) as StockRow
      if (!line || line.supplier_part_id !== stock.supplier_part_id)
        throw new ConflictError(`The order line stock item #${item.stockitem_id} was received on no longer exists`)
      const entry = takeBack.get(line.id) ?? { line, packs: 0 }
      entry.packs += row.quantity ?? 0
      takeBack.set(line.id, entry)
    })
    const order = session.purchase_order_id
    const po =
      order === null
        ? undefined
        : db
            .prepare<[number], { reference: string; status: string }>(
              'SELECT reference, status FROM purchaseorder WHERE id = ?',
            )
            .get(order)
    if (!po) throw new ConflictError('The order this receipt was for no longer exists')
    if (po.status !== 'placed' && po.status !== 'complete')
      throw new ConflictError(`${po.reference} is ${po.status} now; its receipt cannot be undone`)
    for (const { line, packs } of takeBack.values())
      if (line.received < packs)
        throw new ConflictError(
          `${line.sku} on ${po.reference} counts ${line.received} received, fewer than this receipt's ${packs}; undo it by hand`,
        )

    const operator =
      ctx.operatorId === null
        ? undefined
        : db.prepare<[number], { name: string }>('SELECT name FROM operator WHERE id = ?').get(ctx.operatorId)
    const actor = { operatorId: ctx.operatorId, name: operator?.name ?? 'desk (no one signed in)' }
    const unlink = db.prepare("DELETE FROM barcodelink WHERE model_type = 'stockitem' AND pk = ?")
    const remove = db.prepare('DELETE FROM stockitem WHERE id = ?')
    for (const item of items) {
      const stock = JSON.parse(item.after!) as StockRow
      logEdit(db, actor, 'stockitem', stock.id, 'receipt undone', {
        quantity: stock.quantity,
        location: stock.location_id,
        batch: stock.batch,
        supplierPart: stock.supplier_part_id,
        purchaseOrder: order,
      })
      unlink.run(stock.id)
      remove.run(stock.id)
    }
    const receive = db.prepare('UPDATE purchaseorderline SET received = received - ? WHERE id = ?')
    const lines: Record<string, { from: number; to: number }> = {}
    for (const { line, packs } of takeBack.values()) {
      receive.run(packs, line.id)
      lines[line.sku] = { from: line.received, to: line.received - packs }
    }
    const open = db
      .prepare<[number], { n: number }>(
        'SELECT count(*) AS n FROM purchaseorderline WHERE order_id = ? AND received < quantity',
      )
      .get(order!)!.n
    const reopenOrder = po.status === 'complete' && open > 0
    if (reopenOrder) db.prepare("UPDATE purchaseorder SET status = 'placed' WHERE id = ?").run(order)
    logEdit(db, actor, 'purchaseorder', order, 'receipt undone', {
      lines,
      ...(reopenOrder ? { status: { from: 'complete', to: 'placed' } } : {}),
    })

    const summary = `Undid: ${action.summary}`
    db.prepare("UPDATE stockaction SET undone_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?").run(action.id)
    db.prepare(
      "INSERT INTO stockaction (kind, operator_id, session_id, summary, undoable) VALUES ('undo', ?, ?, ?, 0)",
    ).run(ctx.operatorId, sessionId, summary)

    // The receipt opens again, unless another one holds scans: an empty one is only a fresh start, given up.
    const other = db
      .prepare<[], { id: number; rows: number }>(
        "SELECT s.id, (SELECT count(*) FROM scansessionrow r WHERE r.session_id = s.id) AS rows FROM scansession s WHERE kind = 'receive' AND status = 'open'",
      )
      .get()
    if (other && other.rows > 0) {
      // Nothing of it stays received: it reads as dropped, its rows kept for the record.
      db.prepare("UPDATE scansession SET status = 'dropped' WHERE id = ?").run(sessionId)
      return { summary, reopened: false }
    }
    if (other) db.prepare('DELETE FROM scansession WHERE id = ?').run(other.id)
    db.prepare("UPDATE scansession SET status = 'open', closed_at = NULL WHERE id = ?").run(sessionId)
    return { summary, reopened: true }
  })
}
