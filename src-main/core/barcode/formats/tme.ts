/** TME labels, QR (`QTY:… PN:… PO:…`) and 2D (`P… 1P… Q…`); TME's plugin also reads its ISO/IEC 15434 labels. */
import { parseTme } from '../supplier/tme'
import { TME } from '../supplier/known-suppliers'
import { supplierPlugin } from '../supplier/supplier-plugin'
import type { SupplierFormat } from './format'
import { iso15434Format, iso15434Rivals } from './iso15434'

export const tmeFormat: SupplierFormat = {
  name: 'TME',
  example: 'QTY:1 PN:SMD1206-5K1-1% PO:19361950/1 CPO:PO-0004 MFR:ROYALOHM MPN:1206S4J0512T5E',
  read(text) {
    const fields = parseTme(text)
    return fields ? { format: text.trim().startsWith('P') ? 'TME 2D' : 'TME QR', fields, notes: [] } : null
  },
  report(text) {
    const fields = parseTme(text)
    return fields ? { parser: 'TME', fields: { ...fields } } : null
  },
  plugins: (deps) => [supplierPlugin({ ...TME, formats: [tmeFormat, iso15434Format] }, deps, iso15434Rivals(deps))],
}
