/**
 * The short reference a scan result carries for an item: its pk, a display name and its route. One prepared
 * statement per model type, each a primary-key probe, because this runs on every scan.
 */
import type { ItemRef } from '../../contract'
import { isModelType, itemPath, modelTypes, type ModelType } from '../../../src-shared/models'
import type { Db } from '../db/connection'

const NAME_SQL: Record<ModelType, string> = {
  part: 'SELECT name FROM part WHERE id = ?',
  partcategory: 'SELECT name FROM partcategory WHERE id = ?',
  stocklocation: 'SELECT name FROM stocklocation WHERE id = ?',
  // A whole quantity prints as 25, not SQLite's 25.0.
  stockitem: `SELECT p.name || ' — ' || iif(s.quantity = cast(s.quantity AS INTEGER), cast(s.quantity AS INTEGER), s.quantity)
                     || ' ' || p.units AS name
              FROM stockitem s JOIN part p ON p.id = s.part_id WHERE s.id = ?`,
  company: 'SELECT name FROM company WHERE id = ?',
  supplierpart: `SELECT c.name || ' ' || sp.sku AS name
                 FROM supplierpart sp JOIN company c ON c.id = sp.supplier_id WHERE sp.id = ?`,
  manufacturerpart: `SELECT c.name || ' ' || mp.mpn AS name
                     FROM manufacturerpart mp JOIN company c ON c.id = mp.manufacturer_id WHERE mp.id = ?`,
  purchaseorder: 'SELECT reference AS name FROM purchaseorder WHERE id = ?',
}

export class ItemRefs {
  private readonly statements: Record<ModelType, ReturnType<Db['prepare']>>

  constructor(db: Db) {
    this.statements = Object.fromEntries(modelTypes.map((m) => [m, db.prepare(NAME_SQL[m])])) as Record<
      ModelType,
      ReturnType<Db['prepare']>
    >
  }

  /** The item's reference, or null when the model is not stocked here or the pk names nothing. */
  get(model: string, pk: number): ItemRef | null {
    if (!isModelType(model)) return null
    const row = this.statements[model].get(pk) as { name: string } | undefined
    return row ? { pk, name: row.name, url: itemPath(model, pk) } : null
  }
}
