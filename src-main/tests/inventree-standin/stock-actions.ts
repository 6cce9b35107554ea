/**
 * The stock adjustment endpoints, as InvenTree's StockAdjustmentSerializer family and the StockItem model methods
 * they call (stocktake, add_stock, take_stock, move, merge_stock_items) behave:
 * - every item must exist and its quantity must not be negative; there must be items;
 * - count sets the quantity; add and remove change it (a quantity of zero does nothing); removing more than an item
 *   holds is not refused: the item is emptied, and an emptied item is deleted (delete_on_deplete, which defaults to
 *   the STOCK_DELETE_DEPLETED_DEFAULT setting, on), as is an item counted to zero;
 * - transfer moves an item, or splits it when moving less than it holds: a new item (same part, batch, barcode…)
 *   takes the quantity moved to the destination, the rest stays; moving more than it holds moves all of it;
 * - batch, status and packaging given with an item are set on it (on the new item of a split);
 * - serialized items (a serial number, quantity 1) are not counted, added to or removed from: silently;
 * - no stock item may be saved into a structural location, and the whole request is one transaction.
 * Each answers 201 with the request as the serializer read it (quantities with five decimals).
 * Merge checks the items can be merged (same part; same supplier part and status unless allowed; none serialized;
 * at least two, none twice), then adds the others' quantities to the first, deletes the others and moves the first
 * to the location given.
 */
import { decimal, decimalOut, fieldError, FieldErrors, invalidPk, nonField, NOT_NEGATIVE, round5 } from './drf'
import { bodyOf, type Handler, type Schemas } from './handler'
import type { StandinState, StockRecord } from './state'

type AdjustmentItem = Schemas['StockAdjustmentItem']
type Adjust = (state: StandinState, row: StockRecord, item: AdjustmentItem, at: string) => void

const serialized = (row: StockRecord): boolean => !!row.serial?.trim() && row.quantity === 1

/** StockItem.save() runs clean(), which refuses a structural location. */
function save(state: StandinState, row: StockRecord, changes: Partial<StockRecord>, at: string): void {
  const location = state.locations.get('location' in changes ? changes.location : row.location)
  if (location?.structural)
    throw fieldError('location', 'Stock items cannot be located into structural stock locations!')
  state.patch(state.stock, row, changes, at)
}

/** The optional fields a stock action may set (StockItem.optional_transfer_fields), when given a value. */
function optionalFields(item: AdjustmentItem): Partial<StockRecord> {
  const fields: Partial<StockRecord> = {}
  if (item.batch) fields.batch = item.batch
  if (typeof item.status === 'number') fields.status = item.status
  if (item.packaging) fields.packaging = item.packaging
  return fields
}

/** StockItem.updateQuantity: a quantity at zero deletes an item that is to be deleted when depleted. */
function updateQuantity(
  state: StandinState,
  row: StockRecord,
  quantity: number,
  changes: Partial<StockRecord>,
  at: string,
): void {
  const q = Math.max(round5(quantity), 0)
  if (q === 0 && (row.delete_on_deplete ?? state.setting('STOCK_DELETE_DEPLETED_DEFAULT'))) {
    state.remove(state.stock, row)
    return
  }
  save(state, row, { ...changes, quantity: q }, at)
}

const count: Adjust = (state, row, item, at) => {
  if (serialized(row)) return
  updateQuantity(state, row, decimal(item.quantity), optionalFields(item), at)
}

const add: Adjust = (state, row, item, at) => {
  const quantity = decimal(item.quantity)
  if (serialized(row) || quantity <= 0) return
  updateQuantity(state, row, row.quantity + quantity, optionalFields(item), at)
}

const remove: Adjust = (state, row, item, at) => {
  const quantity = decimal(item.quantity)
  if (serialized(row) || quantity <= 0) return
  updateQuantity(state, row, row.quantity - quantity, optionalFields(item), at)
}

function move(state: StandinState, row: StockRecord, item: AdjustmentItem, location: number, at: string): void {
  const quantity = decimal(item.quantity)
  if (quantity <= 0) return
  if (quantity < row.quantity) {
    if (serialized(row)) return
    // splitStock copies the whole item, its barcode too, as InvenTree does.
    const split: StockRecord = {
      ...row,
      pk: state.stock.nextPk(),
      quantity,
      parent: row.pk,
      location,
      ...optionalFields(item),
      updated: at,
    }
    if (state.locations.get(location)?.structural)
      throw fieldError('location', 'Stock items cannot be located into structural stock locations!')
    state.insert(state.stock, split, at)
    save(state, row, { quantity: round5(row.quantity - quantity) }, at)
    return
  }
  save(state, row, { location, ...optionalFields(item) }, at)
}

