/**
 * The stand-in's inventory: compact records loaded from a JSON file, held in memory, and turned into the full
 * objects InvenTree's serializers return (with the read-only fields the schema requires, such as `pathstring`,
 * `barcode_hash` or `supplier_name`). Lookups go through per-model indexes (see table.ts), so a server of a hundred
 * thousand stock items answers a page or a scan without walking them all. Writes go through `patch`, `insert` and
 * `remove`, inside `atomically`, so that a write InvenTree would refuse half-way leaves nothing changed.
 */
import { readFileSync } from 'node:fs'
import type { components } from '../../core/inventree/api-types.generated'
import { Table, type Row } from './table'

type Schemas = components['schemas']
export type RulesetName =
  | 'admin'
  | 'part_category'
  | 'part'
  | 'stock_location'
  | 'stock'
  | 'bom'
  | 'build'
  | 'purchase_order'
  | 'sales_order'
  | 'return_order'
  | 'transfer_order'
export type Permission = 'view' | 'add' | 'change' | 'delete'
export type StockStatus = Schemas['Status2a7Enum']

export interface StandinUser {
  pk: number
  username: string
  password: string
  first_name?: string
  last_name?: string
  email?: string
  is_superuser?: boolean
  is_staff?: boolean
  roles: Partial<Record<RulesetName, Permission[]>>
}

/** What every model that carries an external barcode has (InvenTree's InvenTreeBarcodeMixin). */
interface Barcoded {
  barcode_data?: string
  barcode_hash?: string
}

/** When the row last changed (ISO time), for `updated_after`; absent: long ago. */
interface Dated {
  updated?: string
}

export interface CategoryRecord extends Dated {
  pk: number
  name: string
  parent?: number | null
  description?: string
}

export interface LocationRecord extends Barcoded, Dated {
  pk: number
  name: string
  parent?: number | null
  structural?: boolean
  description?: string
}

export interface PartRecord extends Barcoded, Dated {
  pk: number
  name: string
  IPN?: string
  description?: string
  category?: number | null
  default_location?: number | null
  units?: string
}

export interface CompanyRecord extends Dated {
  pk: number
  name: string
  is_supplier?: boolean
  is_manufacturer?: boolean
  currency?: string
}

export interface ManufacturerPartRecord extends Barcoded, Dated {
  pk: number
  part: number
  manufacturer: number
  MPN: string
}

export interface SupplierPartRecord extends Barcoded, Dated {
  pk: number
  part: number
  supplier: number
  SKU: string
  manufacturer_part?: number | null
  pack_quantity?: string
  description?: string | null
  link?: string | null
  note?: string | null
  packaging?: string | null
  active?: boolean
}

export interface StockRecord extends Barcoded, Dated {
  pk: number
  part: number
  quantity: number
  location?: number | null
  batch?: string | null
  serial?: string | null
  expiry_date?: string | null
  status?: StockStatus
  supplier_part?: number | null
  purchase_order?: number | null
  packaging?: string | null
  notes?: string | null
  /** The item this one was split from. */
  parent?: number | null
  /** InvenTree deletes a depleted item unless this is false (default: the STOCK_DELETE_DEPLETED_DEFAULT setting). */
  delete_on_deplete?: boolean
}

export interface PurchaseOrderRecord extends Barcoded, Dated {
  pk: number
  reference: string
  supplier: number
  supplier_reference?: string
  /** InvenTree's PurchaseOrderStatus: 10 pending, 20 placed, 25 on hold, 30 complete, 40 cancelled, … */
  status: number
  destination?: number | null
  created_by: number
  complete_date?: string | null
}

export interface PurchaseOrderLineRecord extends Dated {
  pk: number
  order: number
  /** The supplier part, as InvenTree names it on a purchase order line. */
  part: number
  quantity: number
  received?: number
  destination?: number | null
  reference?: string
}

/** The global settings the stand-in's behaviour depends on; absent ones take InvenTree's defaults. */
export interface StandinSettings {
  PURCHASEORDER_AUTO_COMPLETE?: boolean
  STOCK_DELETE_DEPLETED_DEFAULT?: boolean
  /** The InvenTreeBarcode plugin's SHORT_BARCODE_PREFIX. */
  SHORT_BARCODE_PREFIX?: string
}

