/**
 * What checking the database at start costs on a large file: SQLite's quick check (every start) and its full
 * integrity check (after an unclean shutdown), the online backup the station makes daily, and a whole open
 * of the Station through its checked path.
 */
import { rmSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { backupDatabase, checkFile } from '../src-main/core/db/backups'
import { openDatabase } from '../src-main/core/db/connection'
import { silentLogger } from '../src-main/core/log/logger'
import { Station } from '../src-main/core/station'
import { fmt, heading, line } from './stats'

const timed = <T>(work: () => T): { value: T; ms: number } => {
  const t = performance.now()
  const value = work()
  return { value, ms: performance.now() - t }
}

export async function benchIntegrity(dbPath: string, stockItems: number): Promise<void> {
  heading(`Database checks at start (${fmt(stockItems, 0)} stock items)`)
  const quick = timed(() => checkFile(dbPath, false))
  line('PRAGMA quick_check', `${fmt(quick.ms / 1000, 2)} s (${quick.value ?? 'ok'})`)
  const full = timed(() => checkFile(dbPath, true))
  line('PRAGMA integrity_check (after an unclean shutdown)', `${fmt(full.ms / 1000, 2)} s (${full.value ?? 'ok'})`)
  const open = timed(() => Station.open({ dbPath, logger: silentLogger, startUserPlugins: false }))
  open.value.close()
  line('Station.open with its quick check', `${fmt(open.ms / 1000, 2)} s`)
  const db = openDatabase(dbPath)
  const t = performance.now()
  const made = await backupDatabase(db, dbPath, 'manual', 1)
  line('online backup (db.backup)', `${fmt((performance.now() - t) / 1000, 2)} s, ${fmt(made.bytes / 1e6, 0)} MB`)
  db.close()
  rmSync(made.path, { force: true })
}
