/**
 * Numbered migrations, each in its own transaction, recorded in `PRAGMA user_version`. Before migrating a
 * database that already holds data, a consistent copy is written to its backups folder, so a failed upgrade loses
 * nothing. A database a newer station has migrated further is refused before anything touches it: its tables
 * have columns this station does not know, and answering from it would fail later with "no such column".
 */
import type { Database } from 'better-sqlite3'
import { backupBeforeMigrating } from './backups'
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
import { ownInventory } from './migrations/011-own-inventory'
import { phoneLink } from './migrations/012-phone-link'
import { deskName } from './migrations/013-desk-name'

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
  // 10 is another change's; this one keeps its number so databases agree on what 11 means.
  { version: 11, name: 'own inventory', sql: ownInventory, rebuildsTable: true },
  { version: 12, name: 'phone link', sql: phoneLink },
  { version: 13, name: 'desk name', sql: deskName },
]

export const latestVersion = (): number => migrations[migrations.length - 1]!.version

export class DatabaseTooNew extends Error {
  constructor(
    readonly path: string,
    readonly found: number,
    readonly known: number,
  ) {
    super(
      `The database ${path} is from a newer version of the station (schema version ${found}; this station knows up to ${known}). Open it with that newer station, or restore a backup made by this version.`,
    )
  }
}

/** Refuses a database whose schema is newer than every migration this station has. */
export function assertKnownVersion(db: Database, path: string, list: readonly Migration[] = migrations): void {
  const found = db.pragma('user_version', { simple: true }) as number
  const known = list[list.length - 1]!.version
  if (found > known) throw new DatabaseTooNew(path, found, known)
}

export function migrate(
  db: Database,
  path: string,
  list: readonly Migration[] = migrations,
): { from: number; to: number; backup: string | null } {
  assertKnownVersion(db, path, list)
  const from = db.pragma('user_version', { simple: true }) as number
  const pending = list.filter((m) => m.version > from)
  if (pending.length === 0) return { from, to: from, backup: null }
  const backup = from > 0 && path !== ':memory:' ? backupBeforeMigrating(db, path, keptBackups(db)).path : null
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

/** The `backup.keep` setting, read raw: the settings module is not ready before the schema is. */
function keptBackups(db: Database): number {
  try {
    const row = db.prepare("SELECT value FROM setting WHERE key = 'backup.keep'").get() as { value: string } | undefined
    const n = row ? Number(JSON.parse(row.value)) : NaN
    return Number.isInteger(n) && n >= 1 ? n : 7
  } catch {
    return 7
  }
}
