/**
 * The stand-in's inventory: compact records loaded from a JSON file, held in memory, and turned into the full
 * objects InvenTree's serializers return (with the read-only fields the schema requires, such as `pathstring`,
 * `barcode_hash` or `supplier_name`).
 */
import { readFileSync } from 'node:fs'
import type { components } from '../../core/inventree/api-types.generated'

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
export type Permission = 'view' | 'add' | 'change' | 'delete'

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

export interface StandinData {
  server?: { apiVersion?: number; version?: string; instance?: string }
  users: StandinUser[]
  /** Tokens known before start (e.g. to hand a person one at once); more are issued by /api/user/me/token/. */
  tokens?: { token: string; user: number; name?: string }[]
  categories?: { pk: number; name: string; parent?: number | null; description?: string }[]
  locations?: { pk: number; name: string; parent?: number | null; structural?: boolean; description?: string }[]
  parts?: {
    pk: number
    name: string
    IPN?: string
    description?: string
    category?: number | null
    default_location?: number | null
    units?: string
  }[]
  companies?: { pk: number; name: string; is_supplier?: boolean; is_manufacturer?: boolean; currency?: string }[]
  manufacturerParts?: { pk: number; part: number; manufacturer: number; MPN: string }[]
  supplierParts?: {
    pk: number
    part: number
    supplier: number
    SKU: string
    manufacturer_part?: number | null
    pack_quantity?: string
  }[]
  stock?: {
    pk: number
    part: number
    quantity: number
    location?: number | null
    batch?: string | null
    serial?: string | null
    expiry_date?: string | null
    status?: 10 | 50 | 55 | 60 | 65 | 70 | 75 | 85
    supplier_part?: number | null
    purchase_order?: number | null
    barcode_hash?: string
    /** When the item last changed (ISO time), for `updated_after`; absent: long ago. */
    updated?: string
  }[]
  purchaseOrders?: {
    pk: number
    reference: string
    supplier: number
    supplier_reference?: string
    /** InvenTree's PurchaseOrderStatus: 10 pending, 20 placed, 25 on hold, 30 complete, 40 cancelled, … */
    status: number
    destination?: number | null
    created_by: number
    /** When the order last changed (ISO time), for `updated_after`; absent: long ago. */
    updated?: string
  }[]
  poLines?: {
    pk: number
    order: number
    /** The supplier part, as InvenTree names it on a purchase order line. */
    part: number
    quantity: number
    received?: number
    destination?: number | null
    reference?: string
  }[]
}

export interface IssuedToken {
  token: string
  user: number
  name: string
  revoked: boolean
}

const PO_STATUS_TEXT: Record<number, string> = {
  10: 'Pending',
  20: 'Placed',
  25: 'On Hold',
  30: 'Complete',
  40: 'Cancelled',
  50: 'Lost',
  60: 'Returned',
}

export class StandinState {
  readonly tokens = new Map<string, IssuedToken>()

  constructor(readonly data: StandinData) {
    for (const t of data.tokens ?? [])
      this.tokens.set(t.token, { token: t.token, user: t.user, name: t.name ?? 'preset', revoked: false })
  }

  static fromFile(path: string): StandinState {
    return new StandinState(JSON.parse(readFileSync(path, 'utf8')) as StandinData)
  }

  user(pk: number): StandinUser | undefined {
    return this.data.users.find((u) => u.pk === pk)
  }

  /** All the server's tokens for a user are revoked, as an admin does in InvenTree's token list. */
  revokeTokensOf(username: string): void {
    const user = this.data.users.find((u) => u.username === username)
    for (const t of this.tokens.values()) if (t.user === user?.pk) t.revoked = true
  }

  private pathOf<T extends { pk: number; name: string; parent?: number | null }>(list: T[], pk: number): T[] {
    const chain: T[] = []
    for (let node = list.find((n) => n.pk === pk); node; node = list.find((n) => n.pk === node!.parent)) {
      chain.unshift(node)
      if (chain.length > list.length) break
    }
    return chain
  }

  categoryOut(pk: number): Schemas['Category'] {
    const list = this.data.categories ?? []
    const c = list.find((n) => n.pk === pk)!
    const path = this.pathOf(list, pk)
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
    const list = this.data.locations ?? []
    const l = list.find((n) => n.pk === pk)!
    const path = this.pathOf(list, pk)
    return {
      pk: l.pk,
      name: l.name,
      description: l.description ?? '',
      parent: l.parent ?? null,
      structural: l.structural ?? false,
      level: path.length - 1,
      pathstring: path.map((n) => n.name).join('/'),
      icon: '',
      items: (this.data.stock ?? []).filter((s) => s.location === pk).length,
      sublocations: list.filter((n) => n.parent === pk).length,
      barcode_hash: '',
    }
  }

  partOut(pk: number): Schemas['Part'] {
    const p = (this.data.parts ?? []).find((n) => n.pk === pk)!
    const category = (this.data.categories ?? []).find((c) => c.pk === p.category)
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
      barcode_hash: '',
    }
  }

  companyOut(pk: number): Schemas['Company'] {
    const c = (this.data.companies ?? []).find((n) => n.pk === pk)!
    return {
      pk: c.pk,
      name: c.name,
      description: '',
      currency: c.currency ?? 'USD',
      is_supplier: c.is_supplier ?? true,
      is_manufacturer: c.is_manufacturer ?? false,
      active: true,
      parts_supplied: (this.data.supplierParts ?? []).filter((s) => s.supplier === pk).length,
      parts_manufactured: (this.data.manufacturerParts ?? []).filter((m) => m.manufacturer === pk).length,
    }
  }

  manufacturerPartOut(pk: number): Schemas['ManufacturerPart'] {
    const m = (this.data.manufacturerParts ?? []).find((n) => n.pk === pk)!
    return { pk: m.pk, part: m.part, manufacturer: m.manufacturer, MPN: m.MPN, description: '' }
  }

  supplierPartOut(pk: number): Schemas['SupplierPart'] {
    const s = (this.data.supplierParts ?? []).find((n) => n.pk === pk)!
    const pack = s.pack_quantity ?? ''
    return {
      pk: s.pk,
      part: s.part,
      supplier: s.supplier,
      SKU: s.SKU,
      manufacturer_part: s.manufacturer_part ?? null,
      pack_quantity: pack,
      pack_quantity_native: pack === '' ? 1 : Number(pack),
      description: '',
      active: true,
      barcode_hash: '',
    }
  }

  stockOut(pk: number): Schemas['StockItem'] {
    const s = (this.data.stock ?? []).find((n) => n.pk === pk)!
    return {
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
    }
  }

  purchaseOrderOut(pk: number): Schemas['PurchaseOrder'] {
    const o = (this.data.purchaseOrders ?? []).find((n) => n.pk === pk)!
    const creator = this.user(o.created_by)
    return {
      pk: o.pk,
      reference: o.reference,
      description: '',
      supplier: o.supplier,
      supplier_name: (this.data.companies ?? []).find((c) => c.pk === o.supplier)?.name ?? '',
      supplier_reference: o.supplier_reference ?? '',
      status: o.status,
      status_text: PO_STATUS_TEXT[o.status] ?? null,
      destination: o.destination ?? null,
      barcode_hash: '',
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
    const l = (this.data.poLines ?? []).find((n) => n.pk === pk)!
    const supplierPart = (this.data.supplierParts ?? []).find((s) => s.pk === l.part)
    const part = (this.data.parts ?? []).find((p) => p.pk === supplierPart?.part)
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
