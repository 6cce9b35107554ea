/** The log of inventory edits: every create, change, archive, order step and import, with who made it. */
import type { EditLogEntry, MethodArgs, ModelType } from '../../contract'
import type { Statement } from 'better-sqlite3'
import type { Db } from '../db/connection'
import type { Actor } from './actor'

/** Prepared once per connection: an import logs every row it writes. */
const inserts = new WeakMap<Db, Statement<unknown[]>>()

export function logEdit(
  db: Db,
  actor: Actor,
  model: ModelType,
  pk: number | null,
  action: string,
  changes: Record<string, unknown> = {},
): void {
  let insert = inserts.get(db)
  if (!insert) {
    insert = db.prepare<unknown[]>(
      'INSERT INTO editlog (operator_id, operator_name, model_type, pk, action, changes) VALUES (?, ?, ?, ?, ?, ?)',
    )
    inserts.set(db, insert)
  }
  insert.run(actor.operatorId, actor.name, model, pk, action, JSON.stringify(changes))
}

interface EditLogRow {
  id: number
  timestamp: string
  operator_name: string | null
  model_type: ModelType
  pk: number | null
  action: string
  changes: string
}

export function editLog(db: Db, input: MethodArgs<'editLog'>): EditLogEntry[] {
  const where: string[] = []
  const args: (string | number)[] = []
  if (input.model) {
    where.push('model_type = ?')
    args.push(input.model)
  }
  if (input.pk !== undefined) {
    where.push('pk = ?')
    args.push(input.pk)
  }
  return db
    .prepare<(string | number)[], EditLogRow>(
      `SELECT * FROM editlog ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`,
    )
    .all(...args, input.limit)
    .map((r) => ({
      id: r.id,
      timestamp: r.timestamp,
      operator: r.operator_name,
      model: r.model_type,
      pk: r.pk,
      action: r.action,
      changes: JSON.parse(r.changes) as Record<string, unknown>,
    }))
}
