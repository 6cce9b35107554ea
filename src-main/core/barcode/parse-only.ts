/**
 * Reads barcode data with every registered format, without a database: what `cli parse` prints, so an admin can
 * see what a label holds and which format understands it before linking or receiving anything.
 */
import { settingDefaults } from '../settings'
import type { ParserReport } from './formats/format'
import { barcodeFormats } from './formats/index'
import { barcodeHash } from './hash'
import { tolerant } from './normalise'

export interface ParseReport {
  barcode_data: string
  barcode_hash: string
  normalised: string[]
  parsers: ParserReport[]
}

export function parseOnly(data: string, prefix = settingDefaults['barcode.prefix']): ParseReport {
  const { text, notes } = tolerant(data)
  const context = { prefix }
  const parsers = barcodeFormats.map((f) => f.report(text, context)).filter((r): r is ParserReport => r !== null)
  return { barcode_data: data, barcode_hash: barcodeHash(data), normalised: notes, parsers }
}
