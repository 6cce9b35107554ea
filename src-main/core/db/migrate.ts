/**
 * Numbered migrations, each in its own transaction, recorded in `PRAGMA user_version`. Before migrating a
 * database that already holds data, a consistent copy is written beside it, so a failed upgrade loses nothing.
 */
import type { Database } from 'better-sqlite3'
import { existsSync, rmSync } from 'node:fs'
import { inventory } from './migrations/001-inventory'
import { gtin } from './migrations/002-gtin'
import { workflows } from './migrations/003-workflows'
import { historyWithoutTimeIndex } from './migrations/004-history-without-time-index'

export interface Migration {
  version: number
  name: string
  sql: string
}

export const migrations: readonly Migration[] = [
  { version: 1, name: 'inventory', sql: inventory },
  { version: 2, name: 'gtin', sql: gtin },
  { version: 3, name: 'workflows', sql: workflows },
  { version: 4, name: 'history without time index', sql: historyWithoutTimeIndex },
]

export const latestVersion = (): number => migrations[migrations.length - 1]!.version

export function migrate(
  db: Database,
  path: string,
  list: readonly Migration[] = migrations,
): { from: number; to: number; backup: string | null } {
  const from = db.pragma('user_version', { simple: true }) as number
  const pending = list.filter((m) => m.version > from)
  if (pending.length === 0) return { from, to: from, backup: null }
  const backup = from > 0 && path !== ':memory:' ? backupBeforeMigrating(db, path, from) : null
  for (const m of pending) {
    db.transaction(() => {
      db.exec(m.sql)
      db.pragma(`user_version = ${m.version}`)
    })()
  }
  return { from, to: pending[pending.length - 1]!.version, backup }
}

function backupBeforeMigrating(db: Database, path: string, version: number): string {
  const target = `${path}.v${version}.bak`
  if (existsSync(target)) rmSync(target)
  // VACUUM INTO writes a consistent snapshot synchronously, including what is still in the WAL.
  db.prepare('VACUUM INTO ?').run(target)
  return target
}
