/** The one stored InvenTree connection of this station (table `inventree_connection`). */
import type { Database } from 'better-sqlite3'
import type { DeskAction, Roles } from './desk-actions'

export interface ConnectionRecord {
  url: string
  server: string
  serverVersion: string
  instance: string
  apiVersion: number
  user: { pk: number; username: string; isSuperuser: boolean }
  roles: Roles
  allowedActions: DeskAction[]
  connectedAt: string
}

interface Row {
  url: string
  server: string
  server_version: string
  instance: string
  api_version: number
  user_pk: number
  username: string
  is_superuser: number
  roles: string
  allowed_actions: string
  connected_at: string
}

export function loadConnection(db: Database): ConnectionRecord | null {
  const row = db.prepare('SELECT * FROM inventree_connection WHERE id = 1').get() as Row | undefined
  if (!row) return null
  return {
    url: row.url,
    server: row.server,
    serverVersion: row.server_version,
    instance: row.instance,
    apiVersion: row.api_version,
    user: { pk: row.user_pk, username: row.username, isSuperuser: row.is_superuser === 1 },
    roles: JSON.parse(row.roles) as Roles,
    allowedActions: JSON.parse(row.allowed_actions) as DeskAction[],
    connectedAt: row.connected_at,
  }
}

export function saveConnection(db: Database, record: ConnectionRecord): void {
  db.prepare(
    `INSERT OR REPLACE INTO inventree_connection
       (id, url, server, server_version, instance, api_version, user_pk, username, is_superuser, roles,
        allowed_actions, connected_at)
     VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    record.url,
    record.server,
    record.serverVersion,
    record.instance,
    record.apiVersion,
    record.user.pk,
    record.user.username,
    record.user.isSuperuser ? 1 : 0,
    JSON.stringify(record.roles),
    JSON.stringify(record.allowedActions),
    record.connectedAt,
  )
}

export function clearConnection(db: Database): void {
  db.prepare('DELETE FROM inventree_connection').run()
}
