/**
 * One plugin per supplier, as InvenTree has them: it reads the label formats its supplier prints and matches
 * only that supplier's parts, so a Mouser label never resolves to a DigiKey part with a similar SKU. The supplier
 * is the company the admin chose for the plugin (the `suppliers.companies` setting), or else the supplier company
 * with the plugin's supplier name.
 */
import type { FormatDeps, SupplierFormat } from '../formats/format'
import type { BarcodePlugin, PluginAnswer } from '../plugin'

export interface SupplierDefinition {
  /** The plugin's name, as InvenTree names its supplier plugins ("DigiKeyBarcode"). */
  plugin: string
  /** The supplier company's usual name, used when no company is set for the plugin. */
  supplier: string
  /** The formats this supplier prints, tried in order. */
  formats: SupplierFormat[]
}

export function supplierPlugin(definition: SupplierDefinition, deps: FormatDeps): BarcodePlugin {
  const { plugin, supplier, formats } = definition
  const { catalog, settings, read } = deps
  return {
    name: plugin,
    supplier,
    description: `${supplier} labels (${formats.length > 1 ? 'several formats' : 'supplier label'})`,
    scan(input): PluginAnswer | null {
      let reading = null
      for (const format of formats) if ((reading = read(format, input))) break
      if (!reading) return null
      const answer: PluginAnswer = {
        matches: [],
        format: reading.format,
        fields: { ...reading.fields },
        notes: reading.notes,
      }
      if (reading.problem) answer.problem = reading.problem
      const supplierId = settings.get('suppliers.companies')[plugin] || catalog.supplierId(supplier)
      if (supplierId === null) return answer
      const f = reading.fields
      answer.matches = catalog
        .supplierParts(supplierId, f.supplier_part_number, f.manufacturer_part_number)
        .map((pk) => ({ model: 'supplierpart', pk }))
      const order = catalog.purchaseOrder(supplierId, f.customer_order_number, f.supplier_order_number)
      if (order !== null) answer.related = [{ model: 'purchaseorder', pk: order }]
      return answer
    },
  }
}
