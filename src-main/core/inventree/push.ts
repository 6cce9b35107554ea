/**
 * Pushes the outbox to the server, one row at a time in the order the desk did them, exactly once each:
 *
 *   1. a row never sent is marked attempted (committed) and sent;
 *   2. a row marked attempted may have landed before the station died or the answer was lost: the server is
 *      checked first (push-actions.ts), and the row is settled without sending when it did land;
 *   3. the server's answer settles the row, and what the server created takes over the desk-made row's pk, in one
 *      transaction.
 *
 * The server is the truth: a row it refuses (the order completed elsewhere, the bag already received, the item
 * consumed) is parked with the server's reason, never dropped. A row that acts on a desk-made row the server has
 * not created (its receipt is parked) waits parked with it. Losing the server (no answer, a timeout, a 5xx) stops
 * the run with the row still queued, to be checked and sent on the next run; so does a refused token.
 */
import { randomUUID } from 'node:crypto'
import type { Db } from '../db/connection'
import { writeTransaction } from '../db/write-transaction'
import type { InventreeClient } from './client'
import { InventreeError } from './errors'
import { Outbox, serverPkOf, type OutboxEntry } from './outbox'
import type { OutboxAction } from './outbox-actions'
import { adoptServerPk } from './pk-map'
import { checkAction, sendAction, type Created } from './push-actions'

export interface PushSummary {
  pushed: number
  parked: number
  /** Settled by a check without sending: an earlier attempt had landed. */
  confirmed: number
  /** Why the run stopped before the outbox was empty (the server is unreachable, the token refused). */
  stopped: string | null
}

export interface PushOptions {
  client: InventreeClient
  /** At most this many rows in one run, so a sync also pulls in between on a very long queue. */
  limit?: number
  onProgress?: (done: number, total: number) => void
}

/** InvenTree errors that leave whether the call applied open, or say nothing about this row: retry later. */
const isTransient = (err: InventreeError): boolean =>
  err.kind === 'unreachable' || err.kind === 'timeout' || err.kind === 'server' || err.kind === 'unauthorized'

/** The action with desk-made pks replaced by the server's, or the desk-made row it still waits for. */
function onServerPks(db: Db, action: OutboxAction): { action: OutboxAction } | { waits: string } {
  const map = (model: string, pk: number): number | null => serverPkOf(db, model, pk)
  const missing: string[] = []
  const stock = (pk: number): number => {
    const server = map('stockitem', pk)
    if (server === null) missing.push(`stock item ${pk}`)
    return server ?? pk
  }
  let out: OutboxAction
  switch (action.kind) {
    case 'receive':
      // The receipt creates its stock item: its own pk is the one that stays desk-made until it settles.
      return { action }
    case 'transfer':
    case 'count':
    case 'add':
    case 'remove':
      out = { ...action, items: action.items.map((i) => ({ ...i, pk: stock(i.pk) })) } as OutboxAction
      break
    case 'merge':
      out = { ...action, items: action.items.map(stock) }
      break
    case 'link':
    case 'unlink': {
      const pk = map(action.model, action.pk)
      if (pk === null) missing.push(`${action.model} ${action.pk}`)
      out = { ...action, pk: pk ?? action.pk }
      break
    }
    case 'supplierpart':
      return { action }
  }
  return missing.length ? { waits: missing.join(', ') } : { action: out }
}

/** The desk-made pk an action creates, so the server's answer can take it over. */
function createdPk(action: OutboxAction): number | undefined {
  if (action.kind === 'receive') return action.stockitem
  if (action.kind === 'supplierpart') return action.supplierpart
  return undefined
}

/** How long a pusher's lease lasts without being renewed (each row renews it). */
const LEASE_MS = 60_000

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Takes or renews the push lease; false while another pusher of a living process holds it. A holder killed outright leaves
 * its lease behind, so a lease whose process is gone is taken over at once, and one not renewed in time too.
 */
