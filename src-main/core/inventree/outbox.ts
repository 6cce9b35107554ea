/**
 * The desk's outbox on a replica: desk actions queued in the transaction of their local effect, and the states a
 * row goes through on its way to the server (queued → done, or parked with the server's reason until a person
 * retries, edits or discards it). A database that is not a replica has no server to push to and queues nothing.
 */
import type { Db } from '../db/connection'
import { writeTransaction } from '../db/write-transaction'
import { ConflictError, NotFoundError } from '../errors'
import { isReplica } from './replica'
import { outboxActionSchema, touchedBy, type ItemKey, type OutboxAction, type OutboxKind } from './outbox-actions'

export type OutboxState = 'queued' | 'parked' | 'done' | 'discarded'

export interface OutboxEntry {
  id: number
  kind: OutboxKind
  action: OutboxAction | null
  /** Why the stored payload could not be read (then `action` is null). */
  unreadable?: string
  summary: string
  state: OutboxState
  attempts: number
  attemptedAt: string | null
  reason: string | null
  operatorId: number | null
  createdAt: string
  settledAt: string | null
}

interface OutboxRow {
  id: number
  kind: string
  payload: string
  summary: string
  state: OutboxState
  attempts: number
  attempted_at: string | null
  reason: string | null
  operator_id: number | null
  created_at: string
  settled_at: string | null
}

const COLUMNS = 'id, kind, payload, summary, state, attempts, attempted_at, reason, operator_id, created_at, settled_at'

function entryOf(row: OutboxRow): OutboxEntry {
  let action: OutboxAction | null = null
  let unreadable: string | undefined
  try {
    const parsed = outboxActionSchema.safeParse(JSON.parse(row.payload))
    if (parsed.success) action = parsed.data
    else unreadable = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
  } catch (err) {
    unreadable = err instanceof Error ? err.message : String(err)
  }
  return {
    id: row.id,
    kind: row.kind as OutboxKind,
    action,
    ...(unreadable ? { unreadable } : {}),
    summary: row.summary,
    state: row.state,
    attempts: row.attempts,
    attemptedAt: row.attempted_at,
    reason: row.reason,
    operatorId: row.operator_id,
    createdAt: row.created_at,
    settledAt: row.settled_at,
  }
}

export { isReplica }

/**
 * The pk for a row the desk creates: on a replica a negative one, below every other desk-made row, so it cannot
 * take a pk the server will give to something else; elsewhere null (SQLite picks the next rowid).
 */
export function newRowPk(db: Db, table: 'stockitem' | 'supplierpart'): number | null {
  if (!isReplica(db)) return null
  const lowest = db.prepare<[], { n: number | null }>(`SELECT min(id) AS n FROM ${table}`).get()?.n ?? 0
  const mapped =
    db
      .prepare<[string], { n: number | null }>('SELECT min(local_pk) AS n FROM inventree_pk_map WHERE model_type = ?')
      .get(table)?.n ?? 0
  return Math.min(lowest, mapped, 0) - 1
}

/**
 * Queues a desk action for the server. Must run inside the write transaction of the action's local effect, so
 * the two are kept or lost together. On a database that is not a replica it does nothing.
 */
export function queueDeskAction(
  db: Db,
  action: OutboxAction,
  summary: string,
  operatorId: number | null,
): number | null {
  if (!db.inTransaction) throw new Error('A desk action is queued in the transaction of its local effect')
  if (!isReplica(db)) return null
  const checked = outboxActionSchema.parse(action)
  return Number(
    db
      .prepare('INSERT INTO inventree_outbox (kind, payload, summary, touches, operator_id) VALUES (?, ?, ?, ?, ?)')
      .run(checked.kind, JSON.stringify(checked), summary, JSON.stringify(touchedBy(checked)), operatorId)
      .lastInsertRowid,
  )
}

export class Outbox {
  constructor(private readonly db: Db) {}

  /** The oldest queued row: rows are pushed one at a time, in the order the desk did them. */
  next(): OutboxEntry | null {
    const row = this.db
      .prepare<[], OutboxRow>(`SELECT ${COLUMNS} FROM inventree_outbox WHERE state = 'queued' ORDER BY id LIMIT 1`)
      .get()
    return row ? entryOf(row) : null
  }