export interface StandinData {
  server?: { apiVersion?: number; version?: string; instance?: string }
  settings?: StandinSettings
  users: StandinUser[]
  /** Tokens known before start (e.g. to hand a person one at once); more are issued by /api/user/me/token/. */
  tokens?: { token: string; user: number; name?: string }[]
  categories?: CategoryRecord[]
  locations?: LocationRecord[]
  parts?: PartRecord[]
  companies?: CompanyRecord[]
  manufacturerParts?: ManufacturerPartRecord[]
  supplierParts?: SupplierPartRecord[]
  stock?: StockRecord[]
  purchaseOrders?: PurchaseOrderRecord[]
  poLines?: PurchaseOrderLineRecord[]
}

export interface IssuedToken {
  token: string
  user: number
  name: string
  revoked: boolean
}

/** A write the server applied, in the order applied: what a test checks exactly-once delivery against. */
export interface AppliedWrite {
  operationId: string
  method: string
  path: string
  /** ISO time it was applied. */
  at: string
  user: string
  body: unknown
  status: number
  response: unknown
}

/** The server's inventory in a form two runs can be compared by (`toEqual`): rows ordered by pk, absent = null. */
export interface StandinSnapshot {
  stock: {
    pk: number
    part: number
    location: number | null
    quantity: number
    batch: string
    serial: string | null
    expiry_date: string | null
    status: number
    barcode_hash: string
    purchase_order: number | null
    supplier_part: number | null
  }[]
  lines: { pk: number; order: number; part: number; quantity: number; received: number }[]
  orders: { pk: number; reference: string; status: number }[]
  supplierParts: {
    pk: number
    part: number
    supplier: number
    SKU: string
    manufacturer_part: number | null
    pack_quantity: string
  }[]
  /** External barcodes linked to anything but stock items (whose hashes are in `stock`). */
  barcodes: { model: string; pk: number; barcode_hash: string }[]
}

export const PO_STATUS = { PENDING: 10, PLACED: 20, ON_HOLD: 25, COMPLETE: 30, CANCELLED: 40 } as const

const PO_STATUS_TEXT: Record<number, string> = {
  10: 'Pending',
  20: 'Placed',
  25: 'On Hold',
  30: 'Complete',
  40: 'Cancelled',
  50: 'Lost',
  60: 'Returned',
}

const STOCK_STATUS_TEXT: Record<number, string> = {
  10: 'OK',
  50: 'Attention needed',
  55: 'Damaged',
  60: 'Destroyed',
  65: 'Rejected',
  70: 'Lost',
  75: 'Quarantined',
  85: 'Returned',
}

/** Counts InvenTree annotates onto lists; computed once per request, not once per row. */
interface Derived {
  itemsAt: Map<number, number>
  childrenOf: Map<number, number>
  suppliedBy: Map<number, number>
  madeBy: Map<number, number>
}

const countBy = <T>(rows: readonly T[], key: (row: T) => number | null | undefined): Map<number, number> => {
  const counts = new Map<number, number>()
  for (const row of rows) {
    const k = key(row)
    if (k !== null && k !== undefined) counts.set(k, (counts.get(k) ?? 0) + 1)
  }
  return counts
}

export class StandinState {
  readonly tokens = new Map<string, IssuedToken>()
  readonly applied: AppliedWrite[] = []
  readonly categories: Table<CategoryRecord>
  readonly locations: Table<LocationRecord>
  readonly parts: Table<PartRecord>
  readonly companies: Table<CompanyRecord>
  readonly manufacturerParts: Table<ManufacturerPartRecord>
  readonly supplierParts: Table<SupplierPartRecord>
  readonly stock: Table<StockRecord>
  readonly purchaseOrders: Table<PurchaseOrderRecord>
  readonly poLines: Table<PurchaseOrderLineRecord>
  private derived: Derived | null = null
  private journal: (() => void)[] | null = null

