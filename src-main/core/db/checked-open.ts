/**
 * Opens the station's database only once it is known to be usable: the file and its folder writable, the schema
 * not from a newer station, and SQLite's own check passed (the quick one, or the full integrity check after an
 * unclean shutdown). A file that fails is never answered from: a damaged index answers "No match" for items that
 * exist, which is worse than no answer.
 */
import { accessSync, constants, existsSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import type { DatabaseProblem } from '../../contract'
import { openDatabase, type Db, type OpenOptions } from './connection'
import { assertKnownVersion, DatabaseTooNew } from './migrate'
import { clearMarkers, leaveMarker, staleMarkers } from './open-marker'
import { describeStorageFailure } from './storage-failure'

/** Why the file cannot be used; the Station turns it into its unavailable state. */
export class DatabaseUnusable extends Error {
  constructor(
    readonly kind: DatabaseProblem['kind'],
    message: string,
  ) {
    super(message)
  }
}

export interface CheckedDatabase {
  db: Db
  /** Which check ran before the open: the full one follows an unclean shutdown. */
  check: 'none' | 'quick' | 'full'
  /** Marks the clean close (call after closing the database). */
  release: () => void
}

export function openCheckedDatabase(path: string, options: OpenOptions = {}): CheckedDatabase {
  if (path === ':memory:') return { db: openDatabase(path, options), check: 'none', release: () => {} }
  try {
    assertWritable(path)
    const stale = staleMarkers(path)
    const check = existsSync(path) ? inspect(path, stale.length > 0, options) : 'none'
    const db = openDatabase(path, options)
    clearMarkers(stale)
    return { db, check, release: leaveMarker(path) }
  } catch (err) {
    throw unusable(err, path)
  }
}

/** A check of the file before it is opened for writing; the open that follows migrates it. */
function inspect(path: string, full: boolean, options: OpenOptions): 'quick' | 'full' {
  const db = new Database(path, {
    fileMustExist: true,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  })
  try {
    assertKnownVersion(db, path)
    const rows = db.pragma(full ? 'integrity_check(5)' : 'quick_check(5)') as Record<string, string>[]
    const lines = rows.map((row) => (Object.values(row)[0] ?? '').replace(/\s+/g, ' ').trim())
    if (lines.length !== 1 || lines[0] !== 'ok')
      throw new DatabaseUnusable(
        'damaged',
        `The database ${path} is damaged: SQLite's ${full ? 'integrity' : 'quick'} check found ${lines.join('; ')}`,
      )
    return full ? 'full' : 'quick'
  } finally {
    db.close()
  }
}

/** Names the read-only part exactly (the file, or its folder, where SQLite keeps its WAL beside the file). */
function assertWritable(path: string): void {
  const folder = dirname(path)
  if (existsSync(path) && !canWrite(path))
    throw new DatabaseUnusable(
      'read_only',
      `Cannot write to ${path}: the file is read-only. Give the station's user write permission on it, then start the station again.`,
    )
  if (existsSync(folder) && !canWrite(folder))
    throw new DatabaseUnusable(
      'read_only',
      `Cannot write to ${path}: its folder ${folder} is read-only, and SQLite keeps its journal there. Give the station's user write permission on the folder, then start the station again.`,
    )
}

function canWrite(path: string): boolean {
  try {
    accessSync(path, constants.W_OK)
    return true
  } catch {
    return false
  }
}

/** A storage failure or a refused version as DatabaseUnusable; anything else unchanged. */
export function unusable(err: unknown, path: string): unknown {
  if (err instanceof DatabaseUnusable) return err
  if (err instanceof DatabaseTooNew) return new DatabaseUnusable('too_new', err.message)
  const failure = describeStorageFailure(err, path)
  return failure ? new DatabaseUnusable(failure.kind, failure.message) : err
}
