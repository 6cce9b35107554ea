/** One page of an editable model's rows, for the edit screens and their pickers: searched, archived ones on request. */
import type { EditableModel, InventoryRow, MethodArgs, MethodOutputs } from '../../contract'
import type { Db } from '../db/connection'

interface ListSql {
  /** SELECT list giving pk, name, detail, archived and the form's fields (as columns named after them). */
  select: string
  from: string
  search: string[]
  order: string
  fields: string[]
  parent?: string
}

const LISTS: Record<EditableModel, ListSql> = {
  part: {
    select: `p.id AS pk, p.name, coalesce(p.ipn, '') AS detail, p.archived, p.ipn, p.name AS f_name, p.description,
             p.category_id AS category, p.units, p.default_location_id AS defaultLocation`,
    from: 'part p',
    search: ['p.name', 'p.ipn', 'p.description'],
    order: 'p.name',
    fields: ['ipn', 'f_name', 'description', 'category', 'units', 'defaultLocation'],
    parent: 'p.category_id',
  },
  partcategory: {
    select: `c.id AS pk, c.name, coalesce(pc.name, '') AS detail, c.archived, c.name AS f_name, c.description, c.parent_id AS parent`,
    from: 'partcategory c LEFT JOIN partcategory pc ON pc.id = c.parent_id',
    search: ['c.name'],
    order: 'c.name',
    fields: ['f_name', 'description', 'parent'],
    parent: 'c.parent_id',
  },
  stocklocation: {
    select: `l.id AS pk, l.name, coalesce(pl.name, '') || iif(l.structural, ' (structural)', '') AS detail, l.archived,
             l.name AS f_name, l.description, l.parent_id AS parent, l.structural`,
    from: 'stocklocation l LEFT JOIN stocklocation pl ON pl.id = l.parent_id',
    search: ['l.name', 'l.description'],
    order: 'l.name',
    fields: ['f_name', 'description', 'parent', 'structural'],
    parent: 'l.parent_id',
  },
  company: {
    select: `c.id AS pk, c.name, trim(iif(c.is_supplier, 'supplier ', '') || iif(c.is_manufacturer, 'manufacturer', '')) AS detail,
             c.archived, c.name AS f_name, c.website, c.is_supplier AS isSupplier, c.is_manufacturer AS isManufacturer`,
    from: 'company c',
    search: ['c.name'],
    order: 'c.name',
    fields: ['f_name', 'website', 'isSupplier', 'isManufacturer'],
  },
  supplierpart: {
    select: `sp.id AS pk, c.name || ' ' || sp.sku AS name, p.name AS detail, sp.archived, sp.part_id AS part,
             sp.supplier_id AS supplier, sp.sku, sp.manufacturer_part_id AS manufacturerPart, sp.pack_quantity AS packQuantity`,
    from: 'supplierpart sp JOIN company c ON c.id = sp.supplier_id JOIN part p ON p.id = sp.part_id',
    search: ['sp.sku', 'p.name', 'c.name'],
    order: 'c.name, sp.sku',
    fields: ['part', 'supplier', 'sku', 'manufacturerPart', 'packQuantity'],
    parent: 'sp.supplier_id',
  },
  manufacturerpart: {
    select: `mp.id AS pk, c.name || ' ' || mp.mpn AS name, p.name AS detail, mp.archived, mp.part_id AS part,
             mp.manufacturer_id AS manufacturer, mp.mpn`,
    from: 'manufacturerpart mp JOIN company c ON c.id = mp.manufacturer_id JOIN part p ON p.id = mp.part_id',
    search: ['mp.mpn', 'p.name', 'c.name'],
    order: 'c.name, mp.mpn',
    fields: ['part', 'manufacturer', 'mpn'],
    parent: 'mp.part_id',
  },
  purchaseorder: {
    select: `o.id AS pk, o.reference AS name, c.name || ' · ' || o.status AS detail, 0 AS archived, o.reference,
             o.supplier_id AS supplier, o.supplier_reference AS supplierReference, o.destination_id AS destination,
             o.status, (SELECT count(*) FROM purchaseorderline l WHERE l.order_id = o.id) AS lines`,
    from: 'purchaseorder o JOIN company c ON c.id = o.supplier_id',
    search: ['o.reference', 'o.supplier_reference', 'c.name'],
    order: 'o.id DESC',
    fields: ['reference', 'supplier', 'supplierReference', 'destination', 'status', 'lines'],
    parent: 'o.supplier_id',
  },
}

const BOOLEAN_FIELDS = new Set(['structural', 'isSupplier', 'isManufacturer'])

export function inventoryList(db: Db, input: MethodArgs<'inventoryList'>): MethodOutputs['inventoryList'] {
  const sql = LISTS[input.model]
  const where: string[] = []
  const args: Record<string, string | number> = {}
  if (!input.includeArchived && input.model !== 'purchaseorder') where.push(`${sql.from.split(' ')[1]}.archived = 0`)
  if (input.query) {
    where.push(`(${sql.search.map((c) => `${c} LIKE @q ESCAPE '\\'`).join(' OR ')})`)
    args['q'] = `%${input.query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
  }
  if (input.parent !== undefined && sql.parent) {
    where.push(`${sql.parent} = @parent`)
    args['parent'] = input.parent
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : ''
  const total = (db.prepare(`SELECT count(*) AS n FROM ${sql.from} ${clause}`).get(args) as { n: number }).n
  const rows = db
    .prepare(`SELECT ${sql.select} FROM ${sql.from} ${clause} ORDER BY ${sql.order} LIMIT @limit OFFSET @offset`)
    .all({ ...args, limit: input.limit, offset: input.offset }) as Record<string, string | number | null>[]
  return {
    total,
    rows: rows.map((r): InventoryRow => ({
      pk: Number(r['pk']),
      name: String(r['name']),
      detail: String(r['detail'] ?? ''),
      archived: r['archived'] === 1,
      fields: Object.fromEntries(
        sql.fields.map((f) => {
          const key = f === 'f_name' ? 'name' : f
          const value = r[f] ?? null
          return [key, BOOLEAN_FIELDS.has(f) ? value === 1 : value]
        }),
      ),
    })),
  }
}