  get(id: number): OutboxEntry {
    const row = this.db.prepare<[number], OutboxRow>(`SELECT ${COLUMNS} FROM inventree_outbox WHERE id = ?`).get(id)
    if (!row) throw new NotFoundError(`No outbox entry ${id}`)
    return entryOf(row)
  }

  /** Queued and parked rows, oldest first; settled ones only when asked for. */
  list(options: { states?: OutboxState[]; limit?: number } = {}): OutboxEntry[] {
    const states = options.states ?? ['queued', 'parked']
    return this.db
      .prepare<unknown[], OutboxRow>(
        `SELECT ${COLUMNS} FROM inventree_outbox WHERE state IN (${states.map(() => '?').join(', ')}) ORDER BY id LIMIT ?`,
      )
      .all(...states, options.limit ?? 1000)
      .map(entryOf)
  }

  counts(): { queued: number; parked: number } {
    const rows = this.db
      .prepare<[], { state: OutboxState; n: number }>(
        "SELECT state, count(*) AS n FROM inventree_outbox WHERE state IN ('queued', 'parked') GROUP BY state",
      )
      .all()
    const of = (s: OutboxState): number => rows.find((r) => r.state === s)?.n ?? 0
    return { queued: of('queued'), parked: of('parked') }
  }

  /**
   * Committed before the row is sent: from now on a replay must first ask the server whether it landed. False when
   * the row left the queue meanwhile (a receipt undone at the desk took it off): then it must not be sent.
   */
  markAttempt(id: number): boolean {
    return writeTransaction(
      this.db,
      () =>
        this.db
          .prepare(
            "UPDATE inventree_outbox SET attempts = attempts + 1, attempted_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ? AND state = 'queued'",
          )
          .run(id).changes > 0,
    )
  }

  /** Marks the row settled; `apply` writes what the server answered (new pks) in the same transaction. */
  complete(id: number, apply: () => void = () => {}): void {
    writeTransaction(this.db, () => {
      apply()
      this.db
        .prepare(
          "UPDATE inventree_outbox SET state = 'done', reason = NULL, settled_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?",
        )
        .run(id)
    })
  }

  /**
   * Parks a row with the server's reason. `applied: false` when the server's answer proves it did not apply the
   * row (its serializers validate a whole request before changing anything), so a retry sends it without a check.
   */
  park(id: number, reason: string, applied: 'no' | 'unknown'): void {
    writeTransaction(this.db, () =>
      this.db
        .prepare(
          `UPDATE inventree_outbox SET state = 'parked', reason = ?, attempted_at = CASE WHEN ? THEN NULL ELSE attempted_at END WHERE id = ?`,
        )
        .run(reason, applied === 'no' ? 1 : 0, id),
    )
  }

  /** A parked row goes back in the queue, in its place. */
  retry(id: number): OutboxEntry {
    return writeTransaction(this.db, () => {
      this.requireParked(id)
      this.db.prepare("UPDATE inventree_outbox SET state = 'queued' WHERE id = ?").run(id)
      return this.get(id)
    })
  }

  /**
   * A parked row with what the person changed (a quantity, a location), queued again. The local rows are not
   * rewritten here: the server's answer to the edited action, pulled afterwards, is what the desk will hold.
   */
  edit(id: number, change: Partial<{ quantity: number; location: number }>): OutboxEntry {
    return writeTransaction(this.db, () => {
      const entry = this.requireParked(id)
      const action = entry.action
      if (!action) throw new ConflictError(`Outbox entry ${id} cannot be read and can only be discarded`)
      const next = structuredClone(action) as OutboxAction
      if (change.location !== undefined) {
        if (!('location' in next)) throw new ConflictError(`A ${next.kind} has no location to change`)
        next.location = change.location
      }
      if (change.quantity !== undefined) {
        if (next.kind === 'receive') next.quantity = change.quantity
        else if (next.kind === 'count' || next.kind === 'add' || next.kind === 'remove')
          for (const item of next.items) item.quantity = change.quantity
        else throw new ConflictError(`A ${next.kind} has no quantity to change`)
      }
      const checked = outboxActionSchema.safeParse(next)
      if (!checked.success) throw new ConflictError(`That change does not make a valid ${next.kind}`)
      this.db
        .prepare("UPDATE inventree_outbox SET payload = ?, state = 'queued', reason = NULL WHERE id = ?")
        .run(JSON.stringify(checked.data), id)
      return this.get(id)
    })
  }

