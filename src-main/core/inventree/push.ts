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
import type { Db } from '../db/connection'
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

export async function pushOutbox(db: Db, options: PushOptions): Promise<PushSummary> {
  const outbox = new Outbox(db)
  const summary: PushSummary = { pushed: 0, parked: 0, confirmed: 0, stopped: null }
  const total = Math.min(outbox.counts().queued, options.limit ?? Infinity)
  const settle = (entry: OutboxEntry, created: Created | undefined): void =>
    outbox.complete(entry.id, () => {
      if (created) adoptServerPk(db, created.model, created.localPk, created.serverPk)
    })
  for (let done = 0; done < total; done++) {
    const entry = outbox.next()
    if (!entry) break
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
      outbox.markAttempt(entry.id)
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
