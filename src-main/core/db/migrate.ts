/**
 * Numbered migrations, each in its own transaction, recorded in `PRAGMA user_version`. Before migrating a
 * database that already holds data, a consistent copy is written beside it, so a failed upgrade loses nothing.
 */
import type { Database } from 'better-sqlite3'
import { existsSync, rmSync } from 'node:fs'
import { writeTransaction } from './write-transaction'
import { inventory } from './migrations/001-inventory'
import { gtin } from './migrations/002-gtin'
import { workflows } from './migrations/003-workflows'
import { historyWithoutTimeIndex } from './migrations/004-history-without-time-index'
import { sessionKindUnchecked } from './migrations/005-session-kind-unchecked'
import { inventreeConnection } from './migrations/006-inventree-connection'
import { inventreeReplica } from './migrations/007-inventree-replica'
import { inventreeOutbox } from './migrations/008-inventree-outbox'
import { operatorPin } from './migrations/009-operator-pin'

export interface Migration {
  version: number
  name: string
  sql: string
  /**
   * Rebuilds a table that others reference: foreign keys are switched off around its transaction (dropping the
   * old table would otherwise cascade into its children), and every reference is checked before it commits.
   */
  rebuildsTable?: true
}

export const migrations: readonly Migration[] = [
  { version: 1, name: 'inventory', sql: inventory },
  { version: 2, name: 'gtin', sql: gtin },
  { version: 3, name: 'workflows', sql: workflows },
  { version: 4, name: 'history without time index', sql: historyWithoutTimeIndex },
  { version: 5, name: 'session kind unchecked', sql: sessionKindUnchecked, rebuildsTable: true },
  { version: 6, name: 'inventree connection', sql: inventreeConnection },
  { version: 7, name: 'inventree replica', sql: inventreeReplica },
  { version: 8, name: 'inventree outbox', sql: inventreeOutbox },
  { version: 9, name: 'operator pin', sql: operatorPin },
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
    // The pragma is a no-op inside a transaction, so it is set around it.
    const restoreForeignKeys = m.rebuildsTable === true && db.pragma('foreign_keys', { simple: true }) === 1
    if (restoreForeignKeys) db.pragma('foreign_keys = OFF')
    try {
      writeTransaction(db, () => {
        // Another process opening the same file may have applied it while this one waited for the write lock.
        if ((db.pragma('user_version', { simple: true }) as number) >= m.version) return
        db.exec(m.sql)
        if (m.rebuildsTable) assertReferencesHold(db, m)
        db.pragma(`user_version = ${m.version}`)
      })
    } finally {
      if (restoreForeignKeys) db.pragma('foreign_keys = ON')
    }
  }
  return { from, to: pending[pending.length - 1]!.version, backup }
}

function assertReferencesHold(db: Database, m: Migration): void {
  const broken = db.pragma('foreign_key_check') as { table: string; parent: string }[]
  if (broken.length > 0)
    throw new Error(
      `Migration ${m.version} (${m.name}) would leave ${broken.length} row(s) of ${broken[0]!.table} pointing at no ${broken[0]!.parent}`,
    )
}

function backupBeforeMigrating(db: Database, path: string, version: number): string {
  const target = `${path}.v${version}.bak`
  if (existsSync(target)) rmSync(target)
  // VACUUM INTO writes a consistent snapshot synchronously, including what is still in the WAL.
  db.prepare('VACUUM INTO ?').run(target)
  return target
}
