/**
 * Turns what SQLite or the file system reports about the database file into the reason a person can act on,
 * naming the file: a full disk, a read-only file or folder, a file that cannot be opened, a damaged file.
 * Anything else is not a storage failure and stays the caller's to handle.
 */
import { statfsSync } from 'node:fs'
import { dirname } from 'node:path'
import type { DatabaseProblem } from '../../contract'

export type StorageKind = DatabaseProblem['kind']

export interface StorageFailure {
  kind: StorageKind
  message: string
}

const codeOf = (err: unknown): string =>
  err !== null && typeof err === 'object' && 'code' in err && typeof err.code === 'string' ? err.code : ''

/**
 * SQLite reports a full disk as SQLITE_FULL only where it knows; growing the WAL index or writing a page may
 * come back as an I/O error, so the free space of the folder decides then.
 */
function diskIsFull(path: string): boolean {
  try {
    const fs = statfsSync(dirname(path))
    return fs.bavail * fs.bsize < 256 * 1024
  } catch {
    return false
  }
}

export function describeStorageFailure(err: unknown, path: string): StorageFailure | null {
  const code = codeOf(err)
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || (code.startsWith('SQLITE_IOERR') && diskIsFull(path)))
    return {
      kind: 'disk_full',
      message: `Cannot write to ${path}: the disk is full. Free space on that disk; the station answers again as soon as there is room.`,
    }
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM')
    return {
      kind: 'read_only',
      message: `Cannot write to ${path}: the file or its folder is read-only (${code}). Give the station's user write permission on both, then start it again.`,
    }
  if (code.startsWith('SQLITE_CANTOPEN'))
    return {
      kind: 'unreadable',
      message: `Cannot open ${path}: the file or its folder cannot be read or written (${code}). Check that the folder exists and the station's user may write in it.`,
    }
  if (code === 'SQLITE_CORRUPT' || code.startsWith('SQLITE_CORRUPT_') || code === 'SQLITE_NOTADB')
    return { kind: 'damaged', message: `The database ${path} is damaged (${code})` }
  if (code === 'SQLITE_IOERR_NOMEM' || code === 'SQLITE_NOMEM') return null
  if (code.startsWith('SQLITE_IOERR'))
    return {
      kind: 'unreadable',
      message: `Cannot read or write ${path}: the disk reported an input/output error (${code}).`,
    }
  return null
}
