import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { barcodeHash } from '../../core/barcode/hash'
import type { components } from '../../core/inventree/api-types.generated'
import { createInventreeClient, type InventreeClient } from '../../core/inventree/client'
import { InventreeError } from '../../core/inventree/errors'
import { demoData, SCHEMA_PATH, schemaAbsent, SKIP_REASON } from './fixture'
import { SchemaGate } from './schema-gate'
import { startStandin, type Standin } from './server'
import type { StandinData } from './state'

if (schemaAbsent) console.warn(SKIP_REASON)

const GS = '\u001D'
const RS = '\u001E'
const EOT = '\u0004'
/** A DigiKey bag label for a line of the stand-in's PO-0002, as a scanner that sends every separator types it. */
const bag = (sku: string, mpn: string, qty: number, lot: string): string =>
  `[)>${RS}06${GS}P${sku}${GS}1P${mpn}${GS}KPO-0002${GS}1T${lot}${GS}Q${qty}${RS}${EOT}`
const RESISTOR_BAG = bag('311-RC0805FR-0710KLCT-ND', 'RC0805FR-0710KL', 4, 'L2411A')
const CAPACITOR_BAG = bag('1276-CL21B104KBCNNNCCT-ND', 'CL21B104KBCNNNC', 25, 'C2402')

/** What an openapi-fetch call answered: the status and the JSON body, whether it succeeded or not. */
async function answer(call: Promise<{ data?: unknown; error?: unknown; response: Response }>) {
  const { data, error, response } = await call
  return { status: response.status, body: (response.ok ? data : error) as Record<string, unknown> }
}

