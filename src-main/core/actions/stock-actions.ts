/**
 * Stock operations a desk performs on scanned items: move, count, add, remove, merge — and undo. Each is one
 * transaction that writes a tracking row per item (what, delta, from, to, operator, the scan that caused it) and
 * records every item's state before and after, so undo restores exactly that state, or refuses when the item has
 * changed since. A failure anywhere (a deleted item, a structural location) rolls the whole action back.
 */
import type { ActionResult, StockActionKind } from '../../contract'
import type { Db } from '../db/connection'
import { writeTransaction } from '../db/write-transaction'
import { ConflictError, NotFoundError } from '../errors'
import { isReplica, queueDeskAction } from '../inventree/outbox'
import type { OutboxAction } from '../inventree/outbox-actions'

export interface ActionContext {
  operatorId: number | null
  sessionId?: number | null
  scanId?: number | null
}

export interface StockRow {
  id: number
  part_id: number
  location_id: number | null
  quantity: number
  batch: string
  serial: string | null
  expiry: string | null
  status: string
  supplier_part_id: number | null
  purchase_order_id: number | null
}

interface Change {
  id: number
  kind: string
  delta: number
  from: number | null
  to: number | null
  notes?: string
}

const COLUMNS = 'id, part_id, location_id, quantity, batch, serial, expiry, status, supplier_part_id, purchase_order_id'

/** A stock item as an action's before/after snapshot records it (the same columns, in the same order). */
export function stockSnapshot(db: Db, id: number): string | null {
  const row = db.prepare<[number], StockRow>(`SELECT ${COLUMNS} FROM stockitem WHERE id = ?`).get(id)
  return row ? JSON.stringify(row) : null
}

export class StockActions {
  /** `deskName` is asked per action, so a renamed desk's actions carry the new name from then on. */
  constructor(
    private readonly db: Db,
    private readonly deskName: () => string | null = () => null,
  ) {}

  private row(id: number): StockRow | undefined {
    return this.db.prepare<[number], StockRow>(`SELECT ${COLUMNS} FROM stockitem WHERE id = ?`).get(id)
  }

  private rows(ids: number[]): StockRow[] {
    if (ids.length === 0) throw new ConflictError('Select at least one stock item')
    const unique = [...new Set(ids)]
    return unique.map((id) => {
      const row = this.row(id)
      if (!row) throw new NotFoundError(`Stock item #${id} no longer exists`)
      return row
    })
  }

  private locationName(id: number): string {
    const loc = this.db
      .prepare<[number], { name: string; structural: number }>(
        'SELECT name, structural FROM stocklocation WHERE id = ?',
      )
      .get(id)
    if (!loc) throw new NotFoundError(`No stock location with pk ${id}`)
    if (loc.structural)
      throw new ConflictError(
        `${loc.name} is a structural location and holds no stock; choose a bin or shelf inside it`,
      )
    return loc.name
  }

