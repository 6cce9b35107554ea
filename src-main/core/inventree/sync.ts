/**
 * One sync of the desk with its server: push what the desk did, then pull what changed, then read again the rows
 * that discarded actions left different from the server. Pushing first means the pull already sees the desk's
 * own actions applied on the server; a push stopped by a lost server skips the pull (it could not run either).
 */
import type { SyncSummaryView } from '../../contract'
import type { Db } from '../db/connection'
import { writeTransaction } from '../db/write-transaction'
import type { InventreeClient } from './client'
import { InventreeError } from './errors'
import { Outbox } from './outbox'
import { pullReplica, refreshRows, type PullProgress } from './pull'
import { pushOutbox } from './push'

/** pulled, pushed, confirmed (settled by checking the server: an earlier push had landed), parked, queued, stopped. */
export type SyncSummary = SyncSummaryView

export interface SyncOptions {
  client: InventreeClient
  full?: boolean
  onProgress?: (progress: SyncProgress) => void
}

export type SyncProgress = { phase: 'push'; done: number; total: number } | ({ phase: 'pull' } & PullProgress)

export interface SyncRecord {
  lastSync: string | null
  lastError: string | null
  lastResult: SyncSummary | null
}

export function loadSyncRecord(db: Db): SyncRecord {
  const row = db
    .prepare<[], { last_sync: string | null; last_error: string | null; last_result: string | null }>(
      'SELECT last_sync, last_error, last_result FROM inventree_sync WHERE id = 1',
    )
    .get()
  return {
    lastSync: row?.last_sync ?? null,
    lastError: row?.last_error ?? null,
    lastResult: row?.last_result ? (JSON.parse(row.last_result) as SyncSummary) : null,
  }
}

function saveSyncRecord(db: Db, summary: SyncSummary | null, error: string | null): void {
  writeTransaction(db, () =>
    db
      .prepare(
        `INSERT INTO inventree_sync (id, last_sync, last_error, last_result) VALUES (1, @at, @error, @result)
         ON CONFLICT(id) DO UPDATE SET last_sync = coalesce(@at, last_sync), last_error = @error,
           last_result = coalesce(@result, last_result)`,
      )
      .run({
        at: error === null ? new Date().toISOString() : null,
        error,
        result: summary ? JSON.stringify(summary) : null,
      }),
  )
}

export async function syncDesk(db: Db, options: SyncOptions): Promise<SyncSummary> {
  const outbox = new Outbox(db)
  try {
    const push = await pushOutbox(db, {
      client: options.client,
      onProgress: (done, total) => options.onProgress?.({ phase: 'push', done, total }),
    })
    let pulled = 0
    if (push.stopped === null) {
      const pull = await pullReplica(db, {
        client: options.client,
        full: options.full,
        onProgress: (p) => options.onProgress?.({ phase: 'pull', ...p }),
      })
      pulled = Object.values(pull.pulled).reduce((a, b) => a + b, 0)
      for (const r of outbox.toRefresh()) {
        await refreshRows(db, options.client, r.touches)
        outbox.markRefreshed(r.id)
      }
    }
    const counts = outbox.counts()
    const summary: SyncSummary = {
      pulled,
      pushed: push.pushed,
      confirmed: push.confirmed,
      parked: counts.parked,
      queued: counts.queued,
      stopped: push.stopped,
    }
    saveSyncRecord(db, summary, push.stopped)
    return summary
  } catch (err) {
    if (err instanceof InventreeError) saveSyncRecord(db, null, err.message)
    throw err
  }
}
