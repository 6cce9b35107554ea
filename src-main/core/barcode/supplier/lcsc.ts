/**
 * LCSC bag labels: a QR code holding `{pbn:PICK…,on:SO…,pc:C…,pm:…,qty:…,mc:…,cc:…,pdi:…}` (not JSON: keys and
 * values are bare). pc is LCSC's part number, pm the MPN, on LCSC's order number, pbn the picking batch.
 */
import type { SupplierFields } from './fields'

export function parseLcsc(data: string): SupplierFields | null {
  const text = data.trim()
  if (!/^\{[a-z]+:/.test(text) || !text.endsWith('}')) return null
  const pairs = new Map<string, string>()
  let lastKey: string | null = null
  for (const part of text.slice(1, -1).split(',')) {
    const colon = part.indexOf(':')
    if (colon > 0 && /^[a-z]+$/.test(part.slice(0, colon).trim())) {
      lastKey = part.slice(0, colon).trim()
      pairs.set(lastKey, part.slice(colon + 1).trim())
    } else if (lastKey) {
      // LCSC does not escape commas: an MPN such as "BAT54S,215" spills into the next comma-separated piece.
      pairs.set(lastKey, `${pairs.get(lastKey)},${part}`)
    } else return null
  }
  if (!pairs.has('pc') && !pairs.has('pm')) return null
  const fields: SupplierFields = {}
  const set = (key: keyof SupplierFields, value: string | undefined): void => {
    if (value) (fields as Record<string, string>)[key] = value
  }
  set('supplier_part_number', pairs.get('pc'))
  set('manufacturer_part_number', pairs.get('pm'))
  set('supplier_order_number', pairs.get('on'))
  set('picking_batch', pairs.get('pbn'))
  const qty = Number(pairs.get('qty'))
  if (pairs.has('qty') && Number.isFinite(qty)) fields.quantity = qty
  return fields
}
