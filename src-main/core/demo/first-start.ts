/**
 * The first start of a new station: demo data, an empty station, or a desk for an InvenTree server. A host that
 * lets the person choose opens the file with `demo: 'ask'`; a brand-new file then gets its operators (the admin
 * among them, so a PIN can be set) and a marker that the choice is still open. The marker lives in the database,
 * so the question survives a restart until it is answered, and an existing station is never asked.
 */
import type { Db } from '../db/connection'
import { writeTransaction } from '../db/write-transaction'
import { ConflictError } from '../errors'
import { isReplica } from '../inventree/replica'
import { DEMO_ADMIN_PIN_HASH } from './demo-data'
import { isEmpty, seedDemo, seedOperatorsIfNone } from './seed'

/** A row of the settings table, outside the settings' schema: it is state of the file, not a preference. */
const MARKER = 'station.firstStart'

export type StartChoice = 'demo' | 'empty' | 'inventree'

/**
 * Seeds the operators when there are none; a file that had none and holds no inventory is new, and its first start
 * is marked as open.
 */
export function openFirstStart(db: Db): void {
  writeTransaction(db, () => {
    const fresh = isEmpty(db) && !isReplica(db)
    if (seedOperatorsIfNone(db) && fresh)
      db.prepare('INSERT OR IGNORE INTO setting (key, value) VALUES (?, ?)').run(MARKER, '"open"')
  })
}

export function firstStartOpen(db: Db): boolean {
  return db.prepare('SELECT 1 FROM setting WHERE key = ?').get(MARKER) !== undefined
}

/**
 * Answers the first start's question, once. The demo is seeded only into a station that is still empty, under the
 * write lock, so two windows answering at once cannot both seed it.
 */
export function chooseStart(db: Db, choice: StartChoice): void {
  writeTransaction(db, () => {
    if (!firstStartOpen(db)) throw new ConflictError('This station has already been set up; its first start is over')
    if (choice === 'demo') {
      if (!isEmpty(db) || isReplica(db))
        throw new ConflictError('This station already holds an inventory: the demo goes only into an empty one')
      seedDemo(db)
      // The demo's admin signs in with the documented PIN, unless one was set before the choice.
      db.prepare("UPDATE operator SET pin_hash = ? WHERE role = 'admin' AND pin_hash IS NULL").run(DEMO_ADMIN_PIN_HASH)
    }
    db.prepare('DELETE FROM setting WHERE key = ?').run(MARKER)
  })
}
