/**
 * How each InvenTree list endpoint becomes rows of the station's own tables. Every row keeps the server's pk as its
 * id, so InvenTree's labels (`{"stockitem": 5}`, `INV-SI5`) name the same row at the desk. The models are listed in
 * the order a pull must follow: a row is written after the rows it points at.
 */
import type { ModelType } from '../../contract'
import type { components } from './api-types.generated'
import type { InventreeClient } from './client'

type Schemas = components['schemas']

export interface PageQuery {
  limit: number
  offset: number
  updated_after?: string
  order?: number
  outstanding?: boolean
}

export interface Page<T> {
  count: number
  results: T[]
}

/** One list call: the openapi-fetch result, so the caller turns failures into InventreeErrors in one place. */
type ListCall<T> = (
  client: InventreeClient,
  query: PageQuery,
) => Promise<{ data?: Page<T>; error?: unknown; response: Response }>

export type PulledModel = ModelType | 'purchaseorderline'

/** A column's value, or the SQL that turns it into one (e.g. a reference kept only when its row is local). */
interface Column {
  name: string
  sql?: string
}

export interface ReplicaModel<T = unknown> {
  model: PulledModel
  /** What the progress bar and the messages call it. */
  label: string
  list: ListCall<T>
  /** The list endpoint accepts `updated_after`: a later pull asks only for what changed. */
  incremental: boolean
  /** Extra filters of a full listing (e.g. open orders only). */
  fullFilter?: Partial<PageQuery>
  columns: Column[]
  /**
   * The row's values by column name, or null to leave the object out. `local` tells whether the row is already in
   * the replica (a closed order is updated there, never added).
   */
  row(o: T, local: boolean): Record<string, unknown> | null
  /** The object's barcode hash when InvenTree links a barcode to this model. */
  barcodeHash?(o: T): string
  /**
   * Columns that must point at a local row (column → table). An object whose row is not here yet (created on the
   * server while the pull was reading later lists) is left for the next pull rather than failing this one.
   */
  requires?: Record<string, PulledModel>
  /** A column pointing at the same table: its row may be listed after the row pointing at it. */
  parentColumn?: string
  /** Listed once per row of another local table (a purchase order's lines, per open order). */
  perOrder?: true
}

const local = (table: string, param: string): string => `(SELECT id FROM ${table} WHERE id = @${param})`

/** InvenTree's StockStatus codes onto the station's fewer states: destroyed and rejected items cannot be used. */
const STOCK_STATUS: Record<Schemas['Status2a7Enum'], string> = {
  10: 'ok',
  50: 'attention',
  55: 'damaged',
  60: 'damaged',
  65: 'damaged',
  70: 'lost',
  75: 'quarantined',
  85: 'ok',
}

/** InvenTree's PurchaseOrderStatus: only a placed order can be received, so "on hold" is kept as pending. */
export function purchaseOrderStatus(code: number): 'pending' | 'placed' | 'complete' | 'cancelled' {
  if (code === 10 || code === 25) return 'pending'
  if (code === 20) return 'placed'
  if (code === 30) return 'complete'
  return 'cancelled'
}
export const OPEN_ORDER_STATES = ['pending', 'placed'] as const

const category: ReplicaModel<Schemas['Category']> = {
  model: 'partcategory',
  label: 'part categories',
  list: (c, query) => c.GET('/api/part/category/', { params: { query } }),
  incremental: false,
  columns: [{ name: 'name' }, { name: 'description' }, { name: 'parent_id', sql: local('partcategory', 'parent_id') }],
  parentColumn: 'parent_id',
  row: (o) => ({ name: o.name, description: o.description ?? '', parent_id: o.parent ?? null }),
}

