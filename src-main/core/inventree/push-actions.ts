/**
 * How each desk action reaches InvenTree: the call to its own endpoint, and the check that tells, before an
 * action is sent again, whether an earlier attempt already landed (the station was killed, or the connection
 * dropped after the server applied the call but before its answer arrived).
 *
 * A check asks the server for the action's visible effect: the bag's barcode on a stock item of the order, the
 * items at the target location, a quantity that is the one the desk left, the merged items gone, the barcode
 * naming the item, the supplier part with that SKU. `applied` settles the row without sending it; `absent`
 * sends it; `unknown` parks it for a person, with what the server shows.
 */
import { z } from 'zod'
import type { components } from './api-types.generated'
import { expectData, writable, type InventreeClient } from './client'
import { InventreeError } from './errors'
import type { OutboxAction } from './outbox-actions'

/** What the server created for an action: the local desk-made row takes this pk. */
export interface Created {
  model: 'stockitem' | 'supplierpart'
  localPk: number
  serverPk: number
}

export type CheckResult =
  { state: 'applied'; created?: Created } | { state: 'absent' } | { state: 'unknown'; reason: string }

export interface SendResult {
  created?: Created
}

/** The action with every pk already the server's (desk-made rows mapped, or the row waits). */
export type ServerAction = OutboxAction

/** Decimal strings as InvenTree's DecimalField takes them (at most five places). */
const decimal = (n: number): string => String(Number(n.toFixed(5)))

const NOTES = 'Scan Station desk'

/** What the barcode names on the server: `[model, pk]`, or null. */
async function itemOfBarcode(client: InventreeClient, barcode: string): Promise<[string, number] | null> {
  const result = await client.POST('/api/barcode/', { body: { barcode } })
  if (result.response.status === 400) return null
  const data = expectData(result, 'looking up a barcode') as unknown
  if (!data || typeof data !== 'object') return null
  for (const [key, value] of Object.entries(data)) {
    const pk = z.object({ pk: z.number().int() }).safeParse(value)
    if (pk.success) return [key, pk.data.pk]
  }
  return null
}

/** The stock item a barcode names on the server, or null when it names nothing or something else. */
async function stockItemOfBarcode(client: InventreeClient, barcode: string): Promise<number | null> {
  const found = await itemOfBarcode(client, barcode)
  return found && found[0] === 'stockitem' ? found[1] : null
}

/** The server's stock item, or null when it no longer exists (merged away, deleted). */
async function stockItem(client: InventreeClient, pk: number) {
  const result = await client.GET('/api/stock/{id}/', { params: { path: { id: pk } } })
  if (result.response.status === 404) return null
  return expectData(result, `reading stock item ${pk}`)
}

export async function checkAction(
  client: InventreeClient,
  action: ServerAction,
  localPk?: number,
): Promise<CheckResult> {
  switch (action.kind) {
    case 'receive': {
      const pk = await stockItemOfBarcode(client, action.barcode)
      if (pk === null) return { state: 'absent' }
      const item = await stockItem(client, pk)
      if (item && item.purchase_order === action.order)
        return { state: 'applied', created: { model: 'stockitem', localPk: localPk ?? action.stockitem, serverPk: pk } }
      return { state: 'absent' }
    }
    case 'transfer': {
      const items = await Promise.all(action.items.map((i) => stockItem(client, i.pk)))
      return items.every((i) => i && i.location === action.location) ? { state: 'applied' } : { state: 'absent' }
    }
    case 'count': {
      const items = await Promise.all(action.items.map((i) => stockItem(client, i.pk)))
      return items.every((item, n) => item && Number(item.quantity) === action.items[n]!.quantity)
        ? { state: 'applied' }
        : { state: 'absent' }
    }
    case 'add':
    case 'remove': {
      const sign = action.kind === 'add' ? 1 : -1
      const seen = await Promise.all(action.items.map((i) => stockItem(client, i.pk)))
      const states = action.items.map((i, n) => {
        const q = seen[n] ? Number(seen[n].quantity) : null
        return q === i.before + sign * i.quantity ? 'applied' : q === i.before ? 'absent' : `holds ${q ?? 'nothing'}`
      })
      if (states.every((s) => s === 'applied')) return { state: 'applied' }
      if (states.every((s) => s === 'absent')) return { state: 'absent' }
      return {
        state: 'unknown',
        reason: `The server's quantities changed meanwhile (${action.items
          .map((i, n) => `stock item ${i.pk}: desk saw ${i.before}, server ${states[n]}`)
          .join('; ')}): check them and retry or discard`,
      }
    }
    case 'merge': {
      const [, ...others] = action.items
      const left = await Promise.all(others.map((pk) => stockItem(client, pk)))
      return left.every((i) => i === null) ? { state: 'applied' } : { state: 'absent' }
    }
    case 'link': {
      const found = await itemOfBarcode(client, action.barcode)
      return found && found[0] === action.model && found[1] === action.pk ? { state: 'applied' } : { state: 'absent' }
    }
    case 'unlink': {
      const found = await itemOfBarcode(client, action.barcode)
      return found && found[0] === action.model && found[1] === action.pk ? { state: 'absent' } : { state: 'applied' }
    }
    case 'supplierpart': {
      const page = expectData(
        await client.GET('/api/company/part/', {
          params: { query: { supplier: action.supplier, part: action.part, limit: 100 } },
        }),
        'looking for the supplier part',
      )
      const same = page.results.find((sp) => sp.SKU.toLowerCase() === action.sku.toLowerCase())
      return same
        ? {
            state: 'applied',
            created: { model: 'supplierpart', localPk: localPk ?? action.supplierpart, serverPk: same.pk },
          }
        : { state: 'absent' }
    }
  }
}