  /**
   * Gives a parked row up: the server's state stands. Rows the desk made for it alone (a stock item received
   * offline) are deleted now; rows it changed are read again from the server at the next sync (`refreshed = 0`).
   */
  discard(id: number, removeLocal: (entry: OutboxEntry) => void): OutboxEntry {
    return writeTransaction(this.db, () => {
      const entry = this.requireParked(id)
      removeLocal(entry)
      this.db
        .prepare(
          "UPDATE inventree_outbox SET state = 'discarded', refreshed = 0, settled_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?",
        )
        .run(id)
      return this.get(id)
    })
  }

  /** Discarded rows whose touched rows the next sync must read again from the server. */
  toRefresh(): { id: number; touches: ItemKey[] }[] {
    return this.db
      .prepare<[], { id: number; touches: string }>(
        "SELECT id, touches FROM inventree_outbox WHERE state = 'discarded' AND refreshed = 0 ORDER BY id",
      )
      .all()
      .map((r) => ({ id: r.id, touches: JSON.parse(r.touches) as ItemKey[] }))
  }

  markRefreshed(id: number): void {
    writeTransaction(this.db, () => this.db.prepare('UPDATE inventree_outbox SET refreshed = 1 WHERE id = ?').run(id))
  }

  /**
   * Rows a pull must leave as the desk has them: those a queued or parked action changed (the server has not
   * seen the change yet) and those a discarded action left to be read again one by one.
   */
  pendingTouches(): Map<string, Set<number>> {
    const out = new Map<string, Set<number>>()
    const rows = this.db
      .prepare<[], { touches: string }>("SELECT touches FROM inventree_outbox WHERE state IN ('queued', 'parked')")
      .all()
    for (const r of rows)
      for (const key of JSON.parse(r.touches) as ItemKey[]) {
        const pk = key.pk < 0 ? (serverPkOf(this.db, key.model, key.pk) ?? key.pk) : key.pk
        let set = out.get(key.model)
        if (!set) out.set(key.model, (set = new Set()))
        set.add(pk)
      }
    return out
  }

  private requireParked(id: number): OutboxEntry {
    const entry = this.get(id)
    if (entry.state !== 'parked')
      throw new ConflictError(`Outbox entry ${id} is ${entry.state}; only a parked entry can be changed`)
    return entry
  }
}

/** The server pk a desk-made row became, or null while the server has not made it. */
export function serverPkOf(db: Db, model: string, localPk: number): number | null {
  if (localPk > 0) return localPk
  return (
    db
      .prepare<[string, number], { server_pk: number }>(
        'SELECT server_pk FROM inventree_pk_map WHERE model_type = ? AND local_pk = ?',
      )
      .get(model, localPk)?.server_pk ?? null
  )
}

/**
 * What discarding a parked action undoes at once: the rows the desk made for it alone, which the server never
 * had. A receipt's stock item goes, with its barcode link; its line counts the bag no more and its order is open
 * again. Rows that existed on the server are read again from it at the next sync instead.
 */
export function removeDeskMade(db: Db, entry: OutboxEntry): void {
  const action = entry.action
  if (!action) return
  if (action.kind === 'receive' && serverPkOf(db, 'stockitem', action.stockitem) === null) {
    db.prepare("DELETE FROM barcodelink WHERE model_type = 'stockitem' AND pk = ?").run(action.stockitem)
    db.prepare('DELETE FROM stockitem WHERE id = ?').run(action.stockitem)
    db.prepare('UPDATE purchaseorderline SET received = max(0, received - ?) WHERE id = ?').run(
      action.quantity,
      action.line,
    )
    db.prepare("UPDATE purchaseorder SET status = 'placed' WHERE id = ? AND status = 'complete'").run(action.order)
  }
  if (action.kind === 'supplierpart' && serverPkOf(db, 'supplierpart', action.supplierpart) === null) {
    db.prepare("DELETE FROM barcodelink WHERE model_type = 'supplierpart' AND pk = ?").run(action.supplierpart)
    db.prepare('UPDATE stockitem SET supplier_part_id = NULL WHERE supplier_part_id = ?').run(action.supplierpart)
    db.prepare('DELETE FROM supplierpart WHERE id = ?').run(action.supplierpart)
  }
}