const location: ReplicaModel<Schemas['Location']> = {
  model: 'stocklocation',
  label: 'stock locations',
  list: (c, query) => c.GET('/api/stock/location/', { params: { query } }),
  incremental: false,
  columns: [
    { name: 'name' },
    { name: 'description' },
    { name: 'parent_id', sql: local('stocklocation', 'parent_id') },
    { name: 'structural' },
  ],
  parentColumn: 'parent_id',
  row: (o) => ({
    name: o.name,
    description: o.description ?? '',
    parent_id: o.parent ?? null,
    structural: o.structural ? 1 : 0,
  }),
  barcodeHash: (o) => o.barcode_hash,
}

const company: ReplicaModel<Schemas['Company']> = {
  model: 'company',
  label: 'companies',
  list: (c, query) => c.GET('/api/company/', { params: { query } }),
  incremental: false,
  columns: [{ name: 'name' }, { name: 'website' }, { name: 'is_supplier' }, { name: 'is_manufacturer' }],
  row: (o) => ({
    name: o.name,
    website: o.website ?? '',
    is_supplier: o.is_supplier ? 1 : 0,
    is_manufacturer: o.is_manufacturer ? 1 : 0,
  }),
}

const part: ReplicaModel<Schemas['Part']> = {
  model: 'part',
  label: 'parts',
  list: (c, query) => c.GET('/api/part/', { params: { query } }),
  incremental: false,
  columns: [
    // InvenTree allows two parts one IPN (its default setting); the station's IPN names one part, so the later
    // keeps none rather than failing the pull.
    {
      name: 'ipn',
      sql: 'CASE WHEN EXISTS (SELECT 1 FROM part WHERE ipn = @ipn AND id <> @id) THEN NULL ELSE @ipn END',
    },
    { name: 'name' },
    { name: 'description' },
    { name: 'category_id', sql: local('partcategory', 'category_id') },
    { name: 'default_location_id', sql: local('stocklocation', 'default_location_id') },
    { name: 'units' },
  ],
  row: (o) => ({
    ipn: o.IPN ? o.IPN : null,
    name: o.name,
    description: o.description ?? '',
    category_id: o.category ?? null,
    default_location_id: o.default_location ?? null,
    // InvenTree leaves units blank for parts counted in pieces.
    units: o.units ? o.units : 'pcs',
  }),
  barcodeHash: (o) => o.barcode_hash,
}

const manufacturerPart: ReplicaModel<Schemas['ManufacturerPart']> = {
  model: 'manufacturerpart',
  requires: { part_id: 'part', manufacturer_id: 'company' },
  label: 'manufacturer parts',
  list: (c, query) => c.GET('/api/company/part/manufacturer/', { params: { query } }),
  incremental: false,
  columns: [{ name: 'part_id' }, { name: 'manufacturer_id' }, { name: 'mpn' }],
  row: (o) => ({ part_id: o.part, manufacturer_id: o.manufacturer, mpn: o.MPN ?? '' }),
  barcodeHash: (o) => o.barcode_hash ?? '',
}

const supplierPart: ReplicaModel<Schemas['SupplierPart']> = {
  model: 'supplierpart',
  requires: { part_id: 'part', supplier_id: 'company' },
  label: 'supplier parts',
  list: (c, query) => c.GET('/api/company/part/', { params: { query } }),
  incremental: false,
  columns: [
    { name: 'part_id' },
    { name: 'supplier_id' },
    { name: 'manufacturer_part_id', sql: local('manufacturerpart', 'manufacturer_part_id') },
    { name: 'sku' },
    { name: 'pack_quantity' },
  ],
  row: (o) => ({
    part_id: o.part,
    supplier_id: o.supplier,
    manufacturer_part_id: o.manufacturer_part ?? null,
    sku: o.SKU,
    pack_quantity: o.pack_quantity_native > 0 ? o.pack_quantity_native : 1,
  }),
  barcodeHash: (o) => o.barcode_hash,
}