export async function sendAction(client: InventreeClient, action: ServerAction, localPk?: number): Promise<SendResult> {
  switch (action.kind) {
    case 'receive': {
      const created = expectData(
        await client.POST('/api/order/po/{id}/receive/', {
          params: { path: { id: action.order } },
          body: {
            items: [
              {
                line_item: action.line,
                quantity: decimal(action.quantity),
                location: action.location,
                batch_code: action.batch,
                expiry_date: action.expiry,
                barcode: action.barcode,
              },
            ],
            location: action.location,
          },
        }),
        'receiving a bag',
      )
      const item = created[0]
      if (!item) throw new InventreeError('unsupported', 'The server received the bag but answered no stock item')
      return { created: { model: 'stockitem', localPk: localPk ?? action.stockitem, serverPk: item.pk } }
    }
    case 'transfer': {
      // InvenTree splits an item when less than all of it moves: the desk moves whole items, so it sends what the
      // server holds, not what the desk saw.
      const held = await Promise.all(action.items.map((i) => stockItem(client, i.pk)))
      const gone = action.items.filter((_, n) => held[n] === null).map((i) => i.pk)
      // Moving an item the server no longer has is a conflict for a person, never a silent success.
      if (gone.length)
        throw new InventreeError(
          'rejected',
          `The server no longer has stock item${gone.length === 1 ? '' : 's'} ${gone.join(', ')} (used up, merged or deleted there)`,
          404,
        )
      const items = action.items
        .map((i, n) => ({ pk: i.pk, held: held[n] }))
        .filter((i) => i.held && i.held.location !== action.location)
        .map((i) => ({ pk: i.pk, quantity: decimal(Number(i.held!.quantity)) }))
      if (items.length === 0) return {}
      expectData(
        await client.POST('/api/stock/transfer/', { body: { items, location: action.location, notes: NOTES } }),
        'moving stock',
      )
      return {}
    }
    case 'count':
      expectData(
        await client.POST('/api/stock/count/', {
          body: { items: action.items.map((i) => ({ pk: i.pk, quantity: decimal(i.quantity) })), notes: NOTES },
        }),
        'counting stock',
      )
      return {}
    case 'add':
    case 'remove': {
      const body = { items: action.items.map((i) => ({ pk: i.pk, quantity: decimal(i.quantity) })), notes: NOTES }
      expectData(
        action.kind === 'add'
          ? await client.POST('/api/stock/add/', { body })
          : await client.POST('/api/stock/remove/', { body }),
        action.kind === 'add' ? 'adding stock' : 'removing stock',
      )
      return {}
    }
    case 'merge':
      expectData(
        await client.POST('/api/stock/merge/', {
          body: { items: action.items.map((item) => ({ item })), location: action.location, notes: NOTES },
        }),
        'merging stock',
      )
      return {}
    case 'link':
      expectData(
        await client.POST('/api/barcode/link/', { body: { barcode: action.barcode, [action.model]: action.pk } }),
        'linking a barcode',
      )
      return {}
    case 'unlink':
      expectData(
        await client.POST('/api/barcode/unlink/', { body: { [action.model]: action.pk } }),
        'unlinking a barcode',
      )
      return {}
    case 'supplierpart': {
      const sp = expectData(
        await client.POST('/api/company/part/', {
          body: writable<components['schemas']['SupplierPart']>({
            part: action.part,
            supplier: action.supplier,
            SKU: action.sku,
            manufacturer_part: action.manufacturerPart,
            pack_quantity: decimal(action.packQuantity),
          }),
        }),
        'creating a supplier part',
      )
      return { created: { model: 'supplierpart', localPk: localPk ?? action.supplierpart, serverPk: sp.pk } }
    }
  }
}
