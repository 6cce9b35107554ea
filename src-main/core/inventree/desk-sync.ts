/**
 * The desk's link to its InvenTree server inside a running Station: connect and disconnect, the sync worker that
 * pushes the outbox and pulls in the background (every interval, and soon after the desk queues an action), and
 * the parked rows a person retries, edits or discards. One sync runs at a time; scans never wait for it (each of
 * its writes is one short transaction per page or per row).
 */
import type { OutboxItem, SyncStatus, SyncSummaryView } from '../../contract'
import type { Db } from '../db/connection'
import type { Logger } from '../log/logger'
import { connectDesk, disconnectDesk, type Login } from './connect'
import { loadConnection } from './connection-record'
import { deskClient } from './desk-client'
import { InventreeError } from './errors'
import { Outbox, removeDeskMade, type OutboxEntry, type OutboxState } from './outbox'
import { inventreeStatus } from './status'
import { syncDesk, type SyncProgress, type SyncSummary } from './sync'
import type { TokenStore } from './token-store'

export interface DeskSyncOptions {
  db: Db
  tokens: TokenStore
  logger: Logger
  /** Between background syncs while connected; 0 syncs only when asked (no background sync, no kick). */
  intervalMs: number
  /** After the desk queued an action: soon, so a connected desk is rarely more than seconds behind. */
  kickDelayMs?: number
  timeoutMs?: number
  fetch?: typeof globalThis.fetch
  onStatus: (status: SyncStatus) => void
}

function itemOf(entry: OutboxEntry): OutboxItem {
  const a = entry.action
  const editable: OutboxItem['editable'] = []
  let quantity: number | null = null
  let location: number | null = null
  if (a && 'location' in a) {
    editable.push('location')
    location = a.location
  }
  if (a?.kind === 'receive') quantity = a.quantity
  if (a && (a.kind === 'count' || a.kind === 'add' || a.kind === 'remove')) quantity = a.items[0]!.quantity
  if (quantity !== null) editable.push('quantity')
  return {
    id: entry.id,
    kind: entry.kind,
    summary: entry.summary,
    state: entry.state,
    attempts: entry.attempts,
    reason: entry.reason ?? (entry.unreadable ? `Cannot be read: ${entry.unreadable}` : null),
    createdAt: entry.createdAt,
    settledAt: entry.settledAt,
    editable,
    quantity,
    location,
  }
}

export class DeskSync {
  private readonly outbox: Outbox
  private running: Promise<SyncSummary> | null = null
  private progress: SyncStatus['progress'] = null
  private timer: NodeJS.Timeout | null = null
  private kickTimer: NodeJS.Timeout | null = null
  private closed = false

  constructor(private readonly options: DeskSyncOptions) {
    this.outbox = new Outbox(options.db)
  }

  /** Starts the background syncs when the desk is connected and an interval is set. */
  start(): void {
    if (this.options.intervalMs > 0 && !this.timer) {
      this.timer = setInterval(() => this.background(), this.options.intervalMs)
      this.timer.unref()
      this.background()
    }
  }

  close(): void {
    this.closed = true
    if (this.timer) clearInterval(this.timer)
    if (this.kickTimer) clearTimeout(this.kickTimer)
    this.timer = this.kickTimer = null
  }

  status(): SyncStatus {
    // The stored status already carries the last sync, its error and the outbox counts: only the worker's own
    // state (running, progress) is added here.
    const base = inventreeStatus(this.options.db, this.options.tokens)
    const refused = base.lastError !== null && /refused the token|revoked/i.test(base.lastError)
    const state: SyncStatus['state'] = !base.connected
      ? 'not_connected'
      : this.running
        ? 'syncing'
        : refused
          ? 'token_refused'
          : base.lastError
            ? 'offline'
            : 'idle'
    return { ...base, state, progress: this.progress }
  }

  async connect(url: string, login: Login): Promise<SyncStatus> {
    await connectDesk(this.options.db, this.options.tokens, { url, login, timeoutMs: this.options.timeoutMs })
    this.options.logger.info('connected to InvenTree', { url })
    this.start()
    // The first pull starts now, not at the next tick of the interval: a desk just connected has no replica yet.
    this.background()
    return this.status()
  }

  disconnect(): SyncStatus {
    disconnectDesk(this.options.db, this.options.tokens)
    this.options.logger.info('disconnected from InvenTree')
    this.announce()
    return this.status()
  }

  /** Syncs now, or joins the sync already running. */
  sync(full = false): Promise<SyncSummaryView> {
    if (this.running) return this.running
    const client = deskClient(this.options.db, this.options.tokens, {
      timeoutMs: this.options.timeoutMs,
      fetch: this.options.fetch,
    })
    const run = syncDesk(this.options.db, {
      client,
      full,
      onProgress: (p) => this.onProgress(p),
    }).finally(() => {
      this.running = null
      this.progress = null
      if (!this.closed) this.announce()
    })
    this.running = run
    this.announce()
    return run
  }

  /** After the desk queued an action: a sync soon, coalescing a burst of scans into one. */
  kick(): void {
    this.announce()
    if (this.closed || this.kickTimer || this.options.intervalMs <= 0 || !loadConnection(this.options.db)) return
    this.kickTimer = setTimeout(() => {
      this.kickTimer = null
      this.background()
    }, this.options.kickDelayMs ?? 1000)
    this.kickTimer.unref()
  }

  list(states?: OutboxState[], limit?: number): OutboxItem[] {
    return this.outbox.list({ states, limit }).map(itemOf)
  }

  retry(id: number): OutboxItem {
    const entry = this.outbox.retry(id)
    this.kick()
    return itemOf(entry)
  }

  edit(id: number, change: { quantity?: number; location?: number }): OutboxItem {
    const entry = this.outbox.edit(id, change)
    this.options.logger.info('outbox row edited', { id, change })
    this.kick()
    return itemOf(entry)
  }

  discard(id: number): OutboxItem {
    const entry = this.outbox.discard(id, (e) => removeDeskMade(this.options.db, e))
    this.options.logger.info('outbox row discarded', { id, summary: entry.summary })
    this.kick()
    return itemOf(entry)
  }

  private onProgress(p: SyncProgress): void {
    this.progress =
      p.phase === 'push'
        ? { phase: 'push', label: 'desk actions', done: p.done, total: p.total }
        : { phase: 'pull', label: p.label, done: p.done, total: p.total }
    this.announce()
  }

  private background(): void {
    if (this.closed || this.running || this.options.intervalMs <= 0 || !loadConnection(this.options.db)) return
    this.sync().catch((err: unknown) => {
      // A lost server is the normal offline case, recorded in the status; anything else is a bug to log.
      if (!(err instanceof InventreeError)) this.options.logger.error('sync failed', { err })
    })
  }

  private announce(): void {
    this.options.onStatus(this.status())
  }
}
