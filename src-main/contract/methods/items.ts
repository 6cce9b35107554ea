/** Reading the inventory: one item, a search, the location tree. */
import { z } from 'zod'
import type { ItemDetail, LocationNode, SearchHit } from '../domain'
import { ModelTypeSchema, PkSchema, returns, type MethodSpec } from './define'

export const itemMethods = {
  /** One item with its fields, internal barcode and related items. */
  getItem: { input: z.strictObject({ model: ModelTypeSchema, pk: PkSchema }), output: returns<ItemDetail>() },
  /** Parts, supplier parts, manufacturer parts, locations and orders matching a name, IPN, SKU, MPN or reference. */
  search: {
    input: z.strictObject({
      query: z.string().min(1).max(200),
      limit: z.number().int().min(1).max(200).optional(),
    }),
    output: returns<SearchHit[]>(),
  },
  /** The whole stock location tree. */
  locationTree: { input: z.strictObject({}), output: returns<LocationNode[]>() },
} satisfies Record<string, MethodSpec>
