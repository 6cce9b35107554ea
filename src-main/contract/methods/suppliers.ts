/** Suppliers, and supplier parts made from a supplier label. */
import { z } from 'zod'
import type { ItemRef } from '../domain'
import { PkSchema, returns, type MethodSpec } from './define'

export const supplierMethods = {
  /** Companies that supply parts (for choosing the supplier of a new supplier part). */
  suppliers: { input: z.strictObject({}), output: returns<ItemRef[]>() },
  /** A supplier part made from a supplier label's fields, for an existing part or a new one. */
  createSupplierPart: {
    input: z
      .strictObject({
        supplier: PkSchema,
        sku: z.string().trim().min(1).max(100),
        part: PkSchema.optional(),
        newPartName: z.string().trim().min(1).max(200).optional(),
        mpn: z.string().trim().max(100).optional(),
        manufacturer: z.string().trim().max(200).optional(),
        packQuantity: z.number().positive().max(1_000_000).optional(),
      })
      .refine(
        (v) => (v.part === undefined) !== (v.newPartName === undefined),
        'give an existing part or a new part name',
      ),
    output: returns<{ supplierpart: ItemRef; part: ItemRef; manufacturerpart: ItemRef | null }>(),
  },
} satisfies Record<string, MethodSpec>
