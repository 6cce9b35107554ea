/**
 * The desk actions an outbox row can hold, in the desk's own terms (local pks, quantities as the desk counted
 * them). Rows are JSON in the database, so they are parsed with these schemas when read: a row that no longer
 * parses is parked with the reason instead of being sent half-understood.
 */
import { z } from 'zod'
import { modelTypes, type ModelType } from '../../contract'

const pk = z.number().int()
const quantity = z.number().finite()

export const outboxActionSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('receive'),
    order: pk,
    line: pk,
    /** In the line's purchase units (packs), as InvenTree's receive takes it. */
    quantity: quantity.positive(),
    location: pk,
    batch: z.string(),
    expiry: z.string().nullable(),
    /** The bag's barcode: the server links it to the new item and refuses it a second time. */
    barcode: z.string(),
    /** The stock item the desk made for the bag (a negative pk until the server made it). */
    stockitem: pk,
  }),
  z.object({
    kind: z.literal('transfer'),
    location: pk,
    items: z.array(z.object({ pk, quantity: quantity.nonnegative(), from: pk.nullable() })).min(1),
  }),
  z.object({
    kind: z.literal('count'),
    items: z.array(z.object({ pk, quantity: quantity.nonnegative(), before: quantity })).min(1),
  }),
  z.object({
    kind: z.enum(['add', 'remove']),
    /** `before` is the quantity the desk saw, so a replay can tell an applied push from one that was not. */
    items: z.array(z.object({ pk, quantity: quantity.positive(), before: quantity })).min(1),
  }),
  z.object({
    kind: z.literal('merge'),
    location: pk,
    /** The first is the item the others merge into. */
    items: z.array(pk).min(2),
  }),
  z.object({ kind: z.enum(['link', 'unlink']), model: z.enum(modelTypes), pk, barcode: z.string() }),
  z.object({
    kind: z.literal('supplierpart'),
    supplierpart: pk,
    part: pk,
    supplier: pk,
    sku: z.string().min(1),
    manufacturerPart: pk.nullable(),
    packQuantity: quantity.positive(),
  }),
])

export type OutboxAction = z.infer<typeof outboxActionSchema>
export type OutboxKind = OutboxAction['kind']

/** A replica row: its table is the pulled model's (`purchaseorderline` included). */
export interface ItemKey {
  model: ModelType | 'purchaseorderline'
  pk: number
}

/** The local rows an action changed: a pull leaves them as the desk has them until the action settled. */
export function touchedBy(action: OutboxAction): ItemKey[] {
  switch (action.kind) {
    case 'receive':
      return [
        { model: 'stockitem', pk: action.stockitem },
        { model: 'purchaseorderline', pk: action.line },
        { model: 'purchaseorder', pk: action.order },
      ]
    case 'transfer':
    case 'count':
    case 'add':
    case 'remove':
      return action.items.map((i) => ({ model: 'stockitem', pk: i.pk }))
    case 'merge':
      return action.items.map((id) => ({ model: 'stockitem', pk: id }))
    case 'link':
    case 'unlink':
      return [{ model: action.model, pk: action.pk }]
    case 'supplierpart':
      return [{ model: 'supplierpart', pk: action.supplierpart }]
  }
}
