/**
 * Builds a pulled InvenTree replica without a server: the synthetic inventory's records are turned into the
 * objects InvenTree's list endpoints return, and written by the pull's own writer (the pull-mappers' rows, the
 * server's pks, stock barcode hashes as barcode links, `inventree_pull` rows), in pages of 50,000 per write
 * transaction rather than the pull's 500, since nothing scans while the benchmark builds it.
 */
import type { components } from '../src-main/core/inventree/api-types.generated'
import { openDatabase } from '../src-main/core/db/connection'
import { writeTransaction } from '../src-main/core/db/write-transaction'
import { claimReplica, ReplicaWriter, type ModelPull } from '../src-main/core/inventree/pull'
import { replicaModels, type PulledModel } from '../src-main/core/inventree/pull-mappers'
import type { StandinData } from '../src-main/tests/inventree-standin/state'
import {
  DESK_USER,
  inventoryRecords,
  inventorySizes,
  stockRecord,
  type InventorySizes,
  type StockRecord,
} from './inventree-inventory'

type Schemas = components['schemas']
type Item<K extends keyof StandinData> = NonNullable<StandinData[K]> extends (infer T)[] ? T : never

const PAGE = 50_000
/** InvenTree's open purchase order states, the only ones a full pull lists (`outstanding=true`). */
const OPEN_PO = [10, 20, 25]

// The objects as InvenTree serializes them: the fields the schema requires, the rest left out; the counts that no
// mapper reads (items in a location, parts a company supplies) are left 0.
const categoryOut = (c: Item<'categories'>, parent?: Item<'categories'>): Schemas['Category'] => ({
  pk: c.pk,
  name: c.name,
  description: c.description ?? '',
  parent: c.parent ?? null,
  level: parent ? 1 : 0,
  pathstring: parent ? `${parent.name}/${c.name}` : c.name,
  starred: false,
})
const locationOut = (l: Item<'locations'>, parent?: Item<'locations'>): Schemas['Location'] => ({
  pk: l.pk,
  name: l.name,
  description: l.description ?? '',
  parent: l.parent ?? null,
  structural: l.structural ?? false,
  level: parent ? 1 : 0,
  pathstring: parent ? `${parent.name}/${l.name}` : l.name,
  icon: '',
  items: 0,
  sublocations: 0,
  barcode_hash: '',
})
const companyOut = (c: Item<'companies'>): Schemas['Company'] => ({
  pk: c.pk,
  name: c.name,
  description: '',
  currency: c.currency ?? 'USD',
  is_supplier: c.is_supplier ?? true,
  is_manufacturer: c.is_manufacturer ?? false,
  active: true,
  parts_supplied: 0,
  parts_manufactured: 0,
})
const partOut = (p: Item<'parts'>, category?: Item<'categories'>): Schemas['Part'] => ({
  pk: p.pk,
  name: p.name,
  IPN: p.IPN ?? '',
  description: p.description ?? '',
  full_name: p.IPN ? `${p.IPN} | ${p.name}` : p.name,
  category: p.category ?? null,
  category_name: category?.name ?? '',
  default_location: p.default_location ?? null,
  units: p.units ?? '',
  active: true,
  purchaseable: true,
  starred: false,
  thumbnail: '/static/img/blank_image.thumbnail.png',
  barcode_hash: '',
})
const manufacturerPartOut = (m: Item<'manufacturerParts'>): Schemas['ManufacturerPart'] => ({
  pk: m.pk,
  part: m.part,
  manufacturer: m.manufacturer,
  MPN: m.MPN,
  description: '',
})
const supplierPartOut = (s: Item<'supplierParts'>): Schemas['SupplierPart'] => ({
  pk: s.pk,
  part: s.part,
  supplier: s.supplier,
  SKU: s.SKU,
  manufacturer_part: s.manufacturer_part ?? null,
  pack_quantity: s.pack_quantity ?? '',
  pack_quantity_native: s.pack_quantity ? Number(s.pack_quantity) : 1,
  description: '',
  active: true,
  barcode_hash: '',
})
const purchaseOrderOut = (o: Item<'purchaseOrders'>, supplier?: Item<'companies'>): Schemas['PurchaseOrder'] => ({
  pk: o.pk,
  reference: o.reference,
  description: '',
  supplier: o.supplier,
  supplier_name: supplier?.name ?? '',
  supplier_reference: o.supplier_reference ?? '',
  status: o.status,
  destination: o.destination ?? null,
  barcode_hash: '',
  created_by: { pk: DESK_USER.pk, username: DESK_USER.username, first_name: '', last_name: '', email: '' },
})
const poLineOut = (l: Item<'poLines'>, part?: Item<'parts'>): Schemas['PurchaseOrderLineItem'] => ({
  pk: l.pk,
  order: l.order,
  part: l.part,
  quantity: l.quantity,
  received: l.received ?? 0,
  destination: l.destination ?? null,
  reference: l.reference ?? '',
  internal_part: part?.pk ?? 0,
  internal_part_name: part?.name ?? '',
})
const stockOut = (s: StockRecord): Schemas['StockItem'] => ({
  pk: s.pk,
  part: s.part,
  quantity: s.quantity,
  location: s.location ?? null,
  batch: s.batch ?? '',
  serial: s.serial ?? null,
  expiry_date: s.expiry_date ?? null,
  status: s.status ?? 10,
  supplier_part: s.supplier_part ?? null,
  purchase_order: s.purchase_order ?? null,
  in_stock: s.quantity > 0,
  barcode_hash: s.barcode_hash ?? '',
  updated: s.updated ?? null,
})

