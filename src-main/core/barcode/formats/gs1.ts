/**
 * GS1 labels (GS1-128, DataMatrix / QR element strings, Digital Link, plain EAN/UPC): a GTIN resolves to the
 * part that carries it; batch, expiry, serial and count come back as fields for receiving. Text that claims to be
 * GS1 but fails a check digit is reported, not silently dropped.
 */
import { Gs1Error, parseGs1, type Gs1Parse } from '../gs1'
import type { PluginAnswer } from '../plugin'
import { saidToBeUpcE } from '../upc-e'
import type { BarcodeFormat } from './format'

type Gs1Fields = Omit<Gs1Parse, 'elements' | 'form'>

export const gs1Format: BarcodeFormat<Gs1Fields> = {
  name: 'GS1',
  example: '(01)09506000134352(17)291231(10)LOT-1',
  read(text) {
    try {
      const parsed = parseGs1(text)
      if (!parsed) return null
      const { elements: _elements, form, ...fields } = parsed
      return { format: `GS1 (${form})`, fields, notes: [] }
    } catch (err) {
      if (err instanceof Gs1Error) return { format: 'GS1', fields: {}, notes: [], problem: err.message }
      throw err
    }
  },
  report(text) {
    try {
      const parsed = parseGs1(text)
      if (!parsed) return null
      const { elements, ...fields } = parsed
      return { parser: 'GS1', fields: { ...fields, elements: Object.fromEntries(elements) } }
    } catch (err) {
      if (!(err instanceof Gs1Error)) throw err
      return { parser: 'GS1', problem: err.message }
    }
  },
  plugins: ({ db }) => {
    const partByGtin = db.prepare<[string], { id: number }>('SELECT id FROM part WHERE gtin = ?')
    return [
      {
        name: 'GS1Barcode',
        description: 'GS1-128, GS1 DataMatrix / QR, Digital Link and plain EAN/UPC',
        // Parsed directly rather than through `read`, as before the registry: no reading object per scan.
        scan({ text, symbologyId }): PluginAnswer | null {
          // Eight digits the scanner says are a UPC-E are not an EAN-8: the UPC-E format reads them.
          if (saidToBeUpcE(text, symbologyId)) return null
          try {
            const parsed = parseGs1(text)
            if (!parsed) return null
            const { elements: _elements, form, ...fields } = parsed
            const answer: PluginAnswer = { matches: [], format: `GS1 (${form})`, fields }
            const part = parsed.gtin ? partByGtin.get(parsed.gtin) : undefined
            if (part) answer.matches = [{ model: 'part', pk: part.id }]
            return answer
          } catch (err) {
            if (err instanceof Gs1Error) return { matches: [], format: 'GS1', problem: err.message }
            throw err
          }
        },
      },
    ]
  },
}
