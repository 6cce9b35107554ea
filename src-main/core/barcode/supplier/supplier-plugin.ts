/**
 * One plugin per supplier, as InvenTree has them: it reads the label formats its supplier prints and matches
 * only that supplier's parts, so a Mouser label never resolves to a DigiKey part with a similar SKU. The supplier
 * is the company the admin chose for the plugin (the `suppliers.companies` setting), or else the supplier company
 * with the plugin's supplier name.
 *
 * Where several suppliers print the same format, the plugins are given their rivals: a plugin then answers only
 * for labels whose evidence leaves its supplier possible, so the chain's order never decides whose label it is.
 * When the evidence leaves several suppliers that all stock the label's part, the answer names every candidate
 * part, which the resolver reports as ambiguous.
 */
import type { FormatDeps, SupplierFormat } from '../formats/format'
import type { BarcodeMatch, BarcodePlugin, PluginAnswer } from '../plugin'
import type { SupplierFields } from './fields'
import { suppliersNamedOncePerScan, supplierIdOf, type SupplierIdentity } from './supplier-evidence'

export interface SupplierDefinition extends Omit<SupplierIdentity, 'signs'> {
  signs?: SupplierIdentity['signs']
  /** The formats this supplier prints, tried in order. */
  formats: SupplierFormat[]
}

/** Who decides which of the suppliers printing one shared format a label of that format belongs to. */
export interface SupplierRivals {
  format: SupplierFormat
  named: ReturnType<typeof suppliersNamedOncePerScan>
}

export function supplierPlugin(
  definition: SupplierDefinition,
  deps: FormatDeps,
  rivals?: SupplierRivals,
): BarcodePlugin {
  const { plugin, supplier, formats } = definition
  const { catalog, read } = deps
  const partsAt = (supplierId: number, f: SupplierFields): BarcodeMatch[] =>
    catalog
      .supplierParts(supplierId, f.supplier_part_number, f.manufacturer_part_number)
      .map((pk) => ({ model: 'supplierpart', pk }))
  return {
    name: plugin,
    supplier,
    description: `${supplier} labels (${formats.length > 1 ? 'several formats' : 'supplier label'})`,
    scan(input): PluginAnswer | null {
      let reading = null
      let readAs: SupplierFormat | null = null
      for (const format of formats) {
        readAs = format
        if ((reading = read(format, input))) break
      }
      if (!reading) return null
      const answer: PluginAnswer = {
        matches: [],
        format: reading.format,
        fields: { ...reading.fields },
        notes: reading.notes,
      }
      if (reading.problem) answer.problem = reading.problem
      const supplierId = supplierIdOf(definition, deps)
      if (supplierId === null) return answer
      const f = reading.fields
      if (rivals && readAs === rivals.format) {
        const named = rivals.named(input, f)
        if (!named.some((c) => c.identity.plugin === plugin)) return null
        const stocking = named
          .filter((c) => c.supplierId !== null)
          .map((c) => ({ candidate: c, parts: partsAt(c.supplierId!, f) }))
          .filter((s) => s.parts.length > 0)
        if (stocking.length > 1) {
          answer.matches = stocking.flatMap((s) => s.parts)
          answer.problem = `The label does not say which supplier sent it: ${stocking.map((s) => s.candidate.identity.supplier).join(' or ')}`
          return answer
        }
        // The one supplier left that stocks the part answers for it.
        if (stocking.length === 1 && stocking[0]!.candidate.identity.plugin !== plugin) return null
      }
      answer.matches = partsAt(supplierId, f)
      const order = catalog.purchaseOrder(supplierId, f.customer_order_number, f.supplier_order_number)
      if (order !== null) answer.related = [{ model: 'purchaseorder', pk: order }]
      return answer
    },
  }
}
