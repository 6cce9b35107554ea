/**
 * Whose label is it? Several suppliers print the same label format and stock the same parts, so a label is given
 * to the supplier its own evidence names, strongest first: the customer's order number naming one of that
 * supplier's purchase orders (by our reference, else by the supplier's), then its supplier part number (a SKU that
 * supplier has, else one shaped like that supplier's), then its header. A weaker sign that contradicts a stronger
 * one is ignored. What remains may still be several suppliers: the plugins then list every candidate part.
 */
import type { ScanText } from '../plugin'
import type { FormatDeps } from '../formats/format'
import type { SupplierFields } from './fields'

export interface SupplierSigns {
  /** The shape of this supplier's own part numbers. */
  sku?: RegExp
  /** A label header only this supplier prints. */
  header?: RegExp
}

export interface SupplierIdentity {
  /** The plugin's name, as InvenTree names its supplier plugins ("DigiKeyBarcode"). */
  plugin: string
  /** The supplier company's usual name, used when no company is set for the plugin. */
  supplier: string
  signs: SupplierSigns
}

export interface SupplierCandidate {
  identity: SupplierIdentity
  /** The company the plugin matches; null when the station has no such supplier. */
  supplierId: number | null
}

/** The company a supplier plugin matches: the one the admin chose for it, else the supplier of that name. */
export function supplierIdOf(identity: Pick<SupplierIdentity, 'plugin' | 'supplier'>, deps: FormatDeps): number | null {
  return deps.settings.get('suppliers.companies')[identity.plugin] || deps.catalog.supplierId(identity.supplier)
}

/** The suppliers a label's evidence leaves possible, among `rivals` (every supplier that reads its format). */
export function suppliersNamed(
  rivals: readonly SupplierIdentity[],
  fields: SupplierFields,
  text: string,
  deps: FormatDeps,
): SupplierCandidate[] {
  let left: SupplierCandidate[] = rivals.map((identity) => ({ identity, supplierId: supplierIdOf(identity, deps) }))
  const narrow = (named: (c: SupplierCandidate) => boolean): void => {
    const kept = left.filter(named)
    if (kept.length) left = kept
  }
  const ordering = deps.catalog.orderSuppliers(fields.customer_order_number, fields.supplier_order_number)
  narrow((c) => c.supplierId !== null && ordering.includes(c.supplierId))
  const sku = fields.supplier_part_number
  // Mouser prints the MPN in P when it has no part number of its own: that names no supplier.
  if (sku && sku.toUpperCase() !== fields.manufacturer_part_number?.toUpperCase()) {
    const owners = deps.catalog.skuSuppliers(sku)
    narrow((c) => c.supplierId !== null && owners.includes(c.supplierId))
    narrow((c) => c.identity.signs.sku?.test(sku) === true)
  }
  narrow((c) => c.identity.signs.header?.test(text) === true)
  return left
}

/**
 * `suppliersNamed` once per scan for all the plugins of one format: the key is the scan's own ScanText, which the
 * resolver hands to every plugin of that scan and to no other.
 */
export function suppliersNamedOncePerScan(
  rivals: readonly SupplierIdentity[],
  deps: FormatDeps,
): (input: ScanText, fields: SupplierFields) => SupplierCandidate[] {
  let last: { input: ScanText; named: SupplierCandidate[] } | null = null
  return (input, fields) => {
    if (last?.input !== input) last = { input, named: suppliersNamed(rivals, fields, input.text, deps) }
    return last.named
  }
}
