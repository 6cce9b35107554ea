/**
 * GS1 labels: a GTIN resolves to the part that carries it; batch, expiry, serial and count come back as fields
 * for receiving. A string that claims to be GS1 but fails a check digit is reported, not silently dropped.
 */
import type { Db } from '../db/connection'
import { Gs1Error, parseGs1 } from './gs1'
import type { BarcodePlugin, PluginAnswer } from './plugin'

export function gs1Plugin(db: Db): BarcodePlugin {
  const partByGtin = db.prepare<[string], { id: number }>('SELECT id FROM part WHERE gtin = ?')
  return {
    name: 'GS1Barcode',
    description: 'GS1-128, GS1 DataMatrix / QR, Digital Link and plain EAN/UPC',
    scan({ text }): PluginAnswer | null {
      try {
        const parsed = parseGs1(text)
        if (!parsed) return null
        const { elements: _elements, form, ...fields } = parsed
        const answer: PluginAnswer = {
          matches: [],
          format: `GS1 (${form})`,
          fields: fields as Record<string, string | number>,
        }
        const part = parsed.gtin ? partByGtin.get(parsed.gtin) : undefined
        if (part) answer.matches = [{ model: 'part', pk: part.id }]
        return answer
      } catch (err) {
        if (err instanceof Gs1Error) return { matches: [], format: 'GS1', problem: err.message }
        throw err
      }
    },
  }
}
