/**
 * One interface for every way of making sense of barcode data: a plugin recognises the data and
 * names the item(s) it points at, with any fields it read, or returns null so the next plugin may try.
 */
import type { InternalModel } from './internal'

export interface BarcodeMatch {
  model: InternalModel
  pk: number
}

export interface ScanText {
  /** Exactly what arrived. */
  raw: string
  /** After tolerant normalisation (smart quotes, stray whitespace and control characters repaired). */
  text: string
  /** InvenTree hash of `raw`, computed once per scan. */
  hash: string
  /** AIM symbology identifier, when the source reported one beside the data (a HID POS scanner does). */
  symbologyId?: string
}

export interface PluginAnswer {
  /** Items the data names: none (recognised, nothing known), one (a match) or several (ambiguous). */
  matches: BarcodeMatch[]
  /** What the data was read as, e.g. "ECIA ISO/IEC 15434", "LCSC QR", "GS1". */
  format?: string
  /** Fields read off the label (InvenTree's supplier field names, GS1 element names). */
  fields?: Record<string, string | number>
  /** Other items the label names, such as the purchase order of a supplier label. */
  related?: BarcodeMatch[]
  /** Repairs this plugin made (a label whose separators a wedge scanner lost). */
  notes?: string[]
  /** Why recognised data could not be used (a GTIN failing its check digit). */
  problem?: string
  /** Set by the station's own barcodes (internal, linked); a label read by its content leaves it out. */
  via?: 'internal' | 'linked'
}

export interface BarcodePlugin {
  readonly name: string
  readonly description: string
  /** The supplier whose parts a supplier plugin matches. */
  readonly supplier?: string
  scan(input: ScanText): PluginAnswer | null
  /** The barcode text this plugin would print for an item, when it generates barcodes. */
  generate?(model: InternalModel, pk: number): string | null
}