  constructor(readonly data: StandinData) {
    for (const t of data.tokens ?? [])
      this.tokens.set(t.token, { token: t.token, user: t.user, name: t.name ?? 'preset', revoked: false })
    this.categories = new Table(
      () => this.data.categories,
      (rows) => (this.data.categories = rows),
    )
    this.locations = new Table(
      () => this.data.locations,
      (rows) => (this.data.locations = rows),
    )
    this.parts = new Table(
      () => this.data.parts,
      (rows) => (this.data.parts = rows),
    )
    this.companies = new Table(
      () => this.data.companies,
      (rows) => (this.data.companies = rows),
    )
    this.manufacturerParts = new Table(
      () => this.data.manufacturerParts,
      (rows) => (this.data.manufacturerParts = rows),
    )
    this.supplierParts = new Table(
      () => this.data.supplierParts,
      (rows) => (this.data.supplierParts = rows),
    )
    this.stock = new Table(
      () => this.data.stock,
      (rows) => (this.data.stock = rows),
    )
    this.purchaseOrders = new Table(
      () => this.data.purchaseOrders,
      (rows) => (this.data.purchaseOrders = rows),
    )
    this.poLines = new Table(
      () => this.data.poLines,
      (rows) => (this.data.poLines = rows),
    )
  }

  static fromFile(path: string): StandinState {
    return new StandinState(JSON.parse(readFileSync(path, 'utf8')) as StandinData)
  }

  user(pk: number): StandinUser | undefined {
    return this.data.users.find((u) => u.pk === pk)
  }

  userNamed(username: string): StandinUser | undefined {
    return this.data.users.find((u) => u.username === username)
  }

  /** All the server's tokens for a user are revoked, as an admin does in InvenTree's token list. */
  revokeTokensOf(username: string): void {
    const user = this.userNamed(username)
    for (const t of this.tokens.values()) if (t.user === user?.pk) t.revoked = true
  }

  setting<K extends keyof StandinSettings>(key: K): NonNullable<StandinSettings[K]> {
    const defaults: Required<StandinSettings> = {
      PURCHASEORDER_AUTO_COMPLETE: true,
      STOCK_DELETE_DEPLETED_DEFAULT: true,
      SHORT_BARCODE_PREFIX: 'INV-',
    }
    return (this.data.settings?.[key] ?? defaults[key]) as NonNullable<StandinSettings[K]>
  }

  /** Called as each request starts: counts derived from the rows are taken afresh, so direct edits are seen. */
  beginRequest(): void {
    this.derived = null
  }

  // ---- writes ----------------------------------------------------------------------------------------------------

  /** Runs `fn` so that either all its changes stay or, when it throws, none do (a database transaction). */
  atomically<R>(fn: () => R): R {
    if (this.journal) return fn()
    const journal: (() => void)[] = []
    this.journal = journal
    try {
      return fn()
    } catch (err) {
      for (const undo of journal.reverse()) undo()
      throw err
    } finally {
      this.journal = null
      this.derived = null
    }
  }

  /** Changes fields of a row and dates the change, so an incremental pull (`updated_after`) sees it. */
  patch<T extends Row & Dated>(table: Table<T>, row: T, changes: Partial<T>, at = new Date().toISOString()): void {
    const all = { ...changes, updated: at } as Partial<T>
    const before = Object.fromEntries(Object.keys(all).map((k) => [k, row[k as keyof T]])) as Partial<T>
    const hadKey = new Set(Object.keys(all).filter((k) => k in row))
    const previousHash = row.barcode_hash
    Object.assign(row, all)
    if ('barcode_hash' in changes) table.rehash(row, previousHash)
    this.derived = null
    this.journal?.push(() => {
      const hashNow = row.barcode_hash
      for (const [k, v] of Object.entries(before)) {
        if (hadKey.has(k)) (row as Record<string, unknown>)[k] = v
        else delete (row as Record<string, unknown>)[k]
      }
      if (hashNow !== row.barcode_hash) table.rehash(row, hashNow)
    })
  }

  insert<T extends Row & Dated>(table: Table<T>, row: T, at = new Date().toISOString()): T {
    row.updated ??= at
    table.insert(row)
    this.derived = null
    this.journal?.push(() => table.remove(row))
    return row
  }