const purchaseOrder: ReplicaModel<Schemas['PurchaseOrder']> = {
  model: 'purchaseorder',
  requires: { supplier_id: 'company' },
  label: 'purchase orders',
  list: (c, query) => c.GET('/api/order/po/', { params: { query } }),
  incremental: true,
  // The desk receives open orders only; a changed order that closed since is still listed by an incremental pull
  // (it asks for every change) and is then updated where the replica holds it, so the desk can say why.
  fullFilter: { outstanding: true },
  columns: [
    { name: 'reference' },
    { name: 'supplier_id' },
    { name: 'supplier_reference' },
    { name: 'status' },
    { name: 'destination_id', sql: local('stocklocation', 'destination_id') },
  ],
  row: (o, isLocal) => {
    const status = purchaseOrderStatus(o.status)
    if (o.supplier === null) return null
    if (!isLocal && !(OPEN_ORDER_STATES as readonly string[]).includes(status)) return null
    return {
      reference: o.reference,
      supplier_id: o.supplier,
      supplier_reference: o.supplier_reference ?? '',
      status,
      destination_id: o.destination ?? null,
    }
  },
  barcodeHash: (o) => o.barcode_hash,
}

const purchaseOrderLine: ReplicaModel<Schemas['PurchaseOrderLineItem']> = {
  model: 'purchaseorderline',
  requires: { order_id: 'purchaseorder', supplier_part_id: 'supplierpart' },
  label: 'purchase order lines',
  list: (c, query) => c.GET('/api/order/po-line/', { params: { query } }),
  incremental: false,
  perOrder: true,
  columns: [
    { name: 'order_id' },
    { name: 'supplier_part_id' },
    { name: 'quantity' },
    { name: 'received' },
    { name: 'destination_id', sql: local('stocklocation', 'destination_id') },
  ],
  // A line without a supplier part or quantity cannot be received at the desk.
  row: (o) =>
    o.part === null || !(o.quantity > 0)
      ? null
      : {
          order_id: o.order,
          supplier_part_id: o.part,
          quantity: o.quantity,
          received: Math.max(0, o.received),
          destination_id: o.destination ?? null,
        },
}

const stockItem: ReplicaModel<Schemas['StockItem']> = {
  model: 'stockitem',
  requires: { part_id: 'part' },
  label: 'stock items',
  list: (c, query) => c.GET('/api/stock/', { params: { query } }),
  incremental: true,
  columns: [
    { name: 'part_id' },
    { name: 'location_id', sql: local('stocklocation', 'location_id') },
    { name: 'quantity' },
    { name: 'batch' },
    { name: 'serial' },
    { name: 'expiry' },
    { name: 'status' },
    { name: 'supplier_part_id', sql: local('supplierpart', 'supplier_part_id') },
    // Items received on orders closed long ago point at orders the replica does not hold.
    { name: 'purchase_order_id', sql: local('purchaseorder', 'purchase_order_id') },
  ],
  row: (o) => ({
    part_id: o.part,
    location_id: o.location ?? null,
    quantity: Math.max(0, o.quantity),
    batch: o.batch ?? '',
    serial: o.serial ? o.serial : null,
    expiry: o.expiry_date ?? null,
    status: STOCK_STATUS[o.status ?? 10] ?? 'ok',
    supplier_part_id: o.supplier_part ?? null,
    purchase_order_id: o.purchase_order ?? null,
  }),
  barcodeHash: (o) => o.barcode_hash,
}

/** In dependency order; a full pull removes what the server no longer lists in the reverse order. */
export const replicaModels: readonly ReplicaModel[] = [
  category,
  location,
  company,
  part,
  manufacturerPart,
  supplierPart,
  purchaseOrder,
  purchaseOrderLine,
  stockItem,
] as ReplicaModel[]

/** INSERT … ON CONFLICT(id) DO UPDATE for a model, with named parameters (`@id` and one per column). */
export function upsertSql(m: ReplicaModel): string {
  const names = m.columns.map((c) => c.name)
  const values = m.columns.map((c) => c.sql ?? `@${c.name}`)
  return (
    `INSERT INTO ${m.model} (id, ${names.join(', ')}) VALUES (@id, ${values.join(', ')}) ` +
    `ON CONFLICT(id) DO UPDATE SET ${names.map((n) => `${n} = excluded.${n}`).join(', ')}`
  )
}
