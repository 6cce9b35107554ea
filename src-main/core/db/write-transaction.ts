/**
 * The one way to run a write transaction. It begins IMMEDIATE, taking the write lock before the first read: a
 * deferred transaction that reads and then writes cannot wait for another process's writer in WAL mode (SQLite
 * answers SQLITE_BUSY at once, without calling the busy handler, because its snapshot may be stale), so a second
 * writer on the file (the CLI beside the app) would fail with "database is locked" instead of waiting its turn
 * within busy_timeout. Nested calls become savepoints of the outer transaction, as better-sqlite3 does.
 */
import type { Db } from './connection'

export function writeTransaction<T>(db: Db, work: () => T): T {
  return db.transaction(work).immediate()
}
