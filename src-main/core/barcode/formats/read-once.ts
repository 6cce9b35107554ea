/**
 * One reading per format per scan. A reading may depend on the database (separator recovery asks the catalogue
 * which split it recognises), so it is kept only for the scan that made it: the key is the scan's own ScanText
 * object, which the resolver hands to every plugin of one scan and which no other scan shares. Text alone is not
 * a key: the same label scanned at another station, or after the catalogue changed, may read differently.
 */
import type { ScanText } from '../plugin'
import type { BarcodeFormat, ReadContext, Reading } from './format'

interface Slot {
  input: ScanText | null
  reading: Reading<unknown> | null
}

export function readOncePerScan(
  context: ReadContext,
): <F>(format: BarcodeFormat<F>, input: ScanText) => Reading<F> | null {
  const slots = new Map<BarcodeFormat<unknown>, Slot>()
  return <F>(format: BarcodeFormat<F>, input: ScanText): Reading<F> | null => {
    let slot = slots.get(format as BarcodeFormat<unknown>)
    if (!slot) slots.set(format as BarcodeFormat<unknown>, (slot = { input: null, reading: null }))
    if (slot.input !== input) {
      slot.reading = format.read(input.text, context)
      slot.input = input
    }
    return slot.reading as Reading<F> | null
  }
}
