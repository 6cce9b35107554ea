/**
 * Connecting a desk to its InvenTree server: check the server is one this desk supports, get a token (from a
 * user and password, as InvenTree's own apps do, when none is given), read who the user is and what the user's
 * roles allow at the desk. The record goes to the station's database, the token to its TokenStore only.
 */
import type { Database } from 'better-sqlite3'
import { createInventreeClient, expectData, serverBase, type ClientOptions } from './client'
import { clearConnection, saveConnection, type ConnectionRecord } from './connection-record'
import { allowedActions, type Roles } from './desk-actions'
import { acceptServer } from './server-version'
import type { TokenStore } from './token-store'

/** The name the desk's token carries in InvenTree's token list, so an admin can tell it apart and revoke it. */
export const TOKEN_NAME = 'scan-station-desk'

export type Login = { token: string } | { user: string; password: string }

export interface ConnectOptions {
  url: string
  login: Login
  timeoutMs?: number
  fetch?: typeof globalThis.fetch
  now?: () => Date
}

export async function connect(options: ConnectOptions): Promise<{ record: ConnectionRecord; token: string }> {
  const base = serverBase(options.url)
  const common: Omit<ClientOptions, 'credentials'> = { url: base, timeoutMs: options.timeoutMs, fetch: options.fetch }

  const anonymous = createInventreeClient({ ...common, credentials: null })
  const identity = acceptServer(expectData(await anonymous.GET('/api/'), 'reading the server information'))

  let token: string
  if ('token' in options.login) token = options.login.token
  else {
    const basic = createInventreeClient({ ...common, credentials: options.login })
    const issued = expectData(
      await basic.GET('/api/user/me/token/', { params: { query: { name: TOKEN_NAME } } }),
      'getting a token for the user',
      true,
    )
    token = issued.token
  }

  const client = createInventreeClient({ ...common, credentials: { token } })
  const me = expectData(await client.GET('/api/user/me/'), 'reading the user')
  const roles = expectData(await client.GET('/api/user/me/roles/'), "reading the user's roles")
  const isSuperuser = roles.is_superuser ?? me.is_superuser
  const record: ConnectionRecord = {
    url: base,
    server: identity.server,
    serverVersion: identity.version,
    instance: identity.instance,
    apiVersion: identity.apiVersion,
    user: { pk: me.pk, username: me.username, isSuperuser },
    roles: roles.roles as Roles,
    allowedActions: allowedActions(roles.roles as Roles, isSuperuser),
    connectedAt: (options.now?.() ?? new Date()).toISOString(),
  }
  return { record, token }
}

/**
 * Connects and keeps the result: the token is stored before the record, so a record in the database always has a
 * token beside it; a failed connect leaves the previous connection as it was.
 */
export async function connectDesk(
  db: Database,
  tokens: TokenStore,
  options: ConnectOptions,
): Promise<ConnectionRecord> {
  const { record, token } = await connect(options)
  tokens.save(token)
  saveConnection(db, record)
  return record
}

export function disconnectDesk(db: Database, tokens: TokenStore): void {
  clearConnection(db)
  tokens.clear()
}
