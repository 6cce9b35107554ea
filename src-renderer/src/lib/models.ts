import type { ItemRef, ModelType, ScanMatch, ScanResult } from '../../../src-main/contract'

// A Record keyed by ModelType makes the compiler reject a model added to the contract but forgotten here;
// the renderer cannot import the contract's runtime list.
const modelLabels: Record<ModelType, string> = {
  part: 'Part',
  partcategory: 'Part category',
  stocklocation: 'Stock location',
  stockitem: 'Stock item',
  company: 'Company',
  supplierpart: 'Supplier part',
  manufacturerpart: 'Manufacturer part',
  purchaseorder: 'Purchase order',
}

export const modelTypes = Object.keys(modelLabels) as ModelType[]

export function isModelType(value: string): value is ModelType {
  return Object.hasOwn(modelLabels, value)
}

export function modelLabel(model: ModelType): string {
  return modelLabels[model]
}

export function itemPath(model: ModelType, pk: number): string {
  return `/${model}/${pk}`
}

/** A result that was understood: an item, a command-sheet barcode or a badge (InvenTree's `success` replies). */
export function isMatch(result: ScanResult): result is ScanMatch {
  return result.outcome === 'matched' || result.outcome === 'command' || result.outcome === 'operator'
}

/** The item a scan matched. */
export function matchedItem(result: ScanResult): { model: ModelType; ref: ItemRef } | null {
  if (result.outcome !== 'matched') return null
  const ref = result[result.match.model]
  return ref ? { model: result.match.model, ref } : null
}

/** The short word a notice leads with for a scan that did not open an item; words, not colour, carry it. */
export function noMatchHeading(result: ScanResult): string {
  if (result.outcome === 'ambiguous') return 'Several items match'
  if (result.problem) return 'Cannot use this barcode'
  return 'Not found'
}
