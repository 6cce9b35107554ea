/**
 * The lookups a supplier label needs, as prepared statements: supplier parts by SKU or by MPN for one supplier,
 * and the purchase order a label's order numbers name.
 */
import type { Db } from '../../db/connection'
import type { SupplierFields } from './fields'

export class SupplierCatalog {
  private readonly supplierByName
  private readonly bySku
  private readonly byMpn
  private readonly anySkuOrMpn
  private readonly orderByRef
  private readonly anySku
  private readonly anyOrder
  private readonly skuOwners
  private readonly orderersByRef
  private readonly orderersBySupplierRef

  constructor(db: Db) {
    this.supplierByName = db.prepare<[string], { id: number }>(
      'SELECT id FROM company WHERE name = ? COLLATE NOCASE AND is_supplier = 1',
    )
    this.bySku = db.prepare<[number, string], { id: number }>(
      'SELECT id FROM supplierpart WHERE supplier_id = ? AND sku = ? COLLATE NOCASE',
    )
    this.byMpn = db.prepare<[number, string], { id: number }>(
      `SELECT sp.id FROM supplierpart sp JOIN manufacturerpart mp ON mp.id = sp.manufacturer_part_id
       WHERE sp.supplier_id = ? AND mp.mpn = ? COLLATE NOCASE`,
    )
    this.anySkuOrMpn = db.prepare<[string, string], { n: number }>(
      `SELECT (SELECT count(*) FROM supplierpart WHERE sku = ? COLLATE NOCASE)
            + (SELECT count(*) FROM manufacturerpart WHERE mpn = ? COLLATE NOCASE) AS n`,
    )
    this.anySku = db.prepare<[string], { id: number }>(
      'SELECT id FROM supplierpart WHERE sku = ? COLLATE NOCASE LIMIT 1',
    )
    this.anyOrder = db.prepare<[string, string], { id: number }>(
      'SELECT id FROM purchaseorder WHERE reference = ? COLLATE NOCASE OR supplier_reference = ? COLLATE NOCASE LIMIT 1',
    )
    this.skuOwners = db.prepare<[string], { id: number }>(
      'SELECT DISTINCT supplier_id AS id FROM supplierpart WHERE sku = ? COLLATE NOCASE',
    )
    this.orderersByRef = db.prepare<[string], { id: number }>(
      'SELECT DISTINCT supplier_id AS id FROM purchaseorder WHERE reference = ? COLLATE NOCASE',
    )
    this.orderersBySupplierRef = db.prepare<[string, string], { id: number }>(
      'SELECT DISTINCT supplier_id AS id FROM purchaseorder WHERE supplier_reference = ? COLLATE NOCASE OR supplier_reference = ? COLLATE NOCASE',
    )
    this.orderByRef = db.prepare<[{ supplier: number; ours: string; theirs: string }], { id: number }>(
      // The order's own reference (the label's K) names it exactly; the supplier's (1K) may be shared by orders.
      `SELECT id FROM purchaseorder WHERE supplier_id = @supplier AND (reference = @ours COLLATE NOCASE OR supplier_reference = @theirs COLLATE NOCASE)
       ORDER BY reference = @ours COLLATE NOCASE DESC, status = 'placed' DESC, id DESC LIMIT 1`,
    )
  }

  private readonly supplierIds = new Map<string, number>()

  /** Suppliers are looked up on every supplier label; a found id is kept (companies are not renumbered). */
  supplierId(name: string): number | null {
    const known = this.supplierIds.get(name)
    if (known !== undefined) return known
    const id = this.supplierByName.get(name)?.id ?? null
    if (id !== null) this.supplierIds.set(name, id)
    return id
  }

  /**
   * Supplier parts the label names: by SKU first, by MPN only when the SKU names nothing. A label without an MPN
   * field may carry the MPN where the SKU goes (Mouser prints the MPN in P when it has no part number of its own).
   */
  supplierParts(supplierId: number, sku: string | undefined, mpn: string | undefined): number[] {
    const bySku = sku ? this.bySku.all(supplierId, sku).map((r) => r.id) : []
    if (bySku.length) return bySku
    const partNumber = mpn ?? sku
    return partNumber ? this.byMpn.all(supplierId, partNumber).map((r) => r.id) : []
  }

  /** How many of a reading's values the database recognises (used to choose between splits of a damaged label). */
  recognises(f: SupplierFields): number {
    const parts =
      this.anySkuOrMpn.get(f.supplier_part_number ?? '\u0000', f.manufacturer_part_number ?? '\u0000')!.n > 0 ? 1 : 0
    const sku = f.supplier_part_number && this.anySku.get(f.supplier_part_number) ? 1 : 0
    const order = this.anyOrder.get(f.customer_order_number ?? '\u0000', f.supplier_order_number ?? '\u0000') ? 1 : 0
    return parts + sku + order
  }

  purchaseOrder(
    supplierId: number,
    customerOrder: string | undefined,
    supplierOrder: string | undefined,
  ): number | null {
    if (!customerOrder && !supplierOrder) return null
    return (
      this.orderByRef.get({ supplier: supplierId, ours: customerOrder ?? '\u0000', theirs: supplierOrder ?? '\u0000' })
        ?.id ?? null
    )
  }

  /** The suppliers that have a part with this SKU. */
  skuSuppliers(sku: string): number[] {
    return this.skuOwners.all(sku).map((r) => r.id)
  }

  /**
   * The suppliers of the purchase orders a label's order numbers name: the customer's order number is our own
   * reference; only when it names none, either number may be the supplier's reference for the order.
   */
  orderSuppliers(customerOrder: string | undefined, supplierOrder: string | undefined): number[] {
    const ours = customerOrder ? this.orderersByRef.all(customerOrder).map((r) => r.id) : []
    if (ours.length || (!customerOrder && !supplierOrder)) return ours
    return this.orderersBySupplierRef.all(supplierOrder ?? '\u0000', customerOrder ?? '\u0000').map((r) => r.id)
  }
}