describe.skipIf(schemaAbsent)('the InvenTree stand-in serving the desk’s writes', () => {
  let gate: SchemaGate
  const running: Standin[] = []
  /** A fresh server on the demo data (changed by `change`), and a typed client signed in as `user`. */
  const server = async (
    change?: (d: StandinData) => void,
    user = 'receiver',
  ): Promise<{ s: Standin; api: InventreeClient; as: (user: string) => InventreeClient }> => {
    const data = demoData()
    change?.(data)
    const s = await startStandin({ data, schemaPath: SCHEMA_PATH, gate })
    running.push(s)
    const as = (name: string) => createInventreeClient({ url: s.url, credentials: { token: s.issueToken(name) } })
    return { s, api: as(user), as }
  }
  const receive = (api: InventreeClient, order: number, body: components['schemas']['PurchaseOrderReceive']) =>
    answer(api.POST('/api/order/po/{id}/receive/', { params: { path: { id: order } }, body }))

  beforeAll(async () => {
    gate = await SchemaGate.load(SCHEMA_PATH)
  })
  afterAll(async () => {
    await Promise.all(running.map((s) => s.close()))
    // Every request made with the desk's typed client, and every answer the stand-in gave, is one the schema allows
    // (or, for the barcode views, the one InvenTree's code really sends: schema-errata.ts).
    expect(gate.rejections).toEqual([])
  })

  describe('reading one object', () => {
    it('answers a stock item, an order and an order line by pk, and 404 with DRF’s sentence when there is none', async () => {
      const { api } = await server()
      const item = await answer(api.GET('/api/stock/{id}/', { params: { path: { id: 1 } } }))
      expect(item).toMatchObject({ status: 200, body: { pk: 1, part: 1, quantity: 250, batch: 'L2301' } })
      const order = await answer(api.GET('/api/order/po/{id}/', { params: { path: { id: 2 } } }))
      expect(order.body).toMatchObject({ reference: 'PO-0002', supplier_reference: '84213391', status: 20 })
      const line = await answer(api.GET('/api/order/po-line/{id}/', { params: { path: { id: 3 } } }))
      expect(line.body).toMatchObject({ order: 2, part: 3, quantity: 10, received: 0 })
      expect(await answer(api.GET('/api/stock/{id}/', { params: { path: { id: 999 } } }))).toEqual({
        status: 404,
        body: { detail: 'No StockItem matches the given query.' },
      })
      expect((await answer(api.GET('/api/order/po/{id}/', { params: { path: { id: 9 } } }))).body).toEqual({
        detail: 'No PurchaseOrder matches the given query.',
      })
      expect((await answer(api.GET('/api/order/po-line/{id}/', { params: { path: { id: 9 } } }))).body).toEqual({
        detail: 'No PurchaseOrderLineItem matches the given query.',
      })
    })
  })

  describe('receiving against a purchase order', () => {
    it('creates a stock item per line with its batch, expiry and bag barcode, and counts the line received', async () => {
      const { s, api } = await server()
      const res = await receive(api, 2, {
        items: [
          { line_item: 3, quantity: '4', batch_code: 'L2411A', expiry_date: '2027-03-31', barcode: RESISTOR_BAG },
          { line_item: 4, quantity: '25', status: 50, location: 3 },
        ],
      })
      expect(res.status).toBe(201)
      expect(res.body).toEqual([
        expect.objectContaining({
          pk: 3,
          part: 3,
          supplier_part: 3,
          purchase_order: 2,
          location: 2, // the order's destination
          quantity: 4,
          batch: 'L2411A',
          expiry_date: '2027-03-31',
          status: 10,
          barcode_hash: barcodeHash(RESISTOR_BAG),
        }),
        expect.objectContaining({ pk: 4, part: 4, location: 3, quantity: 25, status: 50, barcode_hash: '' }),
      ])
      expect(s.state.poLines.get(3)!.received).toBe(4)
      expect(s.state.poLines.get(4)!.received).toBe(25)
      // The station and InvenTree hash a label alike, so the bag resolves on the server too.
      const scanned = await answer(api.POST('/api/barcode/', { body: { barcode: RESISTOR_BAG } }))
      expect(scanned.body).toMatchObject({ stockitem: { pk: 3 }, plugin: 'InvenTreeBarcode' })
    })

    it('receives packs in the part’s units: a bag of 100 on a line of packs', async () => {
      const { s, api } = await server((d) => (d.supplierParts!.find((p) => p.pk === 4)!.pack_quantity = '100'))
      const res = await receive(api, 2, { items: [{ line_item: 4, quantity: '2' }] })
      expect(res.body).toEqual([expect.objectContaining({ quantity: 200 })])
      expect(s.state.poLines.get(4)!.received).toBe(2)
    })

    it('refuses a barcode already on a stock item, and the same barcode twice in one request', async () => {
      const { s, api } = await server((d) => {
        d.stock!.push({ pk: 9, part: 3, quantity: 4, location: 2, barcode_hash: barcodeHash(RESISTOR_BAG) })
      })
      const before = s.state.snapshot()
      expect(await receive(api, 2, { items: [{ line_item: 3, quantity: '4', barcode: RESISTOR_BAG }] })).toEqual({
        status: 400,
        body: { items: [{ barcode: ['Barcode is already in use'] }] },
      })
      const twice = await receive(api, 2, {
        items: [
          { line_item: 4, quantity: '1', barcode: CAPACITOR_BAG },
          { line_item: 4, quantity: '1', barcode: CAPACITOR_BAG },
        ],
      })
      expect(twice).toEqual({ status: 400, body: { non_field_errors: ['Supplied barcode values must be unique'] } })
      expect(s.state.snapshot()).toEqual(before)
    })

    it('refuses a line of another order, and an order that is not placed, and changes nothing', async () => {
      const { s, api } = await server()
      const placed = s.state.snapshot()
      const other = await receive(api, 2, {
        items: [
          { line_item: 3, quantity: '1' },
          { line_item: 1, quantity: '1' },
        ],
      })
      // InvenTree raises this one with a Python set where a message belongs: its answer shows the set.
      expect(other).toEqual({
        status: 400,
        body: { non_field_errors: ["{'Line item does not match purchase order'}"] },
      })
      expect(s.state.snapshot()).toEqual(placed)
      s.state.purchaseOrders.get(2)!.status = 25
      const onHold = s.state.snapshot()
      expect(await receive(api, 2, { items: [{ line_item: 3, quantity: '1' }] })).toEqual({
        status: 400,
        body: { non_field_errors: ["Lines can only be received against an order marked as 'PLACED'"] },
      })
      expect(s.state.snapshot()).toEqual(onHold)
      expect(s.state.applied).toEqual([])
    })

    it('checks every item before answering: quantities above zero, lines and locations that exist', async () => {
      const { api } = await server()
      const res = await receive(api, 2, {
        items: [
          { line_item: 3, quantity: '0' },
          { line_item: 4, quantity: '1' },
          { line_item: 77, quantity: '-1', location: 99 },
        ],
      })
      expect(res).toEqual({
        status: 400,
        body: {
          items: [
            { quantity: ['Quantity must be greater than zero'] },
            {},
            {
              line_item: ['Invalid pk "77" - object does not exist.'],
              location: ['Invalid pk "99" - object does not exist.'],
              quantity: ['Ensure this value is greater than or equal to 0.'],
            },
          ],
        },
      })
    })

    it('needs a destination: the item’s, the request’s, the line’s, the order’s or the part’s default', async () => {
      const { s, api } = await server((d) => {
        d.purchaseOrders!.find((o) => o.pk === 2)!.destination = null
        d.parts!.find((p) => p.pk === 5)!.default_location = null
      })
      expect(await receive(api, 2, { items: [{ line_item: 5, quantity: '1' }] })).toEqual({
        status: 400,
        body: { location: ['Destination location must be specified'] },
      })
      // The part's default location is the last resort; a request's location comes before it.
      const byPart = await receive(api, 2, { items: [{ line_item: 3, quantity: '1' }] })
      expect(byPart.body).toEqual([expect.objectContaining({ location: 3 })])
      const byRequest = await receive(api, 2, { items: [{ line_item: 5, quantity: '1' }], location: 2 })
      expect(byRequest.body).toEqual([expect.objectContaining({ location: 2 })])
      expect(s.state.applied.map((a) => a.operationId)).toEqual(['order_po_receive_create', 'order_po_receive_create'])
    })

    it('allows receiving more than was ordered, as InvenTree does', async () => {
      const { s, api } = await server()
      expect((await receive(api, 2, { items: [{ line_item: 3, quantity: '12' }] })).status).toBe(201)
      expect(s.state.poLines.get(3)!.received).toBe(12)
    })

    it('completes the order when its last line is received, unless the setting is off', async () => {
      const { s, api } = await server()
      await receive(api, 2, {
        items: [
          { line_item: 3, quantity: '10' },
          { line_item: 4, quantity: '25' },
        ],
      })
      expect(s.state.purchaseOrders.get(2)!.status).toBe(20)
      await receive(api, 2, { items: [{ line_item: 5, quantity: '50' }] })
      const order = await answer(api.GET('/api/order/po/{id}/', { params: { path: { id: 2 } } }))
      expect(order.body).toMatchObject({ status: 30, status_text: 'Complete' })
      expect((await receive(api, 2, { items: [{ line_item: 5, quantity: '1' }] })).body).toEqual({
        non_field_errors: ["Lines can only be received against an order marked as 'PLACED'"],
      })

      const manual = await server((d) => (d.settings = { PURCHASEORDER_AUTO_COMPLETE: false }))
      await receive(manual.api, 2, {
        items: [
          { line_item: 3, quantity: '10' },
          { line_item: 4, quantity: '25' },
          { line_item: 5, quantity: '50' },
        ],
      })
      expect(manual.s.state.purchaseOrders.get(2)!.status).toBe(20)
    })

    it('refuses a user whose roles do not let them add order lines (purchase_order.add)', async () => {
      const { s, as } = await server()
      expect(await receive(as('desk'), 2, { items: [{ line_item: 3, quantity: '1' }] })).toEqual({
        status: 403,
        body: { detail: 'You do not have permission to perform this action.' },
      })
      expect(s.state.applied).toEqual([])
    })
  })

  describe('adjusting stock', () => {
    it('moves a whole item, and splits an item when moving part of it', async () => {
      const { s, api } = await server()
      const moved = await answer(
        api.POST('/api/stock/transfer/', {
          body: { items: [{ pk: 2, quantity: '100' }], location: 2, notes: 'Bench' },
        }),
      )
      expect(moved).toEqual({
        status: 201,
        body: { items: [{ pk: 2, quantity: '100.00000', status: null, merge: false }], notes: 'Bench', location: 2 },
      })
      expect(s.state.stock.get(2)).toMatchObject({ location: 2, quantity: 100 })
      await answer(api.POST('/api/stock/transfer/', { body: { items: [{ pk: 1, quantity: '50' }], location: 2 } }))
      expect(s.state.snapshot().stock.filter((i) => i.part === 1)).toEqual([
        expect.objectContaining({ pk: 1, location: 3, quantity: 200, batch: 'L2301' }),
        expect.objectContaining({ pk: 3, location: 2, quantity: 50, batch: 'L2301', supplier_part: 1 }),
      ])
    })

    it('refuses to put stock into a structural location, changing nothing', async () => {
      const { s, api } = await server()
      const before = s.state.snapshot()
      const res = await answer(
        api.POST('/api/stock/transfer/', {
          body: {
            items: [
              { pk: 2, quantity: '100' },
              { pk: 1, quantity: '10' },
            ],
            location: 1,
          },
        }),
      )
      expect(res).toEqual({
        status: 400,
        body: { location: ['Stock items cannot be located into structural stock locations!'] },
      })
      expect(s.state.snapshot()).toEqual(before)
    })

    it('counts, adds and removes; an item counted or removed to nothing is deleted', async () => {
      const { s, api } = await server()
      await answer(api.POST('/api/stock/count/', { body: { items: [{ pk: 1, quantity: '240' }] } }))
      expect(s.state.stock.get(1)!.quantity).toBe(240)
      await answer(api.POST('/api/stock/add/', { body: { items: [{ pk: 1, quantity: '10.5' }] } }))
      expect(s.state.stock.get(1)!.quantity).toBe(250.5)
      const removed = await answer(api.POST('/api/stock/remove/', { body: { items: [{ pk: 1, quantity: '0.5' }] } }))
      expect(removed.body).toMatchObject({ items: [{ pk: 1, quantity: '0.50000' }] })
      expect(s.state.stock.get(1)!.quantity).toBe(250)
      // InvenTree does not refuse removing more than an item holds: it empties the item, and deletes it.
      expect(
        (await answer(api.POST('/api/stock/remove/', { body: { items: [{ pk: 1, quantity: '999' }] } }))).status,
      ).toBe(201)
      expect(s.state.stock.get(1)).toBeUndefined()
      await answer(api.POST('/api/stock/count/', { body: { items: [{ pk: 2, quantity: '0' }] } }))
      expect(s.state.stock.get(2)).toBeUndefined()
    })

    it('refuses items that do not exist, negative quantities and an empty list', async () => {
      const { api } = await server()
      expect(
        await answer(
          api.POST('/api/stock/remove/', {
            body: {
              items: [
                { pk: 1, quantity: '1' },
                { pk: 42, quantity: '-2' },
              ],
            },
          }),
        ),
      ).toEqual({
        status: 400,
        body: {
          items: [
            {},
            {
              pk: ['Invalid pk "42" - object does not exist.'],
              quantity: ['Ensure this value is greater than or equal to 0.'],
            },
          ],
        },
      })
      expect(await answer(api.POST('/api/stock/add/', { body: { items: [] } }))).toEqual({
        status: 400,
        body: { non_field_errors: ['A list of stock items must be provided'] },
      })
    })

    it('merges items of one part into the first, and refuses items of different parts', async () => {
      const { s, api } = await server((d) => {
        d.stock!.push({ pk: 5, part: 1, quantity: 30, location: 2, supplier_part: 1, barcode_hash: 'abc' })
      })
      expect(
        await answer(api.POST('/api/stock/merge/', { body: { items: [{ item: 1 }, { item: 2 }], location: 3 } })),
      ).toEqual({ status: 400, body: { non_field_errors: ['Stock items must refer to the same part'] } })
      const merged = await answer(
        api.POST('/api/stock/merge/', { body: { items: [{ item: 1 }, { item: 5 }], location: 2, notes: 'One reel' } }),
      )
      expect(merged).toEqual({
        status: 201,
        body: { items: [{ item: 1 }, { item: 5 }], location: 2, notes: 'One reel' },
      })
      expect(s.state.stock.get(1)).toMatchObject({ quantity: 280, location: 2 })
      expect(s.state.stock.get(5)).toBeUndefined()
      expect(
        (await answer(api.POST('/api/stock/merge/', { body: { items: [{ item: 1 }], location: 2 } }))).body,
      ).toEqual({ non_field_errors: ['At least two stock items must be provided'] })
    })

    it('needs stock.add, as InvenTree’s model permission asks of a POST', async () => {
      const { as } = await server()
      expect(
        (await answer(as('viewer').POST('/api/stock/add/', { body: { items: [{ pk: 1, quantity: '1' }] } }))).status,
      ).toBe(403)
    })
  })

  describe('barcodes', () => {
    it('scans internal barcodes in both forms and linked ones, and says so when nothing matches', async () => {
      const { api } = await server()
      for (const barcode of ['INV-SI1', '{"stockitem": 1}', '{"stockitem": "1"}']) {
        const res = await answer(api.POST('/api/barcode/', { body: { barcode } }))
        expect(res, barcode).toMatchObject({
          status: 200,
          body: {
            stockitem: { pk: 1, api_url: '/api/stock/1/', web_url: '/web/stock/item/1', instance: { pk: 1 } },
            success: 'Match found for barcode data',
            plugin: 'InvenTreeBarcode',
            barcode_data: barcode,
            barcode_hash: barcodeHash(barcode),
          },
        })
      }
      expect((await answer(api.POST('/api/barcode/', { body: { barcode: 'INV-SL2' } }))).body).toMatchObject({
        stocklocation: { pk: 2 },
      })
      // An unknown model code ends the internal plugin's scan: no match, not an error of the server.
      for (const barcode of ['INV-XX1', '4006381333931']) {
        expect(await answer(api.POST('/api/barcode/', { body: { barcode } }))).toEqual({
          status: 400,
          body: {
            plugin: 'None',
            barcode_data: barcode,
            barcode_hash: barcodeHash(barcode),
            error: 'No match found for barcode data',
          },
        })
      }
    })

    it('links a barcode once: a barcode in use is refused, naming what it points at', async () => {
      const { s, api, as } = await server()
      const linked = await answer(api.POST('/api/barcode/link/', { body: { barcode: CAPACITOR_BAG, stockitem: 2 } }))
      expect(linked).toEqual({
        status: 200,
        body: {
          success: 'Assigned barcode to stockitem instance',
          stockitem: { pk: 2 },
          barcode_data: CAPACITOR_BAG,
          barcode_hash: barcodeHash(CAPACITOR_BAG),
        },
      })
      expect((await answer(api.POST('/api/barcode/', { body: { barcode: CAPACITOR_BAG } }))).body).toMatchObject({
        stockitem: { pk: 2 },
      })
      expect(
        await answer(api.POST('/api/barcode/link/', { body: { barcode: CAPACITOR_BAG, supplierpart: 4 } })),
      ).toEqual({
        status: 400,
        body: {
          stockitem: { pk: '2', api_url: '/api/stock/2/', web_url: '/web/stock/item/2' },
          error: 'Barcode matches existing item',
          plugin: 'InvenTreeBarcode',
          barcode_data: CAPACITOR_BAG,
        },
      })
      // An internal barcode is in use too: it already means its object.
      expect(
        (await answer(api.POST('/api/barcode/link/', { body: { barcode: 'INV-SI1', stockitem: 2 } }))).body,
      ).toMatchObject({
        error: 'Barcode matches existing item',
      })
      expect(
        await answer(as('viewer').POST('/api/barcode/link/', { body: { barcode: 'NEW-1', stockitem: 1 } })),
      ).toEqual({
        status: 403,
        body: { error: "You do not have the required permissions for <class 'stock.models.StockItem'>" },
      })
      expect((await answer(api.POST('/api/barcode/link/', { body: { barcode: 'NEW-1' } }))).body).toEqual({
        error:
          "Missing data: provide one of '['build', 'manufacturerpart', 'supplierpart', 'purchaseorder', 'returnorder', " +
          "'salesorder', 'salesordershipment', 'transferorder', 'part', 'stockitem', 'stocklocation']'",
      })
      expect(s.state.snapshot().stock.find((i) => i.pk === 2)!.barcode_hash).toBe(barcodeHash(CAPACITOR_BAG))
    })

    it('links to supplier parts, parts and locations too, for a user who may change them', async () => {
      const { s, as } = await server()
      // Changing a part needs the part role's `change`, which the receiving user lacks.
      expect(
        (await answer(as('receiver').POST('/api/barcode/link/', { body: { barcode: 'EXT-1', part: 5 } }))).body,
      ).toEqual({
        error: "You do not have the required permissions for <class 'part.models.Part'>",
      })
      const api = as('admin')
      for (const [model, pk] of [
        ['supplierpart', 3],
        ['part', 5],
        ['stocklocation', 3],
      ] as const) {
        const barcode = `EXT-${model}-${pk}`
        expect((await answer(api.POST('/api/barcode/link/', { body: { barcode, [model]: pk } }))).status).toBe(200)
        expect((await answer(api.POST('/api/barcode/', { body: { barcode } }))).body).toMatchObject({ [model]: { pk } })
      }
      expect(s.state.snapshot().barcodes).toEqual([
        { model: 'stocklocation', pk: 3, barcode_hash: barcodeHash('EXT-stocklocation-3') },
        { model: 'part', pk: 5, barcode_hash: barcodeHash('EXT-part-5') },
        { model: 'supplierpart', pk: 3, barcode_hash: barcodeHash('EXT-supplierpart-3') },
      ])
    })

    it('unlinks, and asks for exactly one object to unlink', async () => {
      const { s, api } = await server((d) => (d.stock!.find((i) => i.pk === 1)!.barcode_hash = barcodeHash('OLD')))
      expect(await answer(api.POST('/api/barcode/unlink/', { body: { stockitem: 1 } }))).toEqual({
        status: 200,
        body: { success: 'Barcode unassigned from stockitem instance' },
      })
      expect(s.state.stock.get(1)!.barcode_hash).toBe('')
      // InvenTree clears a barcode that is not there without complaint.
      expect((await answer(api.POST('/api/barcode/unlink/', { body: { stockitem: 1 } }))).status).toBe(200)
      const labels =
        'build, manufacturerpart, supplierpart, purchaseorder, returnorder, salesorder, salesordershipment, ' +
        'transferorder, part, stockitem, stocklocation'
      expect((await answer(api.POST('/api/barcode/unlink/', { body: {} }))).body).toEqual({
        error: `Missing data: Provide one of '${labels}'`,
      })
      expect((await answer(api.POST('/api/barcode/unlink/', { body: { stockitem: 1, part: 1 } }))).body).toEqual({
        error: `Multiple conflicting fields: '${labels}'`,
      })
    })
  })

  describe('supplier parts', () => {
    // The generated types make the schema's read-only fields part of the body; InvenTree ignores them.
    const readOnly = { pk: 0, barcode_hash: '', pack_quantity_native: 1 }

    it('creates one, finds it by SKU, and refuses the same part, supplier and SKU twice', async () => {
      const { api } = await server()
      const body = {
        ...readOnly,
        part: 4,
        supplier: 1,
        SKU: '1276-1000-1-ND',
        manufacturer_part: 4,
        pack_quantity: '4000',
      }
      const created = await answer(api.POST('/api/company/part/', { body }))
      expect(created).toMatchObject({
        status: 201,
        body: { pk: 6, part: 4, supplier: 1, SKU: '1276-1000-1-ND', pack_quantity: '4000', pack_quantity_native: 4000 },
      })
      const found = await answer(
        api.GET('/api/company/part/', { params: { query: { limit: 10, SKU: '1276-1000-1-ND' } } }),
      )
      expect(found.body).toMatchObject({ count: 1, results: [{ pk: 6 }] })
      expect(await answer(api.POST('/api/company/part/', { body }))).toEqual({
        status: 400,
        body: { non_field_errors: ['The fields part, supplier, SKU must make a unique set.'] },
      })
    })

    it('refuses a manufacturer part of another part, and a company that is no supplier', async () => {
      const { api } = await server()
      expect(
        (
          await answer(
            api.POST('/api/company/part/', {
              body: { ...readOnly, part: 4, supplier: 1, SKU: 'X-1', manufacturer_part: 3 },
            }),
          )
        ).body,
      ).toEqual({ manufacturer_part: ['Linked manufacturer part must reference the same base part'] })
      expect(
        (await answer(api.POST('/api/company/part/', { body: { ...readOnly, part: 4, supplier: 2, SKU: 'X-1' } })))
          .body,
      ).toEqual({ supplier: ['Invalid pk "2" - object does not exist.'] })
    })
  })

  describe('what tests of the desk’s pushes rely on', () => {
    it('cuts a write after applying it, without touching reads, and records what it applied', async () => {
      const { s, api } = await server()
      s.faults.dropNextWrite = 1
      expect((await answer(api.GET('/api/stock/{id}/', { params: { path: { id: 1 } } }))).status).toBe(200)
      const cut = await receive(api, 2, { items: [{ line_item: 3, quantity: '4', barcode: RESISTOR_BAG }] }).then(
        () => null,
        (err: unknown) => err,
      )
      expect(cut).toBeInstanceOf(InventreeError)
      expect((cut as InventreeError).kind).toBe('unreachable')
      // Only asking the server tells that the receipt landed.
      const line = await answer(api.GET('/api/order/po-line/{id}/', { params: { path: { id: 3 } } }))
      expect(line.body).toMatchObject({ received: 4 })
      expect(s.state.applied).toEqual([
        expect.objectContaining({
          operationId: 'order_po_receive_create',
          method: 'POST',
          path: '/api/order/po/2/receive/',
          user: 'receiver',
          status: 201,
          body: { items: [{ line_item: 3, quantity: '4', barcode: RESISTOR_BAG }] },
        }),
      ])
      // The replay InvenTree itself refuses: the bag's barcode is on the stock item the first push created.
      expect((await receive(api, 2, { items: [{ line_item: 3, quantity: '4', barcode: RESISTOR_BAG }] })).body).toEqual(
        {
          items: [{ barcode: ['Barcode is already in use'] }],
        },
      )
    })

    it('fails a write without applying it, and leaves reads alone', async () => {
      const { s, api } = await server()
      s.faults.failNextWrite = 1
      expect((await answer(api.GET('/api/stock/{id}/', { params: { path: { id: 1 } } }))).status).toBe(200)
      expect((await answer(api.POST('/api/stock/add/', { body: { items: [{ pk: 1, quantity: '1' }] } }))).status).toBe(
        500,
      )
      expect(s.state.stock.get(1)!.quantity).toBe(250)
      expect(s.state.applied).toEqual([])
      expect((await answer(api.POST('/api/stock/add/', { body: { items: [{ pk: 1, quantity: '1' }] } }))).status).toBe(
        201,
      )
    })

    it('ends in the same state after the same writes, whatever faults cut their answers', async () => {
      const run = async (faulty: boolean) => {
        const { s, api } = await server()
        const writes = [
          () => receive(api, 2, { items: [{ line_item: 3, quantity: '10', barcode: RESISTOR_BAG }] }),
          () => answer(api.POST('/api/stock/transfer/', { body: { items: [{ pk: 3, quantity: '4' }], location: 3 } })),
          () => answer(api.POST('/api/barcode/link/', { body: { barcode: 'SHELF-A', stocklocation: 3 } })),
        ]
        for (const write of writes) {
          if (faulty) s.faults.dropNextWrite = 1
          await write().catch(() => undefined)
        }
        return s.state.snapshot()
      }
      expect(await run(true)).toEqual(await run(false))
    })

    it('dates every change, so a pull of what changed since today sees it', async () => {
      const { api } = await server()
      const today = new Date().toISOString().slice(0, 10)
      const changed = async () =>
        (await answer(api.GET('/api/stock/', { params: { query: { limit: 10, updated_after: today } } }))).body
      expect(await changed()).toMatchObject({ count: 0 })
      await answer(api.POST('/api/stock/add/', { body: { items: [{ pk: 2, quantity: '5' }] } }))
      await receive(api, 2, { items: [{ line_item: 3, quantity: '1' }] })
      expect(await changed()).toMatchObject({ count: 2, results: [{ pk: 2 }, { pk: 3 }] })
    })

    it('keeps its indexes when a test replaces a list of the data', async () => {
      const { s, api } = await server()
      s.state.data.stock = [{ pk: 40, part: 2, quantity: 7, location: 3, barcode_hash: barcodeHash('REPLACED') }]
      expect((await answer(api.GET('/api/stock/{id}/', { params: { path: { id: 1 } } }))).status).toBe(404)
      expect((await answer(api.POST('/api/barcode/', { body: { barcode: 'REPLACED' } }))).body).toMatchObject({
        stockitem: { pk: 40 },
      })
      const created = await receive(api, 2, { items: [{ line_item: 4, quantity: '1' }] })
      expect(created.body).toEqual([expect.objectContaining({ pk: 41 })])
    })
  })
})
