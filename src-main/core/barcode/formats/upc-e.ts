/**
 * UPC-E codes, resolved through the UPC-A they stand for (the rule, and why EAN-8 goes first without a symbology
 * id, is in ../upc-e.ts): a part whose GTIN, or an item whose linked barcode, is that UPC-A in any of its stored
 * forms. Listed after GS1, which reads the same 8 digits as an EAN-8.
 */
import { barcodeHash } from '../hash'
import type { InternalModel } from '../internal'
import type { BarcodeMatch, PluginAnswer } from '../plugin'
import { readUpcE, storedForms } from '../upc-e'
import type { BarcodeFormat } from './format'

interface UpcEFields {
  upc_e: string
  upc_a: string
  gtin: string
}

function fieldsOf(upcE: string, upcA: string): UpcEFields {
  return { upc_e: upcE, upc_a: upcA, gtin: `00${upcA}` }
}

export const upcEFormat: BarcodeFormat<UpcEFields> = {
  name: 'UPC-E',
  example: '04965802',
  read(text) {
    const upc = readUpcE(text)
    return upc ? { format: 'UPC-E', fields: fieldsOf(upc.upcE, upc.upcA), notes: [] } : null
  },
  report(text) {
    const upc = readUpcE(text)
    return upc ? { parser: 'UPC-E', fields: { ...fieldsOf(upc.upcE, upc.upcA) } } : null
  },
  plugins: ({ db }) => {
    const parts = db.prepare<[string, string, string], { id: number }>('SELECT id FROM part WHERE gtin IN (?, ?, ?)')
    const links = db.prepare<[string, string, string], { model_type: InternalModel; pk: number }>(
      'SELECT model_type, pk FROM barcodelink WHERE hash IN (?, ?, ?)',
    )
    return [
      {
        name: 'UpcEBarcode',
        description: 'UPC-E codes, matched through their UPC-A expansion',
        scan({ text, symbologyId }): PluginAnswer | null {
          const upc = readUpcE(text, symbologyId)
          if (!upc) return null
          const forms = storedForms(upc.upcA)
          const byGtin: BarcodeMatch[] = parts.all(...forms).map((p) => ({ model: 'part', pk: p.id }))
          const byLink: BarcodeMatch[] = links
            .all(...(forms.map(barcodeHash) as [string, string, string]))
            .map((l) => ({ model: l.model_type, pk: l.pk }))
          const answer: PluginAnswer = {
            matches: [...byGtin, ...byLink],
            format: 'UPC-E',
            fields: { ...fieldsOf(upc.upcE, upc.upcA) },
          }
          if (byGtin.length === 0 && byLink.length > 0) answer.via = 'linked'
          return answer
        },
      },
    ]
  },
}
