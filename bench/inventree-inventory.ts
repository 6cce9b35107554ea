/**
 * A synthetic InvenTree inventory of any size, as the stand-in's compact records (StandinData), in the proportions
 * of a working store: twenty items per part, a supplier part and a half per part, a bin per 500 items, an order per
 * 100 items (most of them complete), 5 lines per order, a tenth of the items with a supplier bag label linked.
 * Everything is a function of its index, so a million items can be generated page by page and never held at once.
 */
import { barcodeHash } from '../src-main/core/barcode/hash'
import type { StandinData } from '../src-main/tests/inventree-standin/state'

type Records<K extends keyof StandinData> = NonNullable<StandinData[K]>
export type StockRecord = Records<'stock'>[number]

const GS = '\u001D'
const RS = '\u001E'
const EOT = '\u0004'

/** When the inventory last changed: long before any pull, so an incremental pull finds nothing new. */
export const LONG_AGO = '2025-01-10T09:00:00Z'

export interface InventorySizes {
  stockItems: number
  categories: number
  warehouses: number
  bins: number
  manufacturers: number
  parts: number
  supplierParts: number
  purchaseOrders: number
  linesPerOrder: number
}

export function inventorySizes(stockItems: number): InventorySizes {
  const parts = Math.max(1, Math.ceil(stockItems / 20))
  return {
    stockItems,
    categories: Math.max(4, Math.ceil(stockItems / 5000)),
    warehouses: Math.max(1, Math.ceil(stockItems / 50_000)),
    bins: Math.max(1, Math.ceil(stockItems / 500)),
    manufacturers: 10 + Math.ceil(stockItems / 50_000),
    parts,
    supplierParts: parts + Math.floor(parts / 2),
    purchaseOrders: Math.max(1, Math.ceil(stockItems / 100)),
    linesPerOrder: 5,
  }
}

const SUPPLIERS = ['DigiKey', 'Mouser', 'LCSC', 'TME']

