/**
 * Writes a planned import in one transaction: all of it or, on any failure, none of it. Missing categories (by
 * path), suppliers and manufacturers (by name) are made on the way; each row's create or update goes to the edit
 * log with the operator, like a change made in a form.
 */
import type { Db } from '../db/connection'
import { writeTransaction } from '../db/write-transaction'
import type { Actor } from '../inventory/actor'
import { logEdit } from '../inventory/edit-log'
import type { ImportPlan, PlannedRow } from './plan'
import { PathIndex } from './paths'
import { splitPath, type ImportRow } from './row-schemas'

export function applyImport(
  db: Db,
  plan: ImportPlan,
  actor: Actor,
  fileName: string,
): { created: number; updated: number } {
  if (plan.errors.length) throw new Error('An import with errors is never written')
  return writeTransaction(db, () => {
    const log = (model: Parameters<typeof logEdit>[2], pk: number, action: string, changes: Record<string, unknown>) =>
      logEdit(db, actor, model, pk, action, { file: fileName, ...changes })
    const company = companies(db, (id, name, role) => log('company', id, 'import create', { name, [role]: true }))
    if (plan.kind === 'parts') applyParts(db, plan.rows as PlannedRow<'parts'>[], log)
    else if (plan.kind === 'supplierparts')
      applySupplierParts(db, plan.rows as PlannedRow<'supplierparts'>[], company, log)
    else if (plan.kind === 'locations') applyLocations(db, plan.rows as PlannedRow<'locations'>[], log)
    else applyOrders(db, plan.rows as PlannedRow<'purchaseorders'>[], log)
    return { created: plan.creates, updated: plan.updates }
  })
}

type Log = (model: Parameters<typeof logEdit>[2], pk: number, action: string, changes: Record<string, unknown>) => void

function applyParts(db: Db, rows: PlannedRow<'parts'>[], log: Log): void {
  const categories = new PathIndex(db, 'partcategory')
  const insert = db.prepare(
    `INSERT INTO part (ipn, name, description, category_id, units, default_location_id, archived)
     VALUES (@ipn, @name, @description, @category, @units, @location, @archived)`,
  )
  const update = db.prepare(
    `UPDATE part SET name = @name, description = coalesce(@description, description),
       category_id = coalesce(@category, category_id), units = coalesce(@units, units),
       default_location_id = coalesce(@location, default_location_id), archived = coalesce(@archived, archived)
     WHERE id = @pk`,
  )
  for (const r of rows) {
    const v = r.values
    const category = v.category
      ? categories.ensure(splitPath(v.category), (id, path) => log('partcategory', id, 'import create', { path }))
      : null
    const values = {
      ipn: v.ipn ?? null,
      name: v.name,
      description: v.description ?? null,
      category,
      units: v.units ?? null,
      location: r.refs['defaultLocation'] ?? null,
      archived: v.active === undefined ? null : v.active ? 0 : 1,
    }
    if (r.pk === null) {
      const id = Number(
        insert.run({
          ...values,
          description: values.description ?? '',
          units: values.units ?? 'pcs',
          archived: values.archived ?? 0,
        }).lastInsertRowid,
      )
      log('part', id, 'import create', { ipn: v.ipn ?? null, name: v.name })
    } else {
      update.run({ ...values, pk: r.pk })
      log('part', r.pk, 'import update', { ipn: v.ipn ?? null, name: v.name })
    }
  }
}

type CompanyFor = (name: string, role: 'is_supplier' | 'is_manufacturer') => number

/** A company by name, made (as a supplier or a manufacturer) when the station has none of that name. */
function companies(db: Db, made: (id: number, name: string, role: string) => void): CompanyFor {
  const find = db.prepare('SELECT id FROM company WHERE name = ? COLLATE NOCASE').pluck()
  return (name, role) => {
    const id = find.get(name) as number | undefined
    if (id !== undefined) {
      db.prepare(`UPDATE company SET ${role} = 1 WHERE id = ?`).run(id)
      return id
    }
    const created = Number(db.prepare(`INSERT INTO company (name, ${role}) VALUES (?, 1)`).run(name).lastInsertRowid)
    made(created, name, role)
    return created
  }
}