  remove<T extends Row>(table: Table<T>, row: T): void {
    table.remove(row)
    this.derived = null
    this.journal?.push(() => table.insert(row))
  }

  // ---- what the server holds -----------------------------------------------------------------------------------

  snapshot(): StandinSnapshot {
    const barcodes: StandinSnapshot['barcodes'] = []
    const linked = (model: string, rows: readonly (Row & Barcoded)[]): void => {
      for (const r of rows) if (r.barcode_hash) barcodes.push({ model, pk: r.pk, barcode_hash: r.barcode_hash })
    }
    linked('stocklocation', this.locations.all())
    linked('part', this.parts.all())
    linked('manufacturerpart', this.manufacturerParts.all())
    linked('supplierpart', this.supplierParts.all())
    linked('purchaseorder', this.purchaseOrders.all())
    return {
      stock: this.stock.all().map((s) => ({
        pk: s.pk,
        part: s.part,
        location: s.location ?? null,
        quantity: s.quantity,
        batch: s.batch ?? '',
        serial: s.serial || null,
        expiry_date: s.expiry_date ?? null,
        status: s.status ?? 10,
        barcode_hash: s.barcode_hash ?? '',
        purchase_order: s.purchase_order ?? null,
        supplier_part: s.supplier_part ?? null,
      })),
      lines: this.poLines.all().map((l) => ({
        pk: l.pk,
        order: l.order,
        part: l.part,
        quantity: l.quantity,
        received: l.received ?? 0,
      })),
      orders: this.purchaseOrders.all().map((o) => ({ pk: o.pk, reference: o.reference, status: o.status })),
      supplierParts: this.supplierParts.all().map((s) => ({
        pk: s.pk,
        part: s.part,
        supplier: s.supplier,
        SKU: s.SKU,
        manufacturer_part: s.manufacturer_part ?? null,
        pack_quantity: s.pack_quantity ?? '',
      })),
      barcodes,
    }
  }

  // ---- serializers -----------------------------------------------------------------------------------------------

  private counts(): Derived {
    this.derived ??= {
      itemsAt: countBy(this.stock.all(), (s) => s.location),
      childrenOf: countBy(this.locations.all(), (l) => l.parent),
      suppliedBy: countBy(this.supplierParts.all(), (s) => s.supplier),
      madeBy: countBy(this.manufacturerParts.all(), (m) => m.manufacturer),
    }
    return this.derived
  }

  private pathOf<T extends { pk: number; name: string; parent?: number | null }>(table: Table<T>, pk: number): T[] {
    const chain: T[] = []
    for (let node = table.get(pk); node; node = table.get(node.parent)) {
      chain.unshift(node)
      if (chain.length > table.size) break
    }
    return chain
  }

  categoryOut(pk: number): Schemas['Category'] {
    const c = this.categories.get(pk)!
    const path = this.pathOf(this.categories, pk)
    return {
      pk: c.pk,
      name: c.name,
      description: c.description ?? '',
      parent: c.parent ?? null,
      level: path.length - 1,
      pathstring: path.map((n) => n.name).join('/'),
      starred: false,
    }
  }

  locationOut(pk: number): Schemas['Location'] {
    const l = this.locations.get(pk)!
    const path = this.pathOf(this.locations, pk)
    const counts = this.counts()
    return {
      pk: l.pk,
      name: l.name,
      description: l.description ?? '',
      parent: l.parent ?? null,
      structural: l.structural ?? false,
      level: path.length - 1,
      pathstring: path.map((n) => n.name).join('/'),
      icon: '',
      items: counts.itemsAt.get(pk) ?? 0,
      sublocations: counts.childrenOf.get(pk) ?? 0,
      barcode_hash: l.barcode_hash ?? '',
    }
  }

  partOut(pk: number): Schemas['Part'] {
    const p = this.parts.get(pk)!
    const category = this.categories.get(p.category)
    return {
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
      barcode_hash: p.barcode_hash ?? '',
    }
  }