/** The fields of a stock adjustment request, and its one request-level check, in the serializer's order. */
function checkAdjustment(state: StandinState, items: AdjustmentItem[], location?: number | null): void {
  const errors = new FieldErrors()
  items.forEach((item, i) => {
    if (!state.stock.get(item.pk)) errors.addEntry('items', items.length, i, 'pk', invalidPk(item.pk))
    if (decimal(item.quantity) < 0) errors.addEntry('items', items.length, i, 'quantity', NOT_NEGATIVE)
  })
  if (location !== null && location !== undefined && !state.locations.get(location))
    errors.add('location', invalidPk(location))
  errors.throwIfAny()
  if (!items.length) throw nonField('A list of stock items must be provided')
}

/** What the serializer returns after saving: its validated data, rendered back. */
const echoItem = (item: AdjustmentItem): AdjustmentItem => ({
  pk: item.pk,
  quantity: decimalOut(decimal(item.quantity)),
  ...(item.batch !== undefined ? { batch: item.batch } : {}),
  status: item.status ?? null,
  ...(item.packaging !== undefined ? { packaging: item.packaging } : {}),
  merge: item.merge ?? false,
})

function adjustment(adjust: Adjust): Handler {
  return ({ req, state }) => {
    const body = bodyOf<Schemas['StockAdd']>(req)
    checkAdjustment(state, body.items)
    state.atomically(() => {
      const at = new Date().toISOString()
      for (const item of body.items) {
        const row = state.stock.get(item.pk)
        if (row) adjust(state, row, item, at)
      }
    })
    return {
      status: 201,
      body: { items: body.items.map(echoItem), ...(body.notes !== undefined ? { notes: body.notes } : {}) },
    }
  }
}

export const stockAdd = adjustment(add)
export const stockRemove = adjustment(remove)

export const stockCount: Handler = ({ req, state }) => {
  const body = bodyOf<Schemas['StockCount']>(req)
  checkAdjustment(state, body.items, body.location)
  state.atomically(() => {
    const at = new Date().toISOString()
    for (const item of body.items) {
      const row = state.stock.get(item.pk)
      if (!row) continue
      count(state, row, item, at)
      // A count can also say where the counted items are (API 534's `location`).
      if (body.location && state.stock.get(item.pk) === row) save(state, row, { location: body.location }, at)
    }
  })
  return {
    status: 201,
    body: {
      items: body.items.map(echoItem),
      ...(body.notes !== undefined ? { notes: body.notes } : {}),
      ...('location' in body ? { location: body.location ?? null } : {}),
    },
  }
}

export const stockTransfer: Handler = ({ req, state }) => {
  const body = bodyOf<Schemas['StockTransfer']>(req)
  checkAdjustment(state, body.items, body.location)
  state.atomically(() => {
    const at = new Date().toISOString()
    for (const item of body.items) {
      const row = state.stock.get(item.pk)
      if (row) move(state, row, item, body.location, at)
    }
  })
  return {
    status: 201,
    body: {
      items: body.items.map(echoItem),
      ...(body.notes !== undefined ? { notes: body.notes } : {}),
      location: body.location,
    },
  }
}

export const stockMerge: Handler = ({ req, state }) => {
  const body = bodyOf<Schemas['StockMerge']>(req)
  const errors = new FieldErrors()
  body.items.forEach((entry, i) => {
    const row = state.stock.get(entry.item)
    if (!row) errors.addEntry('items', body.items.length, i, 'item', invalidPk(entry.item))
    else if (serialized(row))
      errors.addEntry('items', body.items.length, i, 'item', 'Serialized stock cannot be merged')
  })
  if (!state.locations.get(body.location)) errors.add('location', invalidPk(body.location))
  errors.throwIfAny()

  const rows = body.items.map((entry) => state.stock.get(entry.item)!)
  if (rows.length < 2) throw nonField('At least two stock items must be provided')
  const base = rows[0]!
  const seen = new Set<number>()
  for (const row of rows) {
    if (seen.has(row.pk)) throw nonField('Duplicate stock items')
    seen.add(row.pk)
    if (row === base) continue
    if (row.part !== base.part) throw nonField('Stock items must refer to the same part')
    if ((row.supplier_part ?? null) !== (base.supplier_part ?? null) && !body.allow_mismatched_suppliers)
      throw nonField('Stock items must refer to the same supplier part')
    if ((row.status ?? 10) !== (base.status ?? 10) && !body.allow_mismatched_status)
      throw nonField('Stock status codes must match')
  }

  state.atomically(() => {
    const at = new Date().toISOString()
    let quantity = base.quantity
    for (const other of rows.slice(1)) {
      quantity = round5(quantity + other.quantity)
      state.remove(state.stock, other)
    }
    save(state, base, { quantity, location: body.location }, at)
  })
  return {
    status: 201,
    body: {
      items: body.items.map((entry) => ({ item: entry.item })),
      location: body.location,
      ...(body.notes !== undefined ? { notes: body.notes } : {}),
      ...(body.allow_mismatched_suppliers !== undefined
        ? { allow_mismatched_suppliers: body.allow_mismatched_suppliers }
        : {}),
      ...(body.allow_mismatched_status !== undefined ? { allow_mismatched_status: body.allow_mismatched_status } : {}),
    },
  }
}
