/**
 * Fills a new database with the demo inventory, and (for benchmarks) with a large synthetic one. Everything is
 * generated from a fixed seed, so every station and every test starts from the same pks.
 */
import { gs1CheckDigit } from '../barcode/gs1'
import { seededRandom } from '../random'
import { barcodeHash } from '../barcode/hash'
import type { Db } from '../db/connection'
import { isReplica } from '../inventree/replica'
import { writeTransaction } from '../db/write-transaction'
import {
  demoBins,
  demoLocations,
  demoOperators,
  DEMO_ADMIN_PIN_HASH,
  demoParts,
  demoSuppliers,
  digikeyPrefix,
  mouserPrefix,
} from './demo-data'

/** The demo data's random numbers (seeded, so every station starts from the same pks). */
export const prng = seededRandom

export const isEmpty = (db: Db): boolean =>
  (db.prepare('SELECT count(*) AS n FROM part').get() as { n: number }).n === 0

const lotCode = (rand: () => number): string => {
  const year = 23 + Math.floor(rand() * 3)
  const week = 1 + Math.floor(rand() * 52)
  return `${year}${String(week).padStart(2, '0')}${String.fromCharCode(65 + Math.floor(rand() * 6))}${Math.floor(rand() * 90 + 10)}`
}

const skuFor = {
  DigiKey: (maker: string, mpn: string, smd: boolean) =>
    `${digikeyPrefix[maker] ?? String(100 + ((mpn.length * 37) % 900))}-${mpn.replace(/[ ,/]/g, '')}${smd ? 'CT' : ''}-ND`,
  Mouser: (maker: string, mpn: string) => `${mouserPrefix[maker] ?? '999'}-${mpn.replace(/[ ]/g, '')}`,
  LCSC: (_maker: string, _mpn: string, _smd: boolean, rand: () => number) =>
    `C${Math.floor(1000 + rand() * 2_000_000)}`,
  TME: (_maker: string, mpn: string) =>
    mpn
      .toUpperCase()
      .replace(/[ ,()]/g, '')
      .replace(/\//g, '-'),
}

/**
 * Every fourth demo part carries a GTIN under GS1's documentation company prefix 950600 (the one GS1's own
 * examples use), so GS1 labels and plain EAN-13 codes can be tried on day one.
 */
export function demoGtin(index: number): string | null {
  if (index % 4 !== 0) return null
  const body = `0950600${String(1000 + index).padStart(6, '0')}`
  return `${body}${gs1CheckDigit(body)}`
}

/**
 * Seeds the demo inventory into a database that has no parts yet, deciding under the write lock: two processes
 * opening the same new file at once must not both seed it.
 */
export function seedDemoIfEmpty(db: Db): boolean {
  return writeTransaction(db, () => {
    // A replica of an InvenTree server holds the server's rows only: an empty one is not a new demo station.
    if (!isEmpty(db) || isReplica(db)) return false
    seedDemo(db)
    // The demo's admin signs in with the documented PIN (README); a station without the demo asks for its own.
    db.prepare("UPDATE operator SET pin_hash = ? WHERE role = 'admin' AND pin_hash IS NULL").run(DEMO_ADMIN_PIN_HASH)
    return true
  })
}

/**
 * A station without the demo inventory (a desk for an InvenTree server) still needs its operators, the admin
 * among them, to sign in and connect: the demo's, with their documented badges, when there are none.
 */
export function seedOperatorsIfNone(db: Db): boolean {
  return writeTransaction(db, () => {
    if (db.prepare('SELECT 1 FROM operator LIMIT 1').get() !== undefined) return false
    const insert = db.prepare('INSERT INTO operator (name, badge, role) VALUES (?, ?, ?)')
    for (const [name, badge, role] of demoOperators) insert.run(name, badge, role)
    return true
  })
}

export function seedDemo(db: Db): void {
  const rand = prng(20261126)
  writeTransaction(db, () => {
    const insertOperator = db.prepare('INSERT OR IGNORE INTO operator (name, badge, role) VALUES (?, ?, ?)')
    for (const [name, badge, role] of demoOperators) insertOperator.run(name, badge, role)

    // Locations, then bins under the shelves.
    const insertLocation = db.prepare(
      'INSERT INTO stocklocation (name, description, parent_id, structural) VALUES (?, ?, ?, ?)',
    )
    const locationIds: number[] = []
    for (const [name, description, parent, structural] of demoLocations) {
      const id = insertLocation.run(
        name,
        description,
        parent < 0 ? null : locationIds[parent],
        structural ? 1 : 0,
      ).lastInsertRowid
      locationIds.push(Number(id))
    }
    const bins: number[] = []
    for (const [shelf, prefix, count] of demoBins) {
      for (let i = 1; i <= count; i++) {
        bins.push(
          Number(
            insertLocation.run(`${prefix}${i}`, `${demoLocations[shelf]![0]}, position ${i}`, locationIds[shelf], 0)
              .lastInsertRowid,
          ),
        )
      }
    }
    const receiving = locationIds[2]!

    // Categories as a tree from the "A/B" paths.
    const insertCategory = db.prepare('INSERT INTO partcategory (name, parent_id) VALUES (?, ?)')
    const categoryIds = new Map<string, number>()
    const categoryFor = (path: string): number => {
      const known = categoryIds.get(path)
      if (known) return known
      const cut = path.lastIndexOf('/')
      const parent = cut < 0 ? null : categoryFor(path.slice(0, cut))
      const id = Number(insertCategory.run(path.slice(cut + 1), parent).lastInsertRowid)
      categoryIds.set(path, id)
      return id
    }

    const insertCompany = db.prepare(
      'INSERT INTO company (name, website, is_supplier, is_manufacturer) VALUES (?, ?, ?, ?)',
    )
    const supplierIds = new Map<string, number>()
    for (const s of demoSuppliers)
      supplierIds.set(s.name, Number(insertCompany.run(s.name, s.website, 1, 0).lastInsertRowid))
    const makerIds = new Map<string, number>()
    const makerFor = (name: string): number => {
      const known = makerIds.get(name)
      if (known) return known
      const id = Number(insertCompany.run(name, '', 0, 1).lastInsertRowid)
      makerIds.set(name, id)
      return id
    }

    const insertPart = db.prepare(
      'INSERT INTO part (ipn, name, description, category_id, default_location_id, units, gtin) VALUES (?, ?, ?, ?, ?, ?, ?)',
    )
    const insertMp = db.prepare('INSERT INTO manufacturerpart (part_id, manufacturer_id, mpn) VALUES (?, ?, ?)')
    const insertSp = db.prepare(
      'INSERT INTO supplierpart (part_id, supplier_id, manufacturer_part_id, sku, pack_quantity) VALUES (?, ?, ?, ?, ?)',
    )
    const insertStock = db.prepare(
      'INSERT INTO stockitem (part_id, location_id, quantity, batch, expiry, supplier_part_id) VALUES (?, ?, ?, ?, ?, ?)',
    )
    const insertTracking = db.prepare(
      "INSERT INTO stocktracking (stockitem_id, kind, delta, to_location_id, notes) VALUES (?, 'created', ?, ?, 'Demo inventory')",
    )
    const supplierPartsBySupplier = new Map<string, number[]>()

    demoParts.forEach(([category, ipn, name, description, maker, mpn, units], index) => {
      const bin = bins[index % bins.length]!
      const partId = Number(
        insertPart.run(ipn, name, description, categoryFor(category), bin, units, demoGtin(index)).lastInsertRowid,
      )
      const mpId = Number(insertMp.run(partId, makerFor(maker), mpn).lastInsertRowid)
      const smd = !/-TH-|\bTHT\b|\bDIP|TO-220|radial|axial/.test(`${ipn} ${description}`)
      // Every part is sold by two or three of the four suppliers; which ones is fixed by the PRNG.
      const sellers = demoSuppliers.map((s) => s.name).filter((_, i) => i === index % 4 || rand() < 0.45)
      let firstSp: number | null = null
      for (const supplier of sellers) {
        const sku = skuFor[supplier](maker, mpn, smd, rand)
        const pack =
          supplier === 'LCSC' && category.startsWith('Passives')
            ? 100
            : supplier === 'TME' && units === 'pcs' && rand() < 0.3
              ? 10
              : 1
        const spId = Number(insertSp.run(partId, supplierIds.get(supplier), mpId, sku, pack).lastInsertRowid)
        firstSp ??= spId
        supplierPartsBySupplier.set(supplier, [...(supplierPartsBySupplier.get(supplier) ?? []), spId])
      }
      const lots = 1 + Math.floor(rand() * 3)
      for (let l = 0; l < lots; l++) {
        const qty =
          units === 'pcs'
            ? Math.round(5 + rand() * (category.startsWith('Passives') ? 4000 : 200))
            : Math.round(10 + rand() * 490)
        const expiry = category === 'Consumables' ? `20${27 + l}-0${1 + l}-31` : null
        const location = l === 0 ? bin : bins[(index * 7 + l * 3) % bins.length]!
        const id = insertStock.run(partId, location, qty, lotCode(rand), expiry, firstSp).lastInsertRowid
        insertTracking.run(id, qty, location)
      }
    })

    // Placed purchase orders, one per supplier, delivered to the receiving bench.
    const insertPo = db.prepare(
      "INSERT INTO purchaseorder (reference, supplier_id, supplier_reference, status, destination_id) VALUES (?, ?, ?, 'placed', ?)",
    )
    const insertLine = db.prepare(
      'INSERT INTO purchaseorderline (order_id, supplier_part_id, quantity, destination_id) VALUES (?, ?, ?, ?)',
    )
    const supplierRefs: Record<string, string> = {
      DigiKey: '84213377',
      Mouser: '25867401',
      LCSC: 'WM2411190087',
      TME: '5218734',
    }
    demoSuppliers.forEach((s, i) => {
      const poId = Number(
        insertPo.run(`PO-${String(i + 1).padStart(4, '0')}`, supplierIds.get(s.name), supplierRefs[s.name], receiving)
          .lastInsertRowid,
      )
      const parts = supplierPartsBySupplier.get(s.name) ?? []
      for (let k = 0; k < Math.min(5, parts.length); k++) {
        const sp = parts[(k * 5 + i) % parts.length]!
        insertLine.run(poId, sp, [10, 25, 50, 100, 500][k % 5], k === 4 ? null : receiving)
      }
    })
  })
}

/**
 * Adds `stockItems` synthetic stock items (with a part per hundred items and a bin per thousand) for benchmarks.
 * Runs in one transaction of prepared inserts: a million rows take seconds, not minutes.
 */
export function seedScale(db: Db, stockItems: number): { parts: number; locations: number; stockItems: number } {
  const rand = prng(stockItems)
  const partCount = Math.max(1, Math.ceil(stockItems / 100))
  const binCount = Math.max(1, Math.ceil(stockItems / 1000))
  writeTransaction(db, () => {
    const category = Number(
      db.prepare("INSERT INTO partcategory (name, description) VALUES ('Synthetic', 'Generated for benchmarks')").run()
        .lastInsertRowid,
    )
    const site = Number(
      db
        .prepare(
          "INSERT INTO stocklocation (name, description, structural) VALUES ('Bulk Store', 'Generated for benchmarks', 1)",
        )
        .run().lastInsertRowid,
    )
    const insertBin = db.prepare('INSERT INTO stocklocation (name, parent_id) VALUES (?, ?)')
    const firstBin = Number(insertBin.run('Bulk Bin 1', site).lastInsertRowid)
    for (let b = 2; b <= binCount; b++) insertBin.run(`Bulk Bin ${b}`, site)
    const insertPart = db.prepare(
      "INSERT INTO part (ipn, name, description, category_id, units) VALUES (?, ?, 'Synthetic part', ?, 'pcs')",
    )
    const firstPart = Number(insertPart.run('SYN-000001', 'Synthetic part 1', category).lastInsertRowid)
    for (let p = 2; p <= partCount; p++)
      insertPart.run(`SYN-${String(p).padStart(6, '0')}`, `Synthetic part ${p}`, category)
    const insertStock = db.prepare('INSERT INTO stockitem (part_id, location_id, quantity, batch) VALUES (?, ?, ?, ?)')
    for (let i = 0; i < stockItems; i++) {
      insertStock.run(
        firstPart + Math.floor(rand() * partCount),
        firstBin + Math.floor(rand() * binCount),
        1 + Math.floor(rand() * 1000),
        `B${i % 9973}`,
      )
    }
  })
  return { parts: partCount, locations: binCount + 1, stockItems }
}

const cartonLabel = (i: number): string => `EXT-${String(i).padStart(8, '0')}`

/**
 * Links `count` synthetic external barcodes (carton labels `EXT-…` unless `label` makes others) to distinct stock
 * items, for benchmarks.
 */
export function seedLinks(
  db: Db,
  count: number,
  label: (i: number) => string = cartonLabel,
): { linked: number; firstLabel: string } {
  const items = (db.prepare('SELECT count(*) AS n FROM stockitem').get() as { n: number }).n
  if (count > items) throw new Error(`Cannot link ${count} barcodes to ${items} stock items`)
  writeTransaction(db, () => {
    const insert = db.prepare(
      "INSERT OR IGNORE INTO barcodelink (model_type, pk, data, hash) VALUES ('stockitem', ?, ?, ?)",
    )
    // A stride that is coprime with the item count spreads the links over the whole table.
    const stride = 7919
    for (let i = 0; i < count; i++) insert.run(((i * stride) % items) + 1, label(i), barcodeHash(label(i)))
  })
  return { linked: count, firstLabel: label(0) }
}

/**
 * Adds `count` synthetic history rows spread over the last 30 days (mixed sources, results, operators and
 * plugins, a few with control characters), for the history review's benchmark and tests.
 */
export function seedHistory(db: Db, count: number, now = Date.now()): { scans: number } {
  const rand = prng(count + 1)
  const operators = (db.prepare('SELECT id FROM operator').all() as { id: number }[]).map((r) => r.id)
  const sources = ['wedge', 'wedge', 'wedge', 'hid', 'serial', 'webcam', 'manual']
  const span = 30 * 24 * 3600 * 1000
  writeTransaction(db, () => {
    const insert = db.prepare(
      `INSERT INTO scan (timestamp, data, data_hex, source, device, operator_id, plugin, plugins_tried, result, model_type, pk, response, duration_us)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    for (let i = 0; i < count; i++) {
      const at = new Date(now - span + Math.floor((i / count) * span)).toISOString()
      const r = rand()
      const source = sources[Math.floor(rand() * sources.length)]!
      const operator = operators.length ? operators[Math.floor(rand() * operators.length)]! : null
      if (r < 0.8) {
        const pk = 1 + Math.floor(rand() * 120)
        const data = i % 2 ? `INV-SI${pk}` : `{"stockitem": ${pk}}`
        insert.run(
          at,
          data,
          null,
          source,
          null,
          operator,
          'InvenTreeBarcode',
          'InvenTreeBarcode:match',
          'match',
          'stockitem',
          pk,
          JSON.stringify({
            outcome: 'matched',
            match: { model: 'stockitem', pk, via: 'internal' },
            stockitem: { pk, name: `Stock item ${pk}`, url: `/stockitem/${pk}` },
            success: 'Match found for barcode data',
            plugin: 'InvenTreeBarcode',
            barcode_data: data,
            barcode_hash: '',
          }),
          20 + Math.floor(rand() * 200),
        )
      } else if (r < 0.95) {
        const data = i % 7 === 0 ? `[)>\u001e06\u001dPUNKNOWN-${i}\u001dQ5\u001e\u0004` : `UNKNOWN-${i}`
        insert.run(
          at,
          data,
          data.startsWith('[') ? Buffer.from(data).toString('hex') : null,
          source,
          null,
          operator,
          null,
          'InvenTreeBarcode:no',
          'no_match',
          null,
          null,
          JSON.stringify({
            outcome: 'no_match',
            match: null,
            error: 'No match found for barcode data',
            plugin: null,
            barcode_data: data,
            barcode_hash: '',
          }),
          30 + Math.floor(rand() * 300),
        )
      } else {
        insert.run(
          at,
          '',
          null,
          source,
          null,
          operator,
          null,
          '',
          'error',
          null,
          null,
          JSON.stringify({
            outcome: 'error',
            match: null,
            error: 'Missing barcode data',
            plugin: null,
            barcode_data: '',
            barcode_hash: '',
          }),
          5,
        )
      }
    }
  })
  return { scans: count }
}
