/** Whether a database is a replica of an InvenTree server: it becomes one when it first pulls (see pull.ts). */
import type { Db } from '../db/connection'

export function isReplica(db: Db): boolean {
  return db.prepare('SELECT 1 FROM inventree_pull LIMIT 1').get() !== undefined
}