  /** Runs `mutate` in one transaction and records the action with before/after states and tracking rows. */
  private run(
    kind: StockActionKind,
    ctx: ActionContext,
    summary: string,
    ids: number[],
    mutate: () => Change[],
    undoable = true,
    queue: OutboxAction | null = null,
  ): ActionResult {
    return writeTransaction(this.db, (): ActionResult => {
      const before = new Map(ids.map((id) => [id, this.row(id) ?? null]))
      const changes = mutate()
      const actionId = Number(
        this.db
          .prepare(
            'INSERT INTO stockaction (kind, operator_id, desk, session_id, summary, undoable) VALUES (?, ?, ?, ?, ?, ?)',
          )
          .run(kind, ctx.operatorId, this.deskName(), ctx.sessionId ?? null, summary, undoable ? 1 : 0).lastInsertRowid,
      )
      const snapshot = this.db.prepare(
        'INSERT INTO stockactionitem (action_id, stockitem_id, before, after) VALUES (?, ?, ?, ?)',
      )
      for (const id of new Set([...ids, ...changes.map((c) => c.id)])) {
        const was = before.get(id) ?? null
        const now = this.row(id) ?? null
        snapshot.run(actionId, id, was && JSON.stringify(was), now && JSON.stringify(now))
      }
      const track = this.db.prepare(
        'INSERT INTO stocktracking (stockitem_id, kind, delta, from_location_id, to_location_id, operator_id, scan_id, action_id, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      for (const c of changes)
        track.run(c.id, c.kind, c.delta, c.from, c.to, ctx.operatorId, ctx.scanId ?? null, actionId, c.notes ?? '')
      // On a replica the server hears of it through the outbox, kept or lost with the local change.
      if (queue) queueDeskAction(this.db, queue, summary, ctx.operatorId)
      return { actionId, kind, items: changes.length, summary }
    })
  }

  move(ids: number[], locationId: number, ctx: ActionContext): ActionResult {
    return writeTransaction(this.db, () => {
      const name = this.locationName(locationId)
      const rows = this.rows(ids)
      const update = this.db.prepare('UPDATE stockitem SET location_id = ? WHERE id = ?')
      return this.run(
        'move',
        ctx,
        `Moved ${rows.length} stock item${rows.length === 1 ? '' : 's'} to ${name}`,
        rows.map((r) => r.id),
        () =>
          rows.map((r) => {
            update.run(locationId, r.id)
            return { id: r.id, kind: 'moved', delta: 0, from: r.location_id, to: locationId }
          }),
        true,
        {
          kind: 'transfer',
          location: locationId,
          items: rows.map((r) => ({ pk: r.id, quantity: r.quantity, from: r.location_id })),
        },
      )
    })
  }

  count(ids: number[], quantity: number, ctx: ActionContext): ActionResult {
    if (!(quantity >= 0)) throw new ConflictError('A count must be zero or more')
    return writeTransaction(this.db, () => {
      const rows = this.rows(ids)
      const update = this.db.prepare('UPDATE stockitem SET quantity = ? WHERE id = ?')
      return this.run(
        'count',
        ctx,
        `Counted ${rows.length} stock item${rows.length === 1 ? '' : 's'}: ${quantity} each`,
        rows.map((r) => r.id),
        () =>
          rows.map((r) => {
            update.run(quantity, r.id)
            return { id: r.id, kind: 'counted', delta: quantity - r.quantity, from: r.location_id, to: r.location_id }
          }),
        true,
        { kind: 'count', items: rows.map((r) => ({ pk: r.id, quantity, before: r.quantity })) },
      )
    })
  }

  /** Adds (positive) or removes (negative) the same quantity on each item; removing more than there is fails. */
  adjust(ids: number[], delta: number, ctx: ActionContext): ActionResult {
    if (delta === 0 || !Number.isFinite(delta)) throw new ConflictError('Give a quantity to add or remove')
    return writeTransaction(this.db, () => {
      const rows = this.rows(ids)
      for (const r of rows) {
        if (r.quantity + delta < 0)
          throw new ConflictError(`Stock item #${r.id} holds ${r.quantity}; cannot remove ${-delta}`)
      }
      const update = this.db.prepare('UPDATE stockitem SET quantity = quantity + ? WHERE id = ?')
      const verb = delta > 0 ? 'Added' : 'Removed'
      return this.run(
        delta > 0 ? 'add' : 'remove',
        ctx,
        `${verb} ${Math.abs(delta)} on ${rows.length} stock item${rows.length === 1 ? '' : 's'}`,
        rows.map((r) => r.id),
        () =>
          rows.map((r) => {
            update.run(delta, r.id)
            return { id: r.id, kind: delta > 0 ? 'added' : 'removed', delta, from: r.location_id, to: r.location_id }
          }),
        true,
        {
          kind: delta > 0 ? 'add' : 'remove',
          items: rows.map((r) => ({ pk: r.id, quantity: Math.abs(delta), before: r.quantity })),
        },
      )
    })
  }

  /** Merges stock items of one part into the first one; the others are emptied (kept, so their history stays). */
  merge(ids: number[], ctx: ActionContext): ActionResult {
    return writeTransaction(this.db, () => {
      const rows = this.rows(ids)
      if (rows.length < 2) throw new ConflictError('Select at least two stock items to merge')
      if (new Set(rows.map((r) => r.part_id)).size > 1)
        throw new ConflictError('Only stock items of the same part can be merged')
      const [target, ...others] = rows as [StockRow, ...StockRow[]]
      const total = others.reduce((n, r) => n + r.quantity, 0)
      // InvenTree deletes the items merged away, so on a replica a merge cannot be undone at the desk.
      const replica = isReplica(this.db)
      if (replica && target.location_id === null)
        throw new ConflictError(`Stock item #${target.id} has no location: move it to one before merging into it`)
      return this.run(
        'merge',
        ctx,
        `Merged ${others.length} stock item${others.length === 1 ? '' : 's'} into #${target.id}`,
        rows.map((r) => r.id),
        () => {
          this.db.prepare('UPDATE stockitem SET quantity = quantity + ? WHERE id = ?').run(total, target.id)
          const empty = this.db.prepare('UPDATE stockitem SET quantity = 0 WHERE id = ?')
          const changes: Change[] = [
            {
              id: target.id,
              kind: 'merged',
              delta: total,
              from: target.location_id,
              to: target.location_id,
              notes: `from ${others.map((o) => `#${o.id}`).join(', ')}`,
            },
          ]
          for (const o of others) {
            empty.run(o.id)
            changes.push({
              id: o.id,
              kind: 'merged',
              delta: -o.quantity,
              from: o.location_id,
              to: target.location_id,
              notes: `into #${target.id}`,
            })
          }
          return changes
        },
        !replica,
        { kind: 'merge', location: target.location_id ?? 0, items: rows.map((r) => r.id) },
      )
    })
  }

  /**
   * Records stock items created by a receipt. Not undoable by the generic undo: the receipt also changed its
   * order lines and barcode links, and is undone as a whole (./receipt-undo.ts).
   */
  recordReceipt(
    created: { id: number; locationId: number; quantity: number; scanId: number | null }[],
    ctx: ActionContext,
    summary: string,
  ): ActionResult {
    return this.run(
      'receive',
      ctx,
      summary,
      [],
      () => created.map((c) => ({ id: c.id, kind: 'received', delta: c.quantity, from: null, to: c.locationId })),
      false,
    )
  }

  /**
   * On a replica, an undo reaches the server as what it does there: the items moved back to where they were and
   * counted back to what they held.
   */
  private queueUndo(reverts: { was: StockRow; now: StockRow }[], summary: string, ctx: ActionContext): void {
    const back = new Map<number, { pk: number; quantity: number; from: number | null }[]>()
    for (const { was, now } of reverts)
      if (was.location_id !== null && was.location_id !== now.location_id) {
        const list = back.get(was.location_id) ?? []
        list.push({ pk: was.id, quantity: now.quantity, from: now.location_id })
        back.set(was.location_id, list)
      }
    for (const [location, items] of back)
      queueDeskAction(this.db, { kind: 'transfer', location, items }, summary, ctx.operatorId)
    const counts = reverts
      .filter(({ was, now }) => was.quantity !== now.quantity)
      .map(({ was, now }) => ({ pk: was.id, quantity: was.quantity, before: now.quantity }))
    if (counts.length) queueDeskAction(this.db, { kind: 'count', items: counts }, summary, ctx.operatorId)
  }

  /** Undoes an action (the newest undoable one when no id is given), if its items are still as it left them. */
  undo(actionId: number | null, ctx: ActionContext): ActionResult {
    return writeTransaction(this.db, (): ActionResult => {
      const action =
        actionId === null
          ? this.db
              .prepare<[], { id: number; kind: string; summary: string; undone_at: string | null; undoable: number }>(
                'SELECT id, kind, summary, undone_at, undoable FROM stockaction WHERE undone_at IS NULL AND undoable = 1 ORDER BY id DESC LIMIT 1',
              )
              .get()
          : this.db
              .prepare<
                [number],
                { id: number; kind: string; summary: string; undone_at: string | null; undoable: number }
              >('SELECT id, kind, summary, undone_at, undoable FROM stockaction WHERE id = ?')
              .get(actionId)
      if (!action) throw new NotFoundError(actionId === null ? 'There is nothing to undo' : `No action ${actionId}`)
      if (action.undone_at) throw new ConflictError(`"${action.summary}" was already undone`)
      if (!action.undoable) throw new ConflictError(`"${action.summary}" cannot be undone`)
      const items = this.db
        .prepare<[number], { stockitem_id: number; before: string | null; after: string | null }>(
          'SELECT stockitem_id, before, after FROM stockactionitem WHERE action_id = ?',
        )
        .all(action.id)
      const restore = this.db.prepare(
        'UPDATE stockitem SET part_id = ?, location_id = ?, quantity = ?, batch = ?, serial = ?, expiry = ?, status = ?, supplier_part_id = ?, purchase_order_id = ? WHERE id = ?',
      )
      const track = this.db.prepare(
        "INSERT INTO stocktracking (stockitem_id, kind, delta, from_location_id, to_location_id, operator_id, action_id, notes) VALUES (?, 'undone', ?, ?, ?, ?, ?, ?)",
      )
      const reverts: { was: StockRow; now: StockRow }[] = []
      for (const item of items) {
        const now = this.row(item.stockitem_id)
        if (JSON.stringify(now ?? null) !== (item.after ?? 'null')) {
          throw new ConflictError(
            `Stock item #${item.stockitem_id} has changed since "${action.summary}"; undo it by hand`,
          )
        }
        const was = item.before ? (JSON.parse(item.before) as StockRow) : null
        if (!was || !now)
          throw new ConflictError(`"${action.summary}" created or removed stock items and cannot be undone here`)
        restore.run(
          was.part_id,
          was.location_id,
          was.quantity,
          was.batch,
          was.serial,
          was.expiry,
          was.status,
          was.supplier_part_id,
          was.purchase_order_id,
          was.id,
        )
        track.run(
          was.id,
          was.quantity - now.quantity,
          now.location_id,
          was.location_id,
          ctx.operatorId,
          action.id,
          `undo of "${action.summary}"`,
        )
        reverts.push({ was, now })
      }
      this.queueUndo(reverts, `Undid: ${action.summary}`, ctx)
      this.db
        .prepare("UPDATE stockaction SET undone_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?")
        .run(action.id)
      return { actionId: action.id, kind: 'undo', items: items.length, summary: `Undid: ${action.summary}` }
    })
  }
}