function claimLease(db: Db, owner: string): boolean {
  return writeTransaction(db, () => {
    const row = db
      .prepare<[], { push_owner: string | null; push_pid: number | null; push_until: string | null }>(
        'SELECT push_owner, push_pid, push_until FROM inventree_sync WHERE id = 1',
      )
      .get()
    const held =
      row?.push_owner != null &&
      row.push_owner !== owner &&
      row.push_pid !== null &&
      row.push_until !== null &&
      Date.parse(row.push_until) > Date.now() &&
      isAlive(row.push_pid)
    if (held) return false
    db.prepare(
      `INSERT INTO inventree_sync (id, push_owner, push_pid, push_until) VALUES (1, @owner, @pid, @until)
       ON CONFLICT(id) DO UPDATE SET push_owner = @owner, push_pid = @pid, push_until = @until`,
    ).run({ owner, pid: process.pid, until: new Date(Date.now() + LEASE_MS).toISOString() })
    return true
  })
}

function releaseLease(db: Db, owner: string): void {
  writeTransaction(db, () =>
    db
      .prepare(
        'UPDATE inventree_sync SET push_owner = NULL, push_pid = NULL, push_until = NULL WHERE id = 1 AND push_owner = ?',
      )
      .run(owner),
  )
}

export async function pushOutbox(db: Db, options: PushOptions): Promise<PushSummary> {
  const summary: PushSummary = { pushed: 0, parked: 0, confirmed: 0, stopped: null }
  // The owner names this push; the pid tells whether the process holding a lease is still there.
  const owner = randomUUID()
  if (!claimLease(db, owner)) {
    summary.stopped = 'Another station process on this database is pushing its outbox'
    return summary
  }
  try {
    return await pushRows(db, options, summary, owner)
  } finally {
    releaseLease(db, owner)
  }
}

async function pushRows(db: Db, options: PushOptions, summary: PushSummary, owner: string): Promise<PushSummary> {
  const outbox = new Outbox(db)
  const total = Math.min(outbox.counts().queued, options.limit ?? Infinity)
  const settle = (entry: OutboxEntry, created: Created | undefined): void =>
    outbox.complete(entry.id, () => {
      if (created) adoptServerPk(db, created.model, created.localPk, created.serverPk)
    })
  for (let done = 0; done < total; done++) {
    const entry = outbox.next()
    if (!entry) break
    if (!claimLease(db, owner)) {
      summary.stopped = 'Another station process on this database took over pushing its outbox'
      break
    }
    options.onProgress?.(done, total)
    if (!entry.action) {
      outbox.park(entry.id, `The stored action cannot be read (${entry.unreadable}): discard it`, 'no')
      summary.parked++
      continue
    }
    const mapped = onServerPks(db, entry.action)
    if ('waits' in mapped) {
      outbox.park(
        entry.id,
        `It acts on ${mapped.waits}, which the server has not created yet (the action that makes it is parked)`,
        'no',
      )
      summary.parked++
      continue
    }
    const local = createdPk(entry.action)
    try {
      if (entry.attemptedAt !== null) {
        const check = await checkAction(options.client, mapped.action, local)
        if (check.state === 'applied') {
          settle(entry, check.created)
          summary.confirmed++
          continue
        }
        if (check.state === 'unknown') {
          outbox.park(entry.id, check.reason, 'unknown')
          summary.parked++
          continue
        }
      }
      if (!outbox.markAttempt(entry.id)) continue
      const sent = await sendAction(options.client, mapped.action, local)
      settle(entry, sent.created)
      summary.pushed++
    } catch (err) {
      if (!(err instanceof InventreeError)) throw err
      if (isTransient(err)) {
        summary.stopped = err.message
        break
      }
      // The server validates a whole request before it changes anything: a refusal means nothing was applied.
      outbox.park(entry.id, err.message, 'no')
      summary.parked++
    }
  }
  options.onProgress?.(total, total)
  return summary
}
