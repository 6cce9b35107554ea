/**
 * POST /api/order/po/{id}/receive/, as InvenTree's PurchaseOrderReceiveSerializer and PurchaseOrder.receive_line_items
 * do it. In InvenTree's order:
 * 1. each item's fields: the line exists, the quantity is positive, a scanned barcode is on no stock item yet
 *    ("Barcode is already in use"), serial numbers fit the quantity; all items' errors are answered together;
 * 2. the request: there are items, every item has a destination (its own, else the request's — which defaults to
 *    the order's destination only when the request names none —, else its line's: the line's destination, the
 *    line's order's, the part's default location), no barcode twice;
 * 3. the order: it must be PLACED (not pending, not on hold), and every line must be one of its lines.
 * Only then is anything written, all of it or (on any error) none: a stock item per received line (per serial
 * number if serialized), in the part's units (quantity × the supplier part's pack quantity), carrying the batch,
 * expiry, status, barcode and the order; each line's `received` grows by the quantity in packs. Receiving more than
 * was ordered is allowed, as in InvenTree. When no line is left to receive the order completes (the setting
 * PURCHASEORDER_AUTO_COMPLETE, on by default). The answer is 201 with the created stock items.
 */
import { barcodeHash } from '../../core/barcode/hash'
import {
  decimal,
  fieldError,
  FieldErrors,
  invalidPk,
  nonField,
  NOT_NEGATIVE,
  pyStrip,
  round5,
  serverError,
} from './drf'
import { bodyOf, pathId, type Handler, type Schemas } from './handler'
import {
  packQuantityNative,
  PO_STATUS,
  type PurchaseOrderLineRecord,
  type StandinState,
  type StockRecord,
  type SupplierPartRecord,
} from './state'

type ReceiveItem = Schemas['PurchaseOrderLineItemReceive']

interface Planned {
  item: ReceiveItem
  line: PurchaseOrderLineRecord
  quantity: number
  location: number
  barcode: string | null
  serials: string[] | null
}

/** PurchaseOrderLineItem.get_destination(): the line's, else its order's, else the part's default location. */
function destinationOf(state: StandinState, line: PurchaseOrderLineRecord): number | null {
  if (line.destination) return line.destination
  const order = state.purchaseOrders.get(line.order)
  if (order?.destination) return order.destination
  const supplierPart = state.supplierParts.get(line.part)
  return state.parts.get(supplierPart?.part)?.default_location ?? null
}

const nativeOf = (supplierPart: SupplierPartRecord): number => packQuantityNative(supplierPart.pack_quantity ?? '') ?? 1

/** InvenTree's serial number entry, in its common forms: values separated by commas or spaces, and `a-b` ranges. */
function parseSerials(text: string): string[] {
  const serials: string[] = []
  for (const group of text.split(/[\s,]+/).filter(Boolean)) {
    const range = /^(\d+)-(\d+)$/.exec(group)
    if (range && Number(range[1]) <= Number(range[2]))
      for (let n = Number(range[1]); n <= Number(range[2]); n++) serials.push(String(n))
    else serials.push(group)
  }
  return [...new Set(serials)]
}

function checkItems(state: StandinState, items: ReceiveItem[], location: number | null | undefined): void {
  const errors = new FieldErrors()
  if (location !== null && location !== undefined && !state.locations.get(location))
    errors.add('location', invalidPk(location))
  items.forEach((item, i) => {
    let valid = true
    const fail = (field: string, message: string): void => {
      errors.addEntry('items', items.length, i, field, message)
      valid = false
    }
    const line = state.poLines.get(item.line_item)
    if (!line) fail('line_item', invalidPk(item.line_item))
    if (item.location !== null && item.location !== undefined && !state.locations.get(item.location))
      fail('location', invalidPk(item.location))
    const quantity = decimal(item.quantity)
    if (quantity < 0) fail('quantity', NOT_NEGATIVE)
    else if (quantity === 0) fail('quantity', 'Quantity must be greater than zero')
    const barcode = pyStrip(item.barcode ?? '')
    if (barcode && state.stock.byBarcodeHash(barcodeHash(barcode))) fail('barcode', 'Barcode is already in use')
    const serialText = pyStrip(item.serial_numbers ?? '')
    // The item's own validate() runs only once its fields are valid.
    if (!valid || !line || !serialText) return
    const supplierPart = state.supplierParts.get(line.part)
    const expected = supplierPart ? round5(quantity * nativeOf(supplierPart)) : quantity
    const serials = parseSerials(serialText)
    if (serials.length !== expected) {
      fail('serial_numbers', `Number of unique serial numbers (${serials.length}) must match quantity (${expected})`)
      return
    }
    const taken = new Set(
      state.stock
        .all()
        .filter((s) => s.part === supplierPart?.part && s.serial)
        .map((s) => s.serial!),
    )
    const clashes = serials.filter((s) => taken.has(s))
    if (clashes.length)
      fail('serial_numbers', `The following serial numbers already exist or are invalid: ${clashes.join(', ')}`)
  })
  errors.throwIfAny()
}

