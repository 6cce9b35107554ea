/**
 * The station's own inventory, edited at the desk (an admin or an editor): parts, categories, the location tree,
 * companies, supplier and manufacturer parts, purchase orders and their lines; imported from CSV or XLSX and
 * exported for the filtered view. The same schemas check an imported row as they check a form's fields.
 */
import { z } from 'zod'
import type { ItemRef, ModelType } from '../domain'
import { PkSchema, returns, type MethodSpec } from './define'

const name = z.string().trim().min(1, 'a name is required').max(200)
const text = z.string().trim().max(2000)
/** A code such as an IPN, a SKU or an order reference: no line breaks, at most 100 characters. */
const code = z
  .string()
  .trim()
  .max(100)
  .regex(/^[^\r\n\t]*$/, 'no line breaks or tabs')
const optionalPk = PkSchema.nullable().optional()

export const PartFieldsSchema = z.strictObject({
  ipn: code.optional(),
  name,
  description: text.optional(),
  category: optionalPk,
  units: z.string().trim().min(1).max(20).optional(),
  defaultLocation: optionalPk,
})
export const CategoryFieldsSchema = z.strictObject({ name, description: text.optional(), parent: optionalPk })
export const LocationFieldsSchema = z.strictObject({
  name,
  description: text.optional(),
  parent: optionalPk,
  structural: z.boolean().optional(),
})
export const CompanyFieldsSchema = z.strictObject({
  name,
  website: z.string().trim().max(300).optional(),
  isSupplier: z.boolean().optional(),
  isManufacturer: z.boolean().optional(),
})
export const SupplierPartFieldsSchema = z.strictObject({
  part: PkSchema,
  supplier: PkSchema,
  sku: code.min(1, 'a SKU is required'),
  manufacturerPart: optionalPk,
  packQuantity: z.number().positive().max(1_000_000).optional(),
})
export const ManufacturerPartFieldsSchema = z.strictObject({
  part: PkSchema,
  manufacturer: PkSchema,
  mpn: code.min(1, 'an MPN is required'),
})
export const OrderFieldsSchema = z.strictObject({
  reference: code.min(1, 'a reference is required'),
  supplier: PkSchema,
  supplierReference: code.optional(),
  destination: optionalPk,
})
export const OrderLineFieldsSchema = z.strictObject({
  order: PkSchema,
  supplierPart: PkSchema,
  quantity: z.number().positive().max(1e9),
  destination: optionalPk,
})

import { editableModels, exportKinds, importKinds, type ImportKind } from '../../../src-shared/inventory'

export {
  editableModels,
  exportKinds,
  importKinds,
  type EditableModel,
  type ExportKind,
  type ImportKind,
} from '../../../src-shared/inventory'

/** The filtered view an export writes: a text filter, a location branch, a part, archived rows or not. */
export const ExportFilterSchema = z.strictObject({
  query: z.string().trim().max(200).optional(),
  location: PkSchema.optional(),
  part: PkSchema.optional(),
  includeArchived: z.boolean().optional(),
  since: z.iso.datetime({ offset: true }).optional(),
})
export type ExportFilter = z.infer<typeof ExportFilterSchema>

/** A column mapping: the station's field → the file's column header (absent: not imported). */
export const ColumnMappingSchema = z.record(z.string().max(60), z.string().max(200))
export type ColumnMapping = z.infer<typeof ColumnMappingSchema>

export interface InventoryRow {
  pk: number
  name: string
  /** What else identifies it in a list: the IPN, the supplier and SKU, the order status… */
  detail: string
  archived: boolean
  /** The row's fields as the edit form takes them. */
  fields: Record<string, string | number | boolean | null>
}

export interface EditLogEntry {
  id: number
  timestamp: string
  operator: string | null
  model: ModelType
  pk: number | null
  action: string
  changes: Record<string, unknown>
}

export interface ImportFieldInfo {
  field: string
  label: string
  required: boolean
}

export interface ImportPreview {
  job: string
  kind: ImportKind
  headers: string[]
  /** The first rows as read, before any mapping. */
  preview: string[][]
  fields: ImportFieldInfo[]
  /** The mapping guessed from the headers; the person may change it before validating. */
  mapping: ColumnMapping
  /** 'inventree' when the headers are InvenTree's own export columns (imported without mapping). */
  recognised: 'inventree' | 'station' | null
}

export interface ImportRowError {
  /** The row's number in the file as a spreadsheet shows it: the header is row 1. */
  row: number
  field?: string
  message: string
}

