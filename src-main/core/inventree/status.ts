/**
 * What the desk knows of its InvenTree connection, for the CLI's `inventree status` and the footer. Never the
 * token. `queued` and `parked` come from the outbox once it exists; until then the desk has queued nothing.
 */
import type { Database } from 'better-sqlite3'
import { loadConnection } from './connection-record'
import type { DeskAction } from './desk-actions'
import { lastPull } from './pull'
import type { TokenStore } from './token-store'

export interface InventreeStatus {
  connected: boolean
  url: string | null
  server: string | null
  serverVersion: string | null
  apiVersion: number | null
  user: string | null
  allowedActions: DeskAction[]
  connectedAt: string | null
  lastPull: string | null
  queued: number
  parked: number
  /** Why a stored connection cannot be used, e.g. the token file is missing or readable by others. */
  problem?: string
}

export function inventreeStatus(db: Database, tokens: TokenStore): InventreeStatus {
  const record = loadConnection(db)
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
    queued: 0,
    parked: 0,
    ...(record && problem ? { problem } : {}),
  }
}