function applySupplierParts(db: Db, rows: PlannedRow<'supplierparts'>[], company: CompanyFor, log: Log): void {
  const findMp = db
    .prepare('SELECT id FROM manufacturerpart WHERE manufacturer_id = ? AND mpn = ? COLLATE NOCASE')
    .pluck()
  const insertMp = db.prepare('INSERT INTO manufacturerpart (part_id, manufacturer_id, mpn) VALUES (?, ?, ?)')
  const insert = db.prepare(
    `INSERT INTO supplierpart (part_id, supplier_id, manufacturer_part_id, sku, pack_quantity)
     VALUES (@part, @supplier, @mp, @sku, coalesce(@pack, 1))`,
  )
  const update = db.prepare(
    `UPDATE supplierpart SET part_id = @part, manufacturer_part_id = coalesce(@mp, manufacturer_part_id),
       pack_quantity = coalesce(@pack, pack_quantity) WHERE id = @pk`,
  )
  for (const r of rows) {
    const v = r.values
    const supplier = company(v.supplier, 'is_supplier')
    let mp: number | null = null
    if (v.mpn) {
      const maker = company(v.manufacturer ?? 'Unknown manufacturer', 'is_manufacturer')
      mp = (findMp.get(maker, v.mpn) as number | undefined) ?? null
      if (mp === null) {
        mp = Number(insertMp.run(r.refs['part'], maker, v.mpn).lastInsertRowid)
        log('manufacturerpart', mp, 'import create', { mpn: v.mpn })
      }
    }
    const values = { part: r.refs['part'], supplier, mp, sku: v.sku, pack: v.packQuantity ?? null }
    if (r.pk === null) {
      const id = Number(insert.run(values).lastInsertRowid)
      log('supplierpart', id, 'import create', { sku: v.sku })
    } else {
      update.run({ ...values, pk: r.pk })
      log('supplierpart', r.pk, 'import update', { sku: v.sku })
    }
  }
}

function applyLocations(db: Db, rows: PlannedRow<'locations'>[], log: Log): void {
  const index = new PathIndex(db, 'stocklocation')
  const update = db.prepare(
    `UPDATE stocklocation SET description = coalesce(@description, description),
       structural = coalesce(@structural, structural) WHERE id = @id`,
  )
  for (const r of rows) {
    const v = r.values
    const id = index.ensure(splitPath(v.path), (made, path) => log('stocklocation', made, 'import create', { path }))
    update.run({
      id,
      description: v.description ?? null,
      structural: v.structural === undefined ? null : v.structural ? 1 : 0,
    })
    if (r.pk !== null) log('stocklocation', id, 'import update', { path: v.path })
  }
}

function applyOrders(db: Db, rows: PlannedRow<'purchaseorders'>[], log: Log): void {
  const orders = new Map<string, number>()
  const insertOrder = db.prepare(
    'INSERT INTO purchaseorder (reference, supplier_id, supplier_reference, destination_id) VALUES (?, ?, ?, ?)',
  )
  const insertLine = db.prepare(
    'INSERT INTO purchaseorderline (order_id, supplier_part_id, quantity, destination_id) VALUES (?, ?, ?, ?)',
  )
  for (const r of rows) {
    const v: ImportRow<'purchaseorders'> = r.values
    const key = v.reference.toLowerCase()
    let order = orders.get(key)
    if (order === undefined) {
      if (r.pk === null) {
        order = Number(
          insertOrder.run(v.reference, r.refs['supplier'], v.supplierReference ?? '', r.refs['destination'] ?? null)
            .lastInsertRowid,
        )
        log('purchaseorder', order, 'import create', { reference: v.reference })
      } else {
        order = r.pk
        // A pending order re-imported takes the file's lines instead of its own.
        db.prepare('DELETE FROM purchaseorderline WHERE order_id = ? AND received = 0').run(order)
        if (v.supplierReference !== undefined)
          db.prepare('UPDATE purchaseorder SET supplier_reference = ? WHERE id = ?').run(v.supplierReference, order)
        log('purchaseorder', order, 'import update', { reference: v.reference })
      }
      orders.set(key, order)
    }
    insertLine.run(order, r.refs['supplierPart'], v.quantity, r.refs['destination'] ?? null)
  }
}