export interface ImportProgress {
  job: string
  rows: number
  /** Share of the file read, 0…1. */
  fraction: number
  done: boolean
}

export interface ImportReport {
  job: string
  rows: number
  creates: number
  updates: number
  errors: ImportRowError[]
  /** More errors than `errors` lists were found. */
  moreErrors: number
  /** True when the file can be imported as it is (no errors). */
  ready: boolean
}

const editMethod = <S extends z.ZodType>(fields: S) => ({
  input: z.strictObject({ pk: PkSchema.optional(), fields }),
  output: returns<ItemRef>(),
})

export const inventoryMethods = {
  /** One page of a model's rows for the edit screens, archived ones only when asked. */
  inventoryList: {
    input: z.strictObject({
      model: z.enum(editableModels),
      query: z.string().trim().max(200).optional(),
      includeArchived: z.boolean().optional(),
      parent: PkSchema.optional(),
      limit: z.number().int().min(1).max(500).default(100),
      offset: z.number().int().min(0).default(0),
    }),
    output: returns<{ rows: InventoryRow[]; total: number }>(),
  },
  /** Create (no pk) or change (pk) one row; a location's or category's new parent moves its whole branch. */
  savePart: editMethod(PartFieldsSchema),
  saveCategory: editMethod(CategoryFieldsSchema),
  saveLocation: editMethod(LocationFieldsSchema),
  saveCompany: editMethod(CompanyFieldsSchema),
  saveSupplierPart: editMethod(SupplierPartFieldsSchema),
  saveManufacturerPart: editMethod(ManufacturerPartFieldsSchema),
  savePurchaseOrder: editMethod(OrderFieldsSchema),
  /** A line of a pending order: added (no pk), changed, or removed (`remove`). */
  saveOrderLine: {
    input: z.strictObject({ pk: PkSchema.optional(), fields: OrderLineFieldsSchema, remove: z.boolean().optional() }),
    output: returns<{ line: number | null; order: ItemRef }>(),
  },
  /** Place a pending order, cancel one not complete, or complete a placed one. */
  orderStatus: {
    input: z.strictObject({ pk: PkSchema, action: z.enum(['place', 'cancel', 'complete']) }),
    output: returns<{ order: ItemRef; status: string }>(),
  },
  /** Archive (or bring back) a row: it leaves the lists, and everything pointing at it keeps pointing. */
  archiveItem: {
    input: z.strictObject({ model: z.enum(editableModels), pk: PkSchema, archived: z.boolean() }),
    output: returns<{ archived: boolean }>(),
  },
  /** Delete a row nothing points to; one that stock, orders or history still use is refused: archive it. */
  deleteItem: {
    input: z.strictObject({ model: z.enum(editableModels), pk: PkSchema }),
    output: returns<{ deleted: true }>(),
  },
  editLog: {
    input: z.strictObject({
      model: z.enum(editableModels).optional(),
      pk: PkSchema.optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: returns<EditLogEntry[]>(),
  },
  /** Read a CSV or XLSX file's header and first rows, and guess the column mapping. Nothing is written. */
  importPrepare: {
    input: z.strictObject({
      kind: z.enum(importKinds),
      fileName: z.string().trim().min(1).max(260),
      /** The file, base64. */
      content: z.string().max(200_000_000),
    }),
    output: returns<ImportPreview>(),
  },
  /** Check every row with this mapping, off the main thread (importProgress events); nothing is written. */
  importValidate: {
    input: z.strictObject({ job: z.string().max(64), mapping: ColumnMappingSchema.optional() }),
    output: returns<ImportReport>(),
  },
  /** Write a validated import in one transaction: new rows created, known ones (IPN, SKU, reference) updated. */
  importCommit: {
    input: z.strictObject({ job: z.string().max(64) }),
    output: returns<{ created: number; updated: number }>(),
  },
  /** Stop a validation under way and forget the file. */
  importCancel: { input: z.strictObject({ job: z.string().max(64) }), output: returns<{ cancelled: boolean }>() },
  /** The filtered view as a CSV or XLSX file (base64). */
  exportData: {
    input: z.strictObject({
      kind: z.enum(exportKinds),
      format: z.enum(['csv', 'xlsx']),
      filter: ExportFilterSchema.default({}),
    }),
    output: returns<{ fileName: string; content: string; rows: number }>(),
  },
} satisfies Record<string, MethodSpec>
