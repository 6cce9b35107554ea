/**
 * A desk-made row (negative pk) takes the pk the server gave it: the row and everything pointing at it (its
 * tracking, its barcode link, the scans that found it, the sessions that list it) are renumbered in one
 * transaction, and the old pk is remembered so a label printed for it while offline still scans to it.
 */
import type { Db } from '../db/connection'

/** Every place a pk of each desk-made model is written: [table, column, the model_type column's filter]. */
const REFERENCES: Record<'stockitem' | 'supplierpart', [string, string, string | null][]> = {
  stockitem: [
    ['stocktracking', 'stockitem_id', null],
    ['stockactionitem', 'stockitem_id', null],
    ['barcodelink', 'pk', 'stockitem'],
    ['scan', 'pk', 'stockitem'],
    ['scansessionrow', 'pk', 'stockitem'],
  ],
  supplierpart: [
    ['stockitem', 'supplier_part_id', null],
    ['purchaseorderline', 'supplier_part_id', null],
    ['barcodelink', 'pk', 'supplierpart'],
    ['scan', 'pk', 'supplierpart'],
    ['scansessionrow', 'pk', 'supplierpart'],
  ],
}

/**
 * Renumbers `localPk` to `serverPk`. A pull may already have brought the server's copy of the row (the push was
 * cut after the server applied it): that copy gives way to the desk's row, which carries the desk's history.
 * Runs inside the caller's write transaction.
 */
export function adoptServerPk(db: Db, model: 'stockitem' | 'supplierpart', localPk: number, serverPk: number): void {
  if (!db.inTransaction) throw new Error('A pk is adopted inside the transaction that settles its outbox row')
  if (localPk >= 0) return
  // The references are renumbered one table at a time; checked together at commit.
  db.pragma('defer_foreign_keys = ON')
  const local = db.prepare(`SELECT 1 FROM ${model} WHERE id = ?`).get(localPk) !== undefined
  if (local) {
    const serverLink = db
      .prepare<[string, number], { data: string; hash: string }>(
        'SELECT data, hash FROM barcodelink WHERE model_type = ? AND pk = ?',
      )
      .get(model, serverPk)
    if (db.prepare(`SELECT 1 FROM ${model} WHERE id = ?`).get(serverPk) !== undefined) {
      db.prepare('DELETE FROM barcodelink WHERE model_type = ? AND pk = ?').run(model, serverPk)
      if (model === 'stockitem') db.prepare('DELETE FROM stocktracking WHERE stockitem_id = ?').run(serverPk)
      db.prepare(`DELETE FROM ${model} WHERE id = ?`).run(serverPk)
    }
    db.prepare(`UPDATE ${model} SET id = ? WHERE id = ?`).run(serverPk, localPk)
    for (const [table, column, modelType] of REFERENCES[model]) {
      const where = modelType ? `${column} = ? AND model_type = '${modelType}'` : `${column} = ?`
      db.prepare(`UPDATE ${table} SET ${column} = ? WHERE ${where}`).run(serverPk, localPk)
    }
    // The pulled copy took the bag's barcode from the desk's row; the row that stays gets it back.
    if (serverLink)
      db.prepare('INSERT OR IGNORE INTO barcodelink (model_type, pk, data, hash) VALUES (?, ?, ?, ?)').run(
        model,
        serverPk,
        serverLink.data,
        serverLink.hash,
      )
  }
  db.prepare('INSERT OR REPLACE INTO inventree_pk_map (model_type, local_pk, server_pk) VALUES (?, ?, ?)').run(
    model,
    localPk,
    serverPk,
  )
}
