/**
 * The desk's InvenTree connection as the renderer sees it: its state for the footer and the settings screen, and
 * the outbox rows for the Sync screen. Never the token.
 */

/** What the sync worker is doing: the footer's dot and word. */
export type SyncState = 'not_connected' | 'idle' | 'syncing' | 'offline' | 'token_refused'

export interface SyncProgressView {
  phase: 'push' | 'pull'
  /** What is being pulled ("stock items") or "desk actions" while pushing. */
  label: string
  done: number
  total: number
}

export interface SyncStatus {
  connected: boolean
  state: SyncState
  url: string | null
  server: string | null
  serverVersion: string | null
  apiVersion: number | null
  user: string | null
  /** Desk actions the user's InvenTree roles allow (receive, move, count, …). */
  allowedActions: string[]
  connectedAt: string | null
  lastPull: string | null
  lastSync: string | null
  /** Why the last sync stopped (the server unreachable, the token refused); null after a good one. */
  lastError: string | null
  queued: number
  parked: number
  progress: SyncProgressView | null
  /** Why a stored connection cannot be used (the token file missing or readable by others). */
  problem?: string
}

export interface SyncSummaryView {
  pulled: number
  pushed: number
  confirmed: number
  parked: number
  queued: number
  stopped: string | null
}

export type OutboxKindName =
  'receive' | 'transfer' | 'count' | 'add' | 'remove' | 'merge' | 'link' | 'unlink' | 'supplierpart'

export interface OutboxItem {
  id: number
  kind: OutboxKindName
  summary: string
  state: 'queued' | 'parked' | 'done' | 'discarded'
  attempts: number
  /** The server's reason for a parked row. */
  reason: string | null
  createdAt: string
  settledAt: string | null
  /** What an edit may change on this row before it is retried. */
  editable: ('quantity' | 'location')[]
  /** The row's current quantity and location, for the edit form. */
  quantity: number | null
  location: number | null
}
