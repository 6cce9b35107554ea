/**
 * One plugin per supplier, as InvenTree has them: each reads the label formats its supplier prints and matches
 * only that supplier's parts, so a Mouser label never resolves to a DigiKey part with a similar SKU.
 */
import type { BarcodePlugin, PluginAnswer } from '../plugin'
import type { SupplierCatalog } from './catalog'
import type { SupplierFields } from './fields'
import { looksLikeIso15434, parseIso15434, recoverIso15434 } from './iso15434'
import { parseLcsc } from './lcsc'
import { parseTme } from './tme'

interface LabelRead {
  format: string
  fields: SupplierFields
  notes: string[]
  problem?: string
}

type LabelReader = (text: string, catalog: SupplierCatalog) => LabelRead | null

const readIso15434: LabelReader = (text, catalog) => {
  const parsed = parseIso15434(text)
  if (parsed) return { format: 'ECIA ISO/IEC 15434', fields: parsed.fields, notes: [] }
  if (!looksLikeIso15434(text)) return null
  const recovered = recoverIso15434(text, (f) => catalog.recognises(f))
  if (!recovered) return null
  if ('ambiguous' in recovered) {
    return {
      format: 'ECIA ISO/IEC 15434',
      fields: {},
      notes: [],
      problem: `The label's separators are missing and it splits ${recovered.ambiguous} ways; scan it with a scanner that sends GS characters`,
    }
  }
  return {
    format: 'ECIA ISO/IEC 15434',
    fields: recovered.fields,
    notes: ['label separators (GS/RS) were missing: fields recovered from the label layout'],
  }
}

const readLcsc: LabelReader = (text) => {
  const fields = parseLcsc(text)
  return fields ? { format: 'LCSC QR', fields, notes: [] } : null
}

const readTme: LabelReader = (text) => {
  const fields = parseTme(text)
  return fields ? { format: text.trim().startsWith('P') ? 'TME 2D' : 'TME QR', fields, notes: [] } : null
}

/** One read per scan text, shared by the supplier plugins (DigiKey and Mouser read the same format). */
function memo(reader: LabelReader): LabelReader {
  let lastText: string | null = null
  let last: LabelRead | null = null
  return (text, catalog) => {
    if (text !== lastText) {
      last = reader(text, catalog)
      lastText = text
    }
    return last
  }
}

const iso = memo(readIso15434)

function supplierPlugin(
  name: string,
  supplier: string,
  readers: LabelReader[],
  catalog: SupplierCatalog,
): BarcodePlugin {
  return {
    name,
    description: `${supplier} labels (${readers.length > 1 ? 'several formats' : 'supplier label'})`,
    scan({ text }): PluginAnswer | null {
      let read: LabelRead | null = null
      for (const reader of readers) if ((read = reader(text, catalog))) break
      if (!read) return null
      const answer: PluginAnswer = { matches: [], format: read.format, fields: { ...read.fields }, notes: read.notes }
      if (read.problem) answer.problem = read.problem
      const supplierId = catalog.supplierId(supplier)
      if (supplierId === null) return answer
      const f = read.fields
      answer.matches = catalog
        .supplierParts(supplierId, f.supplier_part_number, f.manufacturer_part_number)
        .map((pk) => ({ model: 'supplierpart', pk }))
      const order = catalog.purchaseOrder(supplierId, f.customer_order_number, f.supplier_order_number)
      if (order !== null) answer.related = [{ model: 'purchaseorder', pk: order }]
      return answer
    },
  }
}

export function supplierPlugins(catalog: SupplierCatalog): BarcodePlugin[] {
  return [
    supplierPlugin('DigiKeyBarcode', 'DigiKey', [iso], catalog),
    supplierPlugin('MouserBarcode', 'Mouser', [iso], catalog),
    supplierPlugin('LCSCBarcode', 'LCSC', [memo(readLcsc)], catalog),
    supplierPlugin('TMEBarcode', 'TME', [memo(readTme), iso], catalog),
  ]
}