/** A cheap integer hash, so the generated fields look scattered yet come out the same on every run. */
const mix = (i: number, salt: number): number => {
  let h = Math.imul(i ^ (salt * 0x9e3779b1), 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  return (h ^ (h >>> 16)) >>> 0
}

/** The server's pk of the i-th stock item: items deleted over the years leave every tenth pk unused. */
export const stockPk = (i: number): number => i + 1 + Math.floor(i / 9)

/** Every tenth item has a supplier bag label linked (the k-th label on the (10k+3)-th item). */
export const linkedLabelOf = (i: number): number | null => (i % 10 === 3 ? Math.floor(i / 10) : null)
export const linkedLabels = (stockItems: number): number => Math.floor((stockItems + 6) / 10)

/** A DigiKey ISO/IEC 15434 bag label, unique by its package id (13Z), as linked to an item when it was received. */
export function bagLabel(k: number): string {
  const sku = `SYN${String(k % 9973).padStart(5, '0')}-ND`
  const fields = [
    `P${sku}`,
    `1PMPN-${k % 9973}`,
    `KPO-${String(1 + (k % 5000)).padStart(6, '0')}`,
    `1K${84_000_000 + (k % 1_000_000)}`,
    `10K${100_000_000 + k}`,
    '9D2411',
    `1TLOT${k % 997}`,
    '11K1',
    '4LCN',
    `Q${1 + (k % 500)}`,
    '11ZPICK',
    `12Z${3_000_000 + (k % 1_000_000)}`,
    `13Z${String(k).padStart(9, '0')}`,
    '20Z0000000000000000000000000000000000000000000000000000',
  ]
  return `[)>${RS}06${GS}${fields.join(GS)}${RS}${EOT}`
}

/** Open orders are pending (10) or placed (20); seven in ten are complete (30) and are not pulled. */
const orderStatus = (o: number): number => (o % 10 < 7 ? 30 : o % 10 < 9 ? 20 : 10)

export function stockRecord(s: InventorySizes, i: number): StockRecord {
  const part = 1 + (mix(i, 1) % s.parts)
  const serialised = i % 10 === 7
  const fromOrder = mix(i, 2) % 2 === 0
  const link = linkedLabelOf(i)
  return {
    pk: stockPk(i),
    part,
    quantity: serialised ? 1 : 1 + (mix(i, 3) % 1000),
    location: s.warehouses + 1 + (mix(i, 4) % s.bins),
    batch: `B${i % 9973}`,
    serial: serialised ? `SN${String(i).padStart(8, '0')}` : null,
    status: i % 50 === 0 ? 50 : 10,
    // A part's first supplier part has the part's pk; every second part has another one after them.
    supplier_part: mix(i, 5) % 5 < 3 ? part : null,
    purchase_order: fromOrder ? 1 + (mix(i, 6) % s.purchaseOrders) : null,
    ...(link === null ? {} : { barcode_hash: barcodeHash(bagLabel(link)) }),
    updated: LONG_AGO,
  }
}

/** Everything but the stock items and the users. */
export function inventoryRecords(s: InventorySizes): Omit<StandinData, 'users' | 'stock'> {
  const range = (n: number) => Array.from({ length: n }, (_, i) => i)
  const companies = [
    ...SUPPLIERS.map((name, i) => ({ pk: i + 1, name, is_supplier: true, is_manufacturer: false })),
    ...range(s.manufacturers).map((m) => ({
      pk: SUPPLIERS.length + 1 + m,
      name: `Maker ${m + 1}`,
      is_supplier: false,
      is_manufacturer: true,
    })),
  ]
  const manufacturerOf = (p: number) => SUPPLIERS.length + 1 + (p % s.manufacturers)
  const extra = (j: number) => s.parts + 1 + j
  return {
    // Three top-level categories, the rest under them.
    categories: range(s.categories).map((c) => ({
      pk: c + 1,
      name: `Category ${c + 1}`,
      parent: c < 3 ? null : 1 + (c % 3),
      description: '',
    })),
    locations: [
      ...range(s.warehouses).map((w) => ({ pk: w + 1, name: `Warehouse ${w + 1}`, structural: true })),
      ...range(s.bins).map((b) => ({
        pk: s.warehouses + 1 + b,
        name: `Bin ${String(b + 1).padStart(5, '0')}`,
        parent: 1 + (b % s.warehouses),
      })),
    ],
    companies,
    parts: range(s.parts).map((p) => ({
      pk: p + 1,
      name: `Part ${p + 1}`,
      IPN: `IPN-${String(p + 1).padStart(7, '0')}`,
      description: 'Synthetic part',
      category: 1 + (p % s.categories),
      default_location: s.warehouses + 1 + (p % s.bins),
      units: p % 7 === 0 ? 'm' : '',
    })),
    manufacturerParts: range(s.parts).map((p) => ({
      pk: p + 1,
      part: p + 1,
      manufacturer: manufacturerOf(p),
      MPN: `MPN-${p + 1}`,
    })),
    supplierParts: [
      ...range(s.parts).map((p) => ({
        pk: p + 1,
        part: p + 1,
        supplier: 1 + (p % SUPPLIERS.length),
        SKU: `SKU-${p + 1}`,
        manufacturer_part: p + 1,
        pack_quantity: p % 3 === 0 ? '100' : '',
      })),
      ...range(s.supplierParts - s.parts).map((j) => ({
        pk: extra(j),
        part: 2 * j + 1,
        supplier: 1 + ((2 * j + 1) % SUPPLIERS.length),
        SKU: `SKU-${extra(j)}`,
        manufacturer_part: 2 * j + 1,
      })),
    ],
    purchaseOrders: range(s.purchaseOrders).map((o) => ({
      pk: o + 1,
      reference: `PO-${String(o + 1).padStart(6, '0')}`,
      supplier: 1 + (o % SUPPLIERS.length),
      supplier_reference: `SO-${o + 1}`,
      status: orderStatus(o),
      destination: o % 4 === 0 ? s.warehouses + 1 + (o % s.bins) : null,
      created_by: 1,
      updated: LONG_AGO,
    })),
    poLines: range(s.purchaseOrders * s.linesPerOrder).map((l) => {
      const o = Math.floor(l / s.linesPerOrder)
      const quantity = 10 * (1 + (l % 10))
      return {
        pk: l + 1,
        order: o + 1,
        part: 1 + (mix(l, 7) % s.supplierParts),
        quantity,
        received: orderStatus(o) === 30 ? quantity : orderStatus(o) === 20 && l % 2 ? quantity / 2 : 0,
      }
    }),
  }
}

/** The desk's user on the stand-in: it reads what a pull reads. */
export const DESK_USER: StandinData['users'][number] = {
  pk: 1,
  username: 'desk',
  password: 'receive-all-day',
  roles: {
    part: ['view'],
    part_category: ['view'],
    stock_location: ['view'],
    stock: ['view', 'add', 'change'],
    purchase_order: ['view', 'change'],
  },
}

/** The whole inventory as a stand-in data file holds it. */
export function standinData(stockItems: number): StandinData {
  const s = inventorySizes(stockItems)
  return {
    server: { apiVersion: 534, version: '1.1.0', instance: 'InvenTree stand-in (benchmark)' },
    users: [DESK_USER],
    ...inventoryRecords(s),
    stock: Array.from({ length: stockItems }, (_, i) => stockRecord(s, i)),
  }
}
