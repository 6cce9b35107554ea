/** LCSC bag labels: a QR code of bare `key:value` pairs in braces. */
import { parseLcsc } from '../supplier/lcsc'
import { LCSC } from '../supplier/known-suppliers'
import { supplierPlugin } from '../supplier/supplier-plugin'
import type { SupplierFormat } from './format'

export const lcscFormat: SupplierFormat = {
  name: 'LCSC QR',
  example: '{pbn:PICK2009291337,on:SO2009291337,pc:C1525,pm:CL05B104KO5NNNC,qty:100}',
  read(text) {
    const fields = parseLcsc(text)
    return fields ? { format: 'LCSC QR', fields, notes: [] } : null
  },
  report(text) {
    const fields = parseLcsc(text)
    return fields ? { parser: 'LCSC QR', fields: { ...fields } } : null
  },
  plugins: (deps) => [supplierPlugin({ ...LCSC, formats: [lcscFormat] }, deps)],
}
