/**
 * Creating and changing the station's own inventory rows, one transaction each: every pk a field names must exist
 * (and not be archived, for a new reference), codes stay unique, a location or category cannot become its own
 * ancestor, and every change is logged with what it changed and who changed it.
 */
import type { EditableModel, ItemRef } from '../../contract'
import type { Db } from '../db/connection'
import { writeTransaction } from '../db/write-transaction'
import { ConflictError, NotFoundError } from '../errors'
import type { ItemRefs } from '../items/refs'
import type { Actor } from './actor'
import { logEdit } from './edit-log'
import { rowSpecs, type RowSpec } from './row-specs'

export type FieldValues = Record<string, string | number | boolean | null | undefined>

export class InventoryEditor {
  constructor(
    private readonly db: Db,
    private readonly refs: ItemRefs,
  ) {}

  /** Creates the row (no pk) or changes the fields given (pk); fields left undefined keep their value. */
  save(model: EditableModel, pk: number | undefined, fields: FieldValues, actor: Actor): ItemRef {
    return writeTransaction(this.db, () => {
      const id = this.saveRow(model, pk, fields, actor)
      return this.refs.get(model, id)!
    })
  }

  /** The row's save inside the caller's transaction (the importer's, which writes thousands at once). */
  saveRow(model: EditableModel, pk: number | undefined, fields: FieldValues, actor: Actor): number {
    const spec = rowSpecs[model]
    const before = pk === undefined ? null : this.current(spec, pk)
    if (pk !== undefined && !before) throw new NotFoundError(`No ${model} with pk ${pk}`)
    const values: Record<string, string | number | null> = {}
    for (const [field, value] of Object.entries(fields)) {
      const col = spec.columns[field]
      if (!col || value === undefined) continue
      let stored: string | number | null = typeof value === 'boolean' ? (value ? 1 : 0) : value
      if (col.emptyIsNull && stored === '') stored = null
      if (col.ref && stored !== null && stored !== before?.[col.column]) this.checkRef(col.ref, Number(stored))
      values[col.column] = stored
    }
    this.checkUnique(spec, pk, { ...before, ...values })
    if (pk !== undefined && 'parent_id' in values)
      this.checkNoCycle(spec.table, pk, values['parent_id'] as number | null)
    const columns = Object.keys(values)
    let id: number
    if (pk === undefined) {
      const sql = columns.length
        ? `INSERT INTO ${spec.table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`
        : `INSERT INTO ${spec.table} DEFAULT VALUES`
      id = Number(this.db.prepare(sql).run(values).lastInsertRowid)
    } else {
      id = pk
      if (columns.length)
        this.db
          .prepare(`UPDATE ${spec.table} SET ${columns.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`)
          .run({ ...values, id })
    }
    const changes = Object.fromEntries(
      columns.filter((c) => before?.[c] !== values[c]).map((c) => [c, before ? [before[c], values[c]] : values[c]]),
    )
    if (pk === undefined || Object.keys(changes).length)
      logEdit(this.db, actor, model, id, pk === undefined ? 'create' : 'update', changes)
    return id
  }

  private current(spec: RowSpec, pk: number): Record<string, string | number | null> | undefined {
    return this.db.prepare(`SELECT * FROM ${spec.table} WHERE id = ?`).get(pk) as
      Record<string, string | number | null> | undefined
  }

  private checkRef(table: string, pk: number): void {
    const row = this.db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(pk) as { archived?: number } | undefined
    if (!row) throw new NotFoundError(`No ${table} with pk ${pk}`)
    if (row.archived === 1) throw new ConflictError(`${table} ${pk} is archived; bring it back before using it`)
  }

  private checkUnique(spec: RowSpec, pk: number | undefined, row: Record<string, string | number | null>): void {
    for (const u of spec.unique) {
      if (u.columns.some((c) => row[c] === null || row[c] === undefined)) continue
      const clash = this.db
        .prepare(
          `SELECT id FROM ${spec.table} WHERE ${u.columns.map((c) => `${c} = @${c} COLLATE NOCASE`).join(' AND ')} AND id != @self`,
        )
        .get({ ...Object.fromEntries(u.columns.map((c) => [c, row[c]])), self: pk ?? 0 }) as { id: number } | undefined
      if (clash) throw new ConflictError(`Another ${spec.table} (pk ${clash.id}) already has this ${u.what}`)
    }
  }

  /** A branch moves under a new parent, never under itself or one of its own descendants. */
  private checkNoCycle(table: string, pk: number, parent: number | null): void {
    if (parent === null) return
    const loop = this.db
      .prepare(
        `WITH RECURSIVE up(id) AS (SELECT ? UNION SELECT t.parent_id FROM ${table} t JOIN up ON t.id = up.id WHERE t.parent_id IS NOT NULL)
         SELECT 1 FROM up WHERE id = ?`,
      )
      .get(parent, pk)
    if (loop) throw new ConflictError(`A ${table} cannot move under itself or one of its own children`)
  }
}
