/**
 * What the desk knows of its InvenTree connection, for the CLI's `inventree status` and the footer: the server,
 * the last pull and sync, and how many desk actions wait in the outbox. Never the token.
 */
import type { Database } from 'better-sqlite3'
import type { SyncStatus } from '../../contract'
import { loadConnection } from './connection-record'
import type { DeskAction } from './desk-actions'
import { Outbox } from './outbox'
import { lastPull } from './pull'
import { loadSyncRecord } from './sync'
import type { TokenStore } from './token-store'

/** The contract's SyncStatus without what only a running sync worker knows (its state word and progress). */
export type InventreeStatus = Omit<SyncStatus, 'state' | 'progress' | 'allowedActions'> & {
  allowedActions: DeskAction[]
}

export function inventreeStatus(db: Database, tokens: TokenStore): InventreeStatus {
  const record = loadConnection(db)
  const sync = loadSyncRecord(db)
  let problem: string | undefined
  let hasToken = false
  try {
    hasToken = tokens.load() !== null
    if (record && !hasToken) problem = 'The token is missing: connect again'
  } catch (err) {
    problem = err instanceof Error ? err.message : String(err)
  }
  return {
    connected: record !== null && hasToken,
    url: record?.url ?? null,
    server: record?.server ?? null,
    serverVersion: record?.serverVersion ?? null,
    apiVersion: record?.apiVersion ?? null,
    user: record?.user.username ?? null,
    allowedActions: record?.allowedActions ?? [],
    connectedAt: record?.connectedAt ?? null,
    lastPull: lastPull(db),
    lastSync: sync.lastSync,
    lastError: sync.lastError,
    ...new Outbox(db).counts(),
    ...(record && problem ? { problem } : {}),
  }
}
