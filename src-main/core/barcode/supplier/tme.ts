/**
 * TME labels, in two forms:
 *   QR:  `QTY:1 PN:SMD1206-5K1-1% PO:19361950/1 CPO:PO-0004 MFR:ROYALOHM MPN:1206S4J0512T5E`
 *        (PN is TME's symbol, PO TME's order number with the line after '/', CPO the customer's order)
 *   2D:  space-separated data identifiers `P<symbol> 1P<MPN> Q<qty> K<customer order> …`
 */
import type { SupplierFields } from './fields'

const QR_KEYS: Record<string, keyof SupplierFields> = {
  PN: 'supplier_part_number',
  MPN: 'manufacturer_part_number',
  CPO: 'customer_order_number',
  MFR: 'manufacturer',
}

export function parseTme(data: string): SupplierFields | null {
  const text = data.trim()
  return /^(?:QTY|PN|PO|CPO|MFR|MPN):/.test(text)
    ? parseQr(text)
    : /^P\S+ 1P\S+/.test(text)
      ? parseDataMatrix(text)
      : null
}

function parseQr(text: string): SupplierFields | null {
  const fields: SupplierFields = {}
  for (const token of text.split(/\s+/)) {
    const colon = token.indexOf(':')
    if (colon <= 0) continue
    const key = token.slice(0, colon)
    const value = token.slice(colon + 1)
    if (!value) continue
    if (key === 'QTY') {
      const q = Number(value)
      if (Number.isFinite(q)) fields.quantity = q
    } else if (key === 'PO') {
      const [order, line] = value.split('/')
      fields.supplier_order_number = order
      if (line) fields.purchase_order_line = line
    } else if (QR_KEYS[key]) {
      fields[QR_KEYS[key]] = value as never
    }
  }
  return fields.supplier_part_number || fields.manufacturer_part_number ? fields : null
}

const DM_IDS: [string, keyof SupplierFields][] = [
  ['1P', 'manufacturer_part_number'],
  ['1K', 'supplier_order_number'],
  ['1T', 'lot_code'],
  ['4L', 'country_of_origin'],
  ['P', 'supplier_part_number'],
  ['K', 'customer_order_number'],
]

function parseDataMatrix(text: string): SupplierFields | null {
  const fields: SupplierFields = {}
  for (const token of text.split(/\s+/)) {
    if (token.startsWith('Q') && /^Q\d+$/.test(token)) {
      fields.quantity = Number(token.slice(1))
      continue
    }
    const hit = DM_IDS.find(([id]) => token.startsWith(id) && token.length > id.length)
    if (hit && fields[hit[1]] === undefined) (fields as Record<string, string>)[hit[1]] = token.slice(hit[0].length)
  }
  return fields.supplier_part_number || fields.manufacturer_part_number ? fields : null
}
