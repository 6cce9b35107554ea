/**
 * One interface for every way of making sense of barcode data (design §5, issue 3 adds more): a plugin
 * recognises the data and names the item it points at, or returns null so the next plugin may try.
 */
import type { InternalModel } from './internal'

export interface BarcodeMatch {
  model: InternalModel
  pk: number
}

export interface BarcodePlugin {
  readonly name: string
  scan(data: string): BarcodeMatch | null
}
