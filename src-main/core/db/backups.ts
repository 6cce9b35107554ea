/**
 * The rotating copies of a station's database, in a `backups` folder beside it: made with SQLite's online backup
 * (a consistent copy while scans go on), named by time and reason so the newest sorts first, and pruned to the
 * number the `backup.keep` setting allows. A restore checks the copy first and moves the file it replaces aside,
 * so a wrong choice can be undone by hand.
 */
import Database from 'better-sqlite3'
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import type { BackupInfo, BackupReason } from '../../contract'
import type { Db } from './connection'

const REASONS: readonly BackupReason[] = ['daily', 'migration', 'manual']
const NAME = /^(.+)-(\d{8}T\d{6}\d{3}Z)-(daily|migration|manual)\.db$/

export const backupsDir = (dbPath: string): string => join(dirname(dbPath), 'backups')

const stem = (dbPath: string): string => basename(dbPath).replace(/\.(db|sqlite3?)$/i, '')

const stamp = (at: Date): string => at.toISOString().replace(/[-:.]/g, '')

function parseStamp(text: string): string {
  const [, y, mo, d, h, mi, s, ms] = /^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)(\d{3})Z$/.exec(text)!
  return `${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`
}

/** Where the next backup of this reason goes; a later millisecond if two are made in the same one. */
function targetFor(dbPath: string, reason: BackupReason, at: Date): string {
  const dir = backupsDir(dbPath)
  let when = at.getTime()
  for (;;) {
    const file = join(dir, `${stem(dbPath)}-${stamp(new Date(when))}-${reason}.db`)
    if (!existsSync(file)) return file
    when += 1
  }
}

/** The backups of this database, newest first. */
export function listBackups(dbPath: string): BackupInfo[] {
  const dir = backupsDir(dbPath)
  if (!existsSync(dir)) return []
  const own = stem(dbPath)
  return readdirSync(dir)
    .flatMap((file): BackupInfo[] => {
      const m = NAME.exec(file)
      if (!m || m[1] !== own || !REASONS.includes(m[3] as BackupReason)) return []
      const path = join(dir, file)
      return [{ file, path, createdAt: parseStamp(m[2]!), reason: m[3] as BackupReason, bytes: statSync(path).size }]
    })
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0))
}

/** Deletes the oldest backups beyond `keep`. */
export function pruneBackups(dbPath: string, keep: number): void {
  for (const old of listBackups(dbPath).slice(keep)) rmSync(old.path, { force: true })
}

const info = (path: string, reason: BackupReason, at: Date): BackupInfo => ({
  file: basename(path),
  path,
  createdAt: at.toISOString(),
  reason,
  bytes: statSync(path).size,
})

/** An online backup of an open database; a copy cut short (the station closing) is removed, never kept. */
export async function backupDatabase(db: Db, dbPath: string, reason: BackupReason, keep: number): Promise<BackupInfo> {
  const at = new Date()
  const target = targetFor(dbPath, reason, at)
  mkdirSync(dirname(target), { recursive: true })
  const partial = `${target}.partial`
  try {
    await db.backup(partial)
    renameSync(partial, target)
  } catch (err) {
    rmSync(partial, { force: true })
    throw err
  }
  pruneBackups(dbPath, keep)
  return info(target, reason, at)
}

/**
 * The copy made before a migration. Opening a database is synchronous and the migration must not start before
 * the copy is complete, so this one is a VACUUM INTO (one call, the same consistent snapshot) rather than the
 * online backup, which steps through the event loop.
 */
export function backupBeforeMigrating(db: Db, dbPath: string, keep: number): BackupInfo {
  const at = new Date()
  const target = targetFor(dbPath, 'migration', at)
  mkdirSync(dirname(target), { recursive: true })
  db.prepare('VACUUM INTO ?').run(target)
  pruneBackups(dbPath, keep)
  return info(target, 'migration', at)
}

/** What SQLite's check of a file says: null when it is sound, else its first complaints. */
export function checkFile(path: string, full = false, nativeBinding?: string): string | null {
  let db: Database.Database | null = null
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) })
    const rows = db.pragma(full ? 'integrity_check(5)' : 'quick_check(5)', { simple: false }) as Record<
      string,
      string
    >[]
    const lines = rows.map((row) => (Object.values(row)[0] ?? '').replace(/\s+/g, ' ').trim())
    return lines.length === 1 && lines[0] === 'ok' ? null : lines.join('; ')
  } catch (err) {
    return err instanceof Error ? err.message : String(err)
  } finally {
    db?.close()
  }
}

/** The newest backup that passes its check, or null. */
export function newestGoodBackup(dbPath: string, nativeBinding?: string): BackupInfo | null {
  return listBackups(dbPath).find((b) => checkFile(b.path, false, nativeBinding) === null) ?? null
}

export class BackupRefused extends Error {}

/**
 * Puts `backupPath` in place of the database at `dbPath`, once the copy passed its check. The file it replaces
 * (with its WAL and shared-memory files) is renamed aside, never deleted. The database must be closed.
 */
export function restoreFile(
  dbPath: string,
  backupPath: string,
  options: { nativeBinding?: string; damaged?: boolean } = {},
): { keptAside: string[] } {
  const { nativeBinding } = options
  if (!existsSync(backupPath)) throw new BackupRefused(`No backup at ${backupPath}`)
  const complaint = checkFile(backupPath, false, nativeBinding)
  if (complaint !== null)
    throw new BackupRefused(`The backup ${backupPath} failed its check, so it was not restored: ${complaint}`)
  const aside = `${dbPath}.${options.damaged ? 'damaged' : 'replaced'}-${stamp(new Date())}`
  const keptAside: string[] = []
  for (const suffix of ['', '-wal', '-shm']) {
    if (!existsSync(dbPath + suffix)) continue
    renameSync(dbPath + suffix, aside + suffix)
    keptAside.push(aside + suffix)
  }
  // Copied under another name first, so a copy cut short never sits where the station looks for its database.
  const incoming = `${dbPath}.restoring`
  copyFileSync(backupPath, incoming)
  renameSync(incoming, dbPath)
  return { keptAside }
}