function* pages<T>(all: T[]): Generator<T[]> {
  for (let i = 0; i < all.length; i += PAGE) yield all.slice(i, i + PAGE)
}

/** What the server lists for each model in a full pull, page by page, in the pull's order. */
function listed(s: InventorySizes): Record<PulledModel, () => Iterable<{ pk: number }[]>> {
  const r = inventoryRecords(s)
  const byPk = <T extends { pk: number }>(list: T[] | undefined) => new Map((list ?? []).map((x) => [x.pk, x]))
  const categories = byPk(r.categories)
  const locations = byPk(r.locations)
  const companies = byPk(r.companies)
  const parts = byPk(r.parts)
  const supplierParts = byPk(r.supplierParts)
  const open = (r.purchaseOrders ?? []).filter((o) => OPEN_PO.includes(o.status))
  const openPks = new Set(open.map((o) => o.pk))
  return {
    partcategory: () => pages((r.categories ?? []).map((c) => categoryOut(c, categories.get(c.parent ?? 0)))),
    stocklocation: () => pages((r.locations ?? []).map((l) => locationOut(l, locations.get(l.parent ?? 0)))),
    company: () => pages((r.companies ?? []).map(companyOut)),
    part: () => pages((r.parts ?? []).map((p) => partOut(p, categories.get(p.category ?? 0)))),
    manufacturerpart: () => pages((r.manufacturerParts ?? []).map(manufacturerPartOut)),
    supplierpart: () => pages((r.supplierParts ?? []).map(supplierPartOut)),
    purchaseorder: () => pages(open.map((o) => purchaseOrderOut(o, companies.get(o.supplier)))),
    // Listed per open order, in order of the order's pk, as the pull asks for them.
    purchaseorderline: () =>
      pages(
        (r.poLines ?? [])
          .filter((l) => openPks.has(l.order))
          .map((l) => poLineOut(l, parts.get(supplierParts.get(l.part)?.part ?? 0))),
      ),
    stockitem: function* () {
      for (let i = 0; i < s.stockItems; i += PAGE) {
        const page: Schemas['StockItem'][] = []
        for (let j = i; j < Math.min(s.stockItems, i + PAGE); j++) page.push(stockOut(stockRecord(s, j)))
        yield page
      }
    },
  }
}

export interface BuiltReplica {
  rows: Record<PulledModel, number>
  skipped: number
}

/** Writes a replica of the synthetic inventory of `stockItems` items into a new database file. */
export function buildReplica(dbPath: string, stockItems: number): BuiltReplica {
  const db = openDatabase(dbPath)
  try {
    claimReplica(db)
    const lists = listed(inventorySizes(stockItems))
    const record = db.prepare(
      'UPDATE inventree_pull SET last_pull = @at, last_full_pull = @at, rows = @rows WHERE model = @model',
    )
    const rows = {} as Record<PulledModel, number>
    let skipped = 0
    for (const m of replicaModels) {
      const at = new Date().toISOString()
      const result: ModelPull = { written: 0, skipped: 0, seen: new Set() }
      // A new replica has no desk actions waiting for the server, so every listed row is written.
      const writer = new ReplicaWriter(db, m, result, new Set())
      for (const page of lists[m.model]()) writer.writePage(page)
      writer.finish()
      skipped += result.skipped
      rows[m.model] = (db.prepare(`SELECT count(*) AS n FROM ${m.model}`).get() as { n: number }).n
      writeTransaction(db, () => record.run({ at, rows: rows[m.model], model: m.model }))
    }
    db.pragma('wal_checkpoint(TRUNCATE)')
    return { rows, skipped }
  } finally {
    db.close()
  }
}
