/**
 * Opens the station's SQLite file: WAL so the history can be read while scans are written, foreign keys on so
 * no row can point at nothing, and a busy timeout so a second process (the CLI beside the app) waits, not fails.
 */
import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { migrate } from './migrate'

export type Db = Database.Database

export interface OpenOptions {
  /** Path of a native better-sqlite3 binding built for another runtime (Electron's ABI). */
  nativeBinding?: string
}

export function openDatabase(path: string, options: OpenOptions = {}): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const db = new Database(path, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {})
  try {
    configure(db)
    migrate(db, path)
  } catch (err) {
    db.close()
    throw err
  }
  return db
}

function configure(db: Db): void {
  db.pragma('journal_mode = WAL')
  // NORMAL in WAL mode is durable against a process crash (the case at a desk) and only risks the last
  // transactions on a power cut; FULL would cost an fsync per scan.
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  // How long a writer waits for another process's write transaction before "database is locked". The longest
  // a desk writer holds the lock is a `scan -` batch: a thousand scans commit in 15 to 50 ms, so 5 s is a hundred
  // times that. Longer would not help the desk: the wait is synchronous, and the station answers nothing meanwhile.
  db.pragma('busy_timeout = 5000')
  // A scan is a random primary-key probe into a table that may hold millions of rows: memory-mapped reads and a
  // larger page cache keep those probes off the read() syscall path (measured by `npm run bench`).
  db.pragma('mmap_size = 268435456')
  db.pragma('cache_size = -65536')
}