  companyOut(pk: number): Schemas['Company'] {
    const c = this.companies.get(pk)!
    const counts = this.counts()
    return {
      pk: c.pk,
      name: c.name,
      description: '',
      currency: c.currency ?? 'USD',
      is_supplier: c.is_supplier ?? true,
      is_manufacturer: c.is_manufacturer ?? false,
      active: true,
      parts_supplied: counts.suppliedBy.get(pk) ?? 0,
      parts_manufactured: counts.madeBy.get(pk) ?? 0,
    }
  }

  manufacturerPartOut(pk: number): Schemas['ManufacturerPart'] {
    const m = this.manufacturerParts.get(pk)!
    return {
      pk: m.pk,
      part: m.part,
      manufacturer: m.manufacturer,
      MPN: m.MPN,
      description: '',
      barcode_hash: m.barcode_hash ?? '',
    }
  }

  supplierPartOut(pk: number): Schemas['SupplierPart'] {
    const s = this.supplierParts.get(pk)!
    const pack = s.pack_quantity ?? ''
    return {
      pk: s.pk,
      part: s.part,
      supplier: s.supplier,
      SKU: s.SKU,
      manufacturer_part: s.manufacturer_part ?? null,
      pack_quantity: pack,
      pack_quantity_native: packQuantityNative(pack) ?? 1,
      description: s.description ?? '',
      link: s.link ?? null,
      note: s.note ?? null,
      packaging: s.packaging ?? null,
      active: s.active ?? true,
      barcode_hash: s.barcode_hash ?? '',
      updated: s.updated ?? null,
    }
  }

  stockOut(pk: number): Schemas['StockItem'] {
    const s = this.stock.get(pk)!
    const status = s.status ?? 10
    return {
      pk: s.pk,
      part: s.part,
      quantity: s.quantity,
      location: s.location ?? null,
      batch: s.batch ?? '',
      serial: s.serial ?? null,
      expiry_date: s.expiry_date ?? null,
      status,
      status_text: STOCK_STATUS_TEXT[status] ?? null,
      supplier_part: s.supplier_part ?? null,
      purchase_order: s.purchase_order ?? null,
      packaging: s.packaging ?? null,
      in_stock: s.quantity > 0,
      barcode_hash: s.barcode_hash ?? '',
      updated: s.updated ?? null,
    }
  }

  purchaseOrderOut(pk: number): Schemas['PurchaseOrder'] {
    const o = this.purchaseOrders.get(pk)!
    const creator = this.user(o.created_by)
    return {
      pk: o.pk,
      reference: o.reference,
      description: '',
      supplier: o.supplier,
      supplier_name: this.companies.get(o.supplier)?.name ?? '',
      supplier_reference: o.supplier_reference ?? '',
      status: o.status,
      status_text: PO_STATUS_TEXT[o.status] ?? null,
      destination: o.destination ?? null,
      complete_date: o.complete_date ?? null,
      barcode_hash: o.barcode_hash ?? '',
      updated_at: o.updated ?? null,
      created_by: {
        pk: creator?.pk ?? o.created_by,
        username: creator?.username ?? '',
        first_name: creator?.first_name ?? '',
        last_name: creator?.last_name ?? '',
        email: creator?.email ?? '',
      },
    }
  }

  poLineOut(pk: number): Schemas['PurchaseOrderLineItem'] {
    const l = this.poLines.get(pk)!
    const supplierPart = this.supplierParts.get(l.part)
    const part = this.parts.get(supplierPart?.part)
    return {
      pk: l.pk,
      order: l.order,
      part: l.part,
      quantity: l.quantity,
      received: l.received ?? 0,
      destination: l.destination ?? null,
      reference: l.reference ?? '',
      internal_part: part?.pk ?? 0,
      internal_part_name: part?.name ?? '',
    }
  }
}

/**
 * A supplier part's pack quantity in the part's units (InvenTree's `pack_quantity_native`): blank means one. The
 * stand-in reads plain numbers only, not InvenTree's physical units ("100 pcs", "2.5 m"); null when unreadable.
 */
export function packQuantityNative(pack: string): number | null {
  const text = pack.trim()
  if (text === '') return 1
  const n = Number(text)
  return Number.isFinite(n) ? n : null
}
