/**
 * `backups`, `backup` and `restore`: the database's rotating copies from the command line. They work on the file
 * itself, so they work when the station cannot open it; whoever may write the file may restore it.
 */
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import {
  backupDatabase,
  backupsDir,
  BackupRefused,
  checkFile,
  listBackups,
  newestGoodBackup,
  restoreFile,
} from '../core/db/backups'
import { openCheckedDatabase } from '../core/db/checked-open'
import { Settings } from '../core/settings'

export class BackupCommandError extends Error {}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`

/** Every backup, newest first, each with what SQLite's quick check says of it. */
export function backupsCommand(dbPath: string): string {
  const backups = listBackups(dbPath).map((b) => ({ ...b, check: checkFile(b.path) ?? 'ok' }))
  return json({ database: dbPath, folder: backupsDir(dbPath), backups })
}

export async function backupCommand(dbPath: string): Promise<string> {
  const { db, release } = openCheckedDatabase(dbPath)
  try {
    return json(await backupDatabase(db, dbPath, 'manual', new Settings(db).get('backup.keep')))
  } finally {
    db.close()
    release()
  }
}

/** Restores BACKUP (a file, or a name in the backups folder; default the newest good one), then opens it once. */
export function restoreCommand(dbPath: string, backup: string | undefined): string {
  const path = backup === undefined ? newestGoodBackup(dbPath)?.path : locate(dbPath, backup)
  if (!path) throw new BackupCommandError(`No good backup of ${dbPath} in ${backupsDir(dbPath)}`)
  let keptAside: string[]
  try {
    const damaged = existsSync(dbPath) && checkFile(dbPath) !== null
    ;({ keptAside } = restoreFile(dbPath, path, { damaged }))
  } catch (err) {
    if (err instanceof BackupRefused) throw new BackupCommandError(err.message)
    throw err
  }
  const { db, release } = openCheckedDatabase(dbPath)
  db.close()
  release()
  return json({ database: dbPath, restored: path, keptAside })
}

function locate(dbPath: string, backup: string): string {
  const inFolder = join(backupsDir(dbPath), backup)
  if (!backup.includes('/') && !backup.includes('\\') && existsSync(inFolder)) return inFolder
  return resolve(backup)
}
