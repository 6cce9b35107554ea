/**
 * An imported row's checks: the contract's own field schemas (the same a form's fields pass), with the references
 * a file names by text (a category path, a supplier's name, a part's IPN) in place of pks, which the importer
 * resolves against the database afterwards. Cells arrive as text; numbers and yes/no are read from it.
 */
import { z } from 'zod'
import {
  CategoryFieldsSchema,
  LocationFieldsSchema,
  OrderFieldsSchema,
  OrderLineFieldsSchema,
  PartFieldsSchema,
  SupplierPartFieldsSchema,
  ManufacturerPartFieldsSchema,
  type ImportKind,
} from '../../contract'

/** Empty cells are absent fields. */
const blank = (v: unknown): unknown => (typeof v === 'string' && v.trim() === '' ? undefined : v)
const path = z.preprocess(blank, z.string().trim().max(1000).optional())
const yesNo = z.preprocess(
  (v) => {
    const t = typeof v === 'string' ? v.trim().toLowerCase() : v
    if (t === '' || t === undefined) return undefined
    if (['true', 'yes', 'y', '1'].includes(String(t))) return true
    if (['false', 'no', 'n', '0'].includes(String(t))) return false
    return t
  },
  z.boolean({ error: 'expected yes/no (True/False)' }).optional(),
)
const number = (schema: z.ZodNumber) =>
  z.preprocess((v) => {
    const b = blank(v)
    return typeof b === 'string' ? Number(b.replace(',', '.')) : b
  }, schema)
const optional = <S extends z.ZodType>(s: S) => z.preprocess(blank, s.optional())

export const importRowSchemas = {
  parts: z.object({
    ipn: optional(PartFieldsSchema.shape.ipn.unwrap()),
    name: PartFieldsSchema.shape.name,
    description: optional(PartFieldsSchema.shape.description.unwrap()),
    category: path,
    units: optional(PartFieldsSchema.shape.units.unwrap()),
    defaultLocation: path,
    active: yesNo,
  }),
  supplierparts: z.object({
    part: SupplierPartFieldsSchema.shape.sku.describe('part IPN'),
    supplier: CategoryFieldsSchema.shape.name,
    sku: SupplierPartFieldsSchema.shape.sku,
    mpn: optional(ManufacturerPartFieldsSchema.shape.mpn),
    manufacturer: optional(CategoryFieldsSchema.shape.name),
    packQuantity: optional(number(z.number().positive().max(1_000_000))),
  }),
  locations: z.object({
    path: z.string().trim().min(1, 'a path is required').max(1000),
    description: optional(LocationFieldsSchema.shape.description.unwrap()),
    structural: yesNo,
  }),
  purchaseorders: z.object({
    reference: OrderFieldsSchema.shape.reference,
    supplier: CategoryFieldsSchema.shape.name,
    supplierReference: optional(OrderFieldsSchema.shape.supplierReference.unwrap()),
    sku: SupplierPartFieldsSchema.shape.sku,
    quantity: number(OrderLineFieldsSchema.shape.quantity),
    destination: path,
  }),
} satisfies Record<ImportKind, z.ZodType>

export type ImportRow<K extends ImportKind> = z.output<(typeof importRowSchemas)[K]>
export type AnyImportRow = ImportRow<ImportKind>

/** Splits an InvenTree-style path ("Warehouse/Shelf A/Bin 3") into its names. */
export const splitPath = (text: string): string[] =>
  text
    .split('/')
    .map((s) => s.trim())
    .filter(Boolean)
