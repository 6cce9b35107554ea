/** The client of the server this desk is connected to, with its stored token. */
import type { Database } from 'better-sqlite3'
import { createInventreeClient, type InventreeClient } from './client'
import { loadConnection } from './connection-record'
import { InventreeError } from './errors'
import type { TokenStore } from './token-store'

export function deskClient(
  db: Database,
  tokens: TokenStore,
  options: { timeoutMs?: number; fetch?: typeof globalThis.fetch } = {},
): InventreeClient {
  const record = loadConnection(db)
  const token = record ? tokens.load() : null
  if (!record || !token)
    throw new InventreeError('unauthorized', 'This station is not connected to an InvenTree server: connect first')
  return createInventreeClient({ url: record.url, credentials: { token }, ...options })
}
