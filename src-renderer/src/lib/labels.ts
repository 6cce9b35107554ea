import type { ModelType } from '../../../src-main/contract'

/** The item types the station prints labels for (src-main/core/labels/template.ts labelModels). */
const labelModelSet: Record<ModelType, boolean> = {
  part: true,
  stockitem: true,
  stocklocation: true,
  supplierpart: true,
  purchaseorder: true,
  partcategory: false,
  company: false,
  manufacturerpart: false,
}

export function hasLabels(model: ModelType): boolean {
  return labelModelSet[model]
}

export interface LabelItem {
  model: ModelType
  pk: number
}
