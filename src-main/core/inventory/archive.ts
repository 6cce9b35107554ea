/**
 * Taking rows out of use: archived rows leave the lists and cannot be chosen for new references, while stock,
 * orders and history keep pointing at them; deleting is only for a row nothing uses (a typo made a minute ago).
 */
import type { EditableModel } from '../../contract'
import type { Db } from '../db/connection'
import { writeTransaction } from '../db/write-transaction'
import { ConflictError, NotFoundError } from '../errors'
import type { Actor } from './actor'
import { logEdit } from './edit-log'
import { rowSpecs } from './row-specs'

export function archiveRow(db: Db, model: EditableModel, pk: number, archived: boolean, actor: Actor): void {
  if (model === 'purchaseorder') throw new ConflictError('An order is cancelled, not archived')
  writeTransaction(db, () => {
    const { table } = rowSpecs[model]
    const changed = db.prepare(`UPDATE ${table} SET archived = ? WHERE id = ?`).run(archived ? 1 : 0, pk)
    if (changed.changes === 0) throw new NotFoundError(`No ${model} with pk ${pk}`)
    logEdit(db, actor, model, pk, archived ? 'archive' : 'restore')
  })
}

export function deleteRow(db: Db, model: EditableModel, pk: number, actor: Actor): void {
  writeTransaction(db, () => {
    const spec = rowSpecs[model]
    if (!db.prepare(`SELECT 1 FROM ${spec.table} WHERE id = ?`).get(pk))
      throw new NotFoundError(`No ${model} with pk ${pk}`)
    const users = spec.usedBy.filter((u) =>
      db.prepare(`SELECT 1 FROM ${u.table} WHERE ${u.column} = ? LIMIT 1`).get(pk),
    )
    const scanned = db.prepare('SELECT 1 FROM scan WHERE model_type = ? AND pk = ? LIMIT 1').get(model, pk)
    const uses = [...new Set(users.map((u) => u.what)), ...(scanned ? ['scan history'] : [])]
    if (uses.length)
      throw new ConflictError(`${model} ${pk} is still used by ${uses.join(', ')}: archive it instead of deleting`)
    db.prepare(`DELETE FROM ${spec.table} WHERE id = ?`).run(pk)
    db.prepare('DELETE FROM barcodelink WHERE model_type = ? AND pk = ?').run(model, pk)
    logEdit(db, actor, model, pk, 'delete')
  })
}
