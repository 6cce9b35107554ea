/**
 * The model types the station stocks, named as InvenTree names them so barcodes interoperate, and the one name
 * each is shown by, in the app and in anything core writes for people to read.
 */
export const modelTypes = [
  'part',
  'partcategory',
  'stocklocation',
  'stockitem',
  'company',
  'supplierpart',
  'manufacturerpart',
  'purchaseorder',
] as const
export type ModelType = (typeof modelTypes)[number]

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

export function isModelType(value: string): value is ModelType {
  return Object.hasOwn(modelLabels, value)
}

export function modelLabel(model: ModelType): string {
  return modelLabels[model]
}

/** The route of an item in the app, e.g. `/stockitem/5`; core puts it in every item reference. */
export function itemPath(model: ModelType, pk: number): string {
  return `/${model}/${pk}`
}
