/**
 * Builds a pulled InvenTree replica without a server: the synthetic inventory's records are turned into the
 * objects InvenTree's list endpoints return, and written by the pull's own writer (the pull-mappers' rows, the
 * server's pks, stock barcode hashes as barcode links, `inventree_pull` rows), in pages of 50,000 per write
 * transaction rather than the pull's 500, since nothing scans while the benchmark builds it.
 */
import { openDatabase } from '../src-main/core/db/connection'
import { writeTransaction } from '../src-main/core/db/write-transaction'
import { claimReplica, ReplicaWriter, type ModelPull } from '../src-main/core/inventree/pull'
import { replicaModels, type PulledModel } from '../src-main/core/inventree/pull-mappers'
import { StandinState } from '../src-main/tests/inventree-standin/state'
import {
  DESK_USER,
  inventoryRecords,
  inventorySizes,
  stockRecord,
  type InventorySizes,
  type StockRecord,
} from './inventree-inventory'

const PAGE = 50_000
/** InvenTree's open purchase order states, the only ones a full pull lists (`outstanding=true`). */
const OPEN_PO = [10, 20, 25]

function* pages<T>(all: T[]): Generator<T[]> {
  for (let i = 0; i < all.length; i += PAGE) yield all.slice(i, i + PAGE)
}

/**
 * What the server lists for each model in a full pull, page by page, in the pull's order, serialized by the
 * stand-in's own code. The stock items are made a page at a time (a million at once would be the memory figure).
 */
function listed(s: InventorySizes): Record<PulledModel, () => Iterable<{ pk: number }[]>> {
  const r = inventoryRecords(s)
  const server = new StandinState({ ...r, users: [DESK_USER], stock: [] })
  const open = (r.purchaseOrders ?? []).filter((o) => OPEN_PO.includes(o.status))
  const openPks = new Set(open.map((o) => o.pk))
  return {
    partcategory: () => pages((r.categories ?? []).map((c) => server.categoryOut(c.pk))),
    stocklocation: () => pages((r.locations ?? []).map((l) => server.locationOut(l.pk))),
    company: () => pages((r.companies ?? []).map((c) => server.companyOut(c.pk))),
    part: () => pages((r.parts ?? []).map((p) => server.partOut(p.pk))),
    manufacturerpart: () => pages((r.manufacturerParts ?? []).map((m) => server.manufacturerPartOut(m.pk))),
    supplierpart: () => pages((r.supplierParts ?? []).map((sp) => server.supplierPartOut(sp.pk))),
    purchaseorder: () => pages(open.map((o) => server.purchaseOrderOut(o.pk))),
    // Listed per open order, in order of the order's pk, as the pull asks for them.
    purchaseorderline: () =>
      pages((r.poLines ?? []).filter((l) => openPks.has(l.order)).map((l) => server.poLineOut(l.pk))),
    stockitem: function* () {
      for (let i = 0; i < s.stockItems; i += PAGE) {
        const records: StockRecord[] = []
        for (let j = i; j < Math.min(s.stockItems, i + PAGE); j++) records.push(stockRecord(s, j))
        // The stand-in indexes a replaced list again on its next lookup.
        server.data.stock = records
        yield records.map((record) => server.stockOut(record.pk))
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