export const receive: Handler = ({ req, state }) => {
  const body = bodyOf<Schemas['PurchaseOrderReceive']>(req)
  const items = body.items
  checkItems(state, items, body.location)

  const order = state.purchaseOrders.get(pathId(req))
  // InvenTree's serializer reads the order from its context, where a missing order leaves nothing: a KeyError.
  if (!order) throw serverError(req.path, 'KeyError')
  if (!items.length) throw nonField('Line items must be provided')
  const location = 'location' in body ? (body.location ?? null) : (order.destination ?? null)
  const barcodes = new Set<string>()
  const planned: Planned[] = items.map((item) => {
    const line = state.poLines.get(item.line_item)!
    const destination = item.location || location || destinationOf(state, line)
    if (!destination) throw fieldError('location', 'Destination location must be specified')
    const barcode = pyStrip(item.barcode ?? '') || null
    if (barcode) {
      if (barcodes.has(barcode)) throw nonField('Supplied barcode values must be unique')
      barcodes.add(barcode)
    }
    const serialText = pyStrip(item.serial_numbers ?? '')
    return {
      item,
      line,
      quantity: decimal(item.quantity),
      location: destination,
      barcode,
      serials: serialText ? parseSerials(serialText) : null,
    }
  })

  if (order.status !== PO_STATUS.PLACED)
    throw nonField("Lines can only be received against an order marked as 'PLACED'")
  // InvenTree raises these with a set where a message belongs, so its answer shows the set's repr.
  for (const { line } of planned) {
    if (line.order !== order.pk) throw nonField("{'Line item does not match purchase order'}")
    const supplierPart = state.supplierParts.get(line.part)
    if (!supplierPart || !state.parts.get(supplierPart.part)) throw nonField("{'Line item is missing a linked part'}")
  }

  return state.atomically(() => {
    const at = new Date().toISOString()
    const created: StockRecord[] = []
    const deleteOnDeplete = state.setting('STOCK_DELETE_DEPLETED_DEFAULT')
    for (const { item, line, quantity, location: destination, barcode, serials } of planned) {
      const supplierPart = state.supplierParts.get(line.part)!
      const base = {
        part: supplierPart.part,
        supplier_part: supplierPart.pk,
        purchase_order: order.pk,
        location: destination,
        batch: item.batch_code ?? '',
        expiry_date: item.expiry_date ?? null,
        status: item.status ?? 10,
        notes: item.note ?? '',
        packaging: item.packaging || supplierPart.packaging || null,
        delete_on_deplete: deleteOnDeplete,
      }
      if (serials) {
        for (const serial of serials)
          created.push(
            state.insert(
              state.stock,
              { pk: state.stock.nextPk(), ...base, quantity: 1, serial, delete_on_deplete: false },
              at,
            ),
          )
      } else {
        created.push(
          state.insert(
            state.stock,
            {
              pk: state.stock.nextPk(),
              ...base,
              quantity: round5(quantity * nativeOf(supplierPart)),
              serial: '',
              ...(barcode ? { barcode_data: barcode, barcode_hash: barcodeHash(barcode) } : {}),
            },
            at,
          ),
        )
      }
      state.patch(state.poLines, line, { received: round5((line.received ?? 0) + quantity) }, at)
    }
    state.patch(state.purchaseOrders, order, {}, at)
    const pending = state.poLines.all().some((l) => l.order === order.pk && (l.received ?? 0) < l.quantity)
    if (state.setting('PURCHASEORDER_AUTO_COMPLETE') && !pending)
      state.patch(state.purchaseOrders, order, { status: PO_STATUS.COMPLETE, complete_date: at.slice(0, 10) }, at)
    return { status: 201, body: created.map((s) => state.stockOut(s.pk)) }
  })
}
