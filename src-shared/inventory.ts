/**
 * The kinds of rows the station maintains itself, imports and exports: plain lists, shared by the contract's
 * schemas and the renderer's screens (which must not load the contract's zod).
 */
import type { ModelType } from './models'

export const editableModels = [
  'part',
  'partcategory',
  'stocklocation',
  'company',
  'supplierpart',
  'manufacturerpart',
  'purchaseorder',
] as const satisfies readonly ModelType[]
export type EditableModel = (typeof editableModels)[number]

export const importKinds = ['parts', 'supplierparts', 'locations', 'purchaseorders'] as const
export type ImportKind = (typeof importKinds)[number]
export const exportKinds = ['parts', 'stock', 'receipts', 'tracking'] as const
export type ExportKind = (typeof exportKinds)[number]
