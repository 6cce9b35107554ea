import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ScanMatch } from '../../contract'
import { schemaAbsent, SKIP_REASON } from '../../tests/inventree-standin/fixture'
import type { Standin } from '../../tests/inventree-standin/server'
import {
  digikeyLabel,
  openReplicaStation,
  PO1_LINES,
  receiveBags,
  startDemoStandin,
} from '../../tests/support/replica-station'
import { dbOf, signInAdmin } from '../../tests/support/station'
import { barcodeHash } from '../barcode/hash'
import { openDatabase } from '../db/connection'
import type { Station } from '../station'
import { createInventreeClient } from './client'
import { pushOutbox } from './push'

if (schemaAbsent) console.warn(SKIP_REASON)

const bag = (line: 0 | 1, qty: number, lot: string) => digikeyLabel(PO1_LINES[line].sku, PO1_LINES[line].mpn, qty, lot)

const applied = (s: Standin, operationId: string) => s.state.applied.filter((a) => a.operationId === operationId)

describe.skipIf(schemaAbsent)('pushing the outbox to InvenTree', { timeout: 60_000 }, () => {
  let standin: Standin
  let station: Station
  beforeEach(async () => {
    standin = await startDemoStandin()
    station = await openReplicaStation(standin)
    station.signIn({ badge: 'OP-1001' })
  })
  afterEach(async () => {
    station.close()
    await standin.close()
    expect(standin.gate.rejections).toEqual([])
  })

  it('receives offline bags on the server with their quantities, lots and barcodes; the desk items take the server pks', async () => {
    const made = receiveBags(station, [
      { line: 0, qty: 500, lot: 'LOT-A' },
      { line: 1, qty: 200, lot: 'LOT-B' },
    ])
    const summary = await station.inventreeSync({})
    expect(summary).toMatchObject({ pushed: 2, parked: 0, queued: 0, stopped: null })
    const received = standin.state
      .snapshot()
      .stock.filter((s) => s.purchase_order === 1)
      .map((s) => ({ quantity: Number(s.quantity), batch: s.batch, location: s.location, hash: s.barcode_hash }))
    expect(received).toEqual([
      // Goods-in: the order's destination, where the desk put them.
      { quantity: 500, batch: 'LOT-A', location: 2, hash: barcodeHash(bag(0, 500, 'LOT-A')) },
      { quantity: 200, batch: 'LOT-B', location: 2, hash: barcodeHash(bag(1, 200, 'LOT-B')) },
    ])
    // Every line received in full: InvenTree completed the order.
    expect(standin.state.snapshot().orders.find((o) => o.pk === 1)?.status).toBe(30)
    const serverPks = applied(standin, 'order_po_receive_create').map((a) => (a.response as { pk: number }[])[0]!.pk)
    const db = dbOf(station)
    expect(db.prepare('SELECT id FROM stockitem WHERE purchase_order_id = 1 ORDER BY id').pluck().all()).toEqual(
      serverPks,
    )
    // A label printed at the desk before the push still opens the item, now under its server pk; so does the bag.
    const byOldLabel = station.scan({ data: `{"stockitem": ${made[0]!.stockitem}}`, source: 'manual' }) as ScanMatch
    expect(byOldLabel.stockitem?.pk).toBe(serverPks[0])
    const byBag = station.scan({ data: bag(1, 200, 'LOT-B'), source: 'manual' }) as ScanMatch
    expect(byBag.stockitem?.pk).toBe(serverPks[1])
    // The history of the receipt follows the item to its new pk.
    expect(
      db
        .prepare("SELECT count(*) FROM stocktracking WHERE stockitem_id = ? AND kind = 'received'")
        .pluck()
        .get(serverPks[0]),
    ).toBe(1)
  })

  it('applies a receipt once when the answer was lost after the server applied it, and says it confirmed it', async () => {
    receiveBags(station, [{ line: 0, qty: 10, lot: 'LOT-A' }])
    standin.faults.dropNextWrite = 1
    const cut = await station.inventreeSync({})
    expect(cut.stopped).toMatch(/Cannot reach/)
    expect(cut.queued).toBe(1)
    expect(applied(standin, 'order_po_receive_create')).toHaveLength(1)
    expect(station.inventreeStatus()).toMatchObject({ state: 'offline', queued: 1 })
    const again = await station.inventreeSync({})
    expect(again).toMatchObject({ pushed: 0, confirmed: 1, queued: 0, parked: 0, stopped: null })
    expect(applied(standin, 'order_po_receive_create')).toHaveLength(1)
    expect(standin.state.snapshot().lines.find((l) => l.pk === 1)?.received).toBe(10)
    expect(station.inventreeStatus()).toMatchObject({ state: 'idle', queued: 0, lastError: null })
  })

  it('pushes moves, counts, adds and removes in order, each once, and the pull then agrees with the desk', async () => {
    station.stockAction({ action: 'move', items: [1, 2], location: 2 })
    station.stockAction({ action: 'count', items: [1], quantity: 240 })
    station.stockAction({ action: 'add', items: [2], quantity: 7 })
    standin.faults.dropNextWrite = 1 // the add's answer is lost: its check must see 100 + 7 and not add again
    station.stockAction({ action: 'remove', items: [1], quantity: 40 })
    const first = await station.inventreeSync({})
    expect(first.stopped).toMatch(/Cannot reach/)
    const second = await station.inventreeSync({})
    expect(second).toMatchObject({ queued: 0, parked: 0, stopped: null })
    expect(first.pushed + second.pushed + second.confirmed).toBe(4)
    const stock = standin.state.snapshot().stock
    expect(stock.filter((s) => s.pk <= 2).map((s) => [s.pk, s.location, Number(s.quantity)])).toEqual([
      [1, 2, 200],
      [2, 2, 107],
    ])
    expect(applied(standin, 'stock_transfer_create')).toHaveLength(1)
    expect(applied(standin, 'stock_add_create')).toHaveLength(1)
    const local = dbOf(station)
      .prepare('SELECT id, location_id, quantity FROM stockitem WHERE id <= 2 ORDER BY id')
      .all()
    expect(local).toEqual([
      { id: 1, location_id: 2, quantity: 200 },
      { id: 2, location_id: 2, quantity: 107 },
    ])
  })

  it('parks a receipt for an order completed elsewhere with the server’s reason, and a retry sends it once re-placed', async () => {
    receiveBags(station, [{ line: 0, qty: 10, lot: 'LOT-A' }])
    standin.state.data.purchaseOrders!.find((o) => o.pk === 1)!.status = 30
    const parked = await station.inventreeSync({})
    expect(parked).toMatchObject({ pushed: 0, parked: 1, queued: 0, stopped: null })
    const [row] = station.inventreeOutbox({ states: ['parked'] })
    expect(row).toMatchObject({ kind: 'receive', state: 'parked', editable: ['location', 'quantity'] })
    expect(row!.reason).toMatch(/Lines can only be received against an order marked as 'PLACED'/)
    expect(station.inventreeStatus()).toMatchObject({ parked: 1, queued: 0 })
    standin.state.data.purchaseOrders!.find((o) => o.pk === 1)!.status = 20
    station.inventreeResolve({ id: row!.id, action: 'retry' })
    expect(await station.inventreeSync({})).toMatchObject({ pushed: 1, parked: 0 })
    expect(applied(standin, 'order_po_receive_create')).toHaveLength(1)
  })

  it('an edited parked row goes out as changed; a discarded one leaves the server’s state standing', async () => {
    // Goods-in became a structural location on the server after the desk pulled.
    standin.state.data.locations!.find((l) => l.pk === 2)!.structural = true
    station.stockAction({ action: 'count', items: [1], quantity: 240 })
    station.stockAction({ action: 'move', items: [2], location: 2 })
    expect(await station.inventreeSync({})).toMatchObject({ pushed: 1, parked: 1 })
    const [move] = station.inventreeOutbox({ states: ['parked'] })
    expect(move!.reason).toMatch(/structural stock locations/)
    await signInAdmin(station)
    station.inventreeResolve({ id: move!.id, action: 'edit', location: 3 })
    expect(await station.inventreeSync({})).toMatchObject({ pushed: 1, parked: 0 })
    expect(applied(standin, 'stock_transfer_create')).toHaveLength(0) // item 2 was on Shelf A already
    expect(standin.state.snapshot().stock.find((s) => s.pk === 2)?.location).toBe(3)

    // Item 2 was used up on the server meanwhile; the desk still moves it, which parks rather than passes.
    standin.state.data.stock = standin.state.data.stock!.filter((s) => s.pk !== 2)
    station.stockAction({ action: 'move', items: [2], location: 3 })
    await station.inventreeSync({})
    const [moved] = station.inventreeOutbox({ states: ['parked'] })
    expect(moved!.reason).toMatch(/no longer has stock item 2/)
    station.inventreeResolve({ id: moved!.id, action: 'discard' })

    // Item 1 was used up on the server meanwhile; the desk still counts it.
    standin.state.data.stock = standin.state.data.stock!.filter((s) => s.pk !== 1)
    station.stockAction({ action: 'count', items: [1], quantity: 230 })
    await station.inventreeSync({})
    const [gone] = station.inventreeOutbox({ states: ['parked'] })
    expect(gone!.reason).toMatch(/does not exist/)
    station.inventreeResolve({ id: gone!.id, action: 'discard' })
    await station.inventreeSync({})
    // The desk read the item again: the server has it no more, so neither does the desk.
    expect(dbOf(station).prepare('SELECT 1 FROM stockitem WHERE id = 1').get()).toBeUndefined()
    expect(station.inventreeOutbox({})).toEqual([])
  })

  it('keeps everything queued while the token is refused, and says so', async () => {
    station.stockAction({ action: 'count', items: [1], quantity: 240 })
    standin.state.revokeTokensOf('receiver')
    const refused = await station.inventreeSync({})
    expect(refused.stopped).toMatch(/refused the token/)
    expect(station.inventreeStatus()).toMatchObject({ state: 'token_refused', queued: 1 })
    expect(applied(standin, 'stock_count_create')).toHaveLength(0)
  })

  it('creates a supplier part made from a label at the desk, and links and unlinks barcodes', async () => {
    const made = station.createSupplierPart({ supplier: 1, sku: '311-NEW-ND', part: 1, packQuantity: 1 })
    expect(made.supplierpart.pk).toBeLessThan(0)
    station.link({ model: 'stockitem', pk: 1, data: 'CARTON-0001' })
    station.unlink({ model: 'stockitem', pk: 1 })
    station.link({ model: 'stockitem', pk: 2, data: 'CARTON-0002' })
    expect(await station.inventreeSync({})).toMatchObject({ pushed: 4, parked: 0 })
    const server = standin.state.snapshot()
    const sp = server.supplierParts.find((s) => s.SKU === '311-NEW-ND')!
    expect(dbOf(station).prepare('SELECT id FROM supplierpart WHERE sku = ?').pluck().get('311-NEW-ND')).toBe(sp.pk)
    expect(server.stock.find((s) => s.pk === 1)?.barcode_hash).toBe('')
    expect(server.stock.find((s) => s.pk === 2)?.barcode_hash).toBe(barcodeHash('CARTON-0002'))
  })
})

describe.skipIf(schemaAbsent)('two desks on one server', { timeout: 60_000 }, () => {
  it('each receives half the bags offline, one bag at both: quantities add up, the shared bag is received once', async () => {
    const standin = await startDemoStandin()
    const a = await openReplicaStation(standin)
    const b = await openReplicaStation(standin)
    try {
      for (const desk of [a, b]) desk.signIn({ badge: 'OP-1001' })
      receiveBags(a, [
        { line: 0, qty: 100, lot: 'A1' },
        { line: 0, qty: 100, lot: 'A2' },
        { line: 1, qty: 50, lot: 'SHARED' },
      ])
      receiveBags(b, [
        { line: 0, qty: 100, lot: 'B1' },
        { line: 1, qty: 50, lot: 'B2' },
        { line: 1, qty: 50, lot: 'SHARED' },
      ])
      expect(await a.inventreeSync({})).toMatchObject({ pushed: 3, parked: 0 })
      expect(await b.inventreeSync({})).toMatchObject({ pushed: 2, parked: 1 })
      const lines = standin.state.snapshot().lines.filter((l) => l.order === 1)
      expect(lines.map((l) => [l.pk, l.received])).toEqual([
        [1, 300],
        [2, 100],
      ])
      const shared = barcodeHash(bag(1, 50, 'SHARED'))
      expect(standin.state.snapshot().stock.filter((s) => s.barcode_hash === shared)).toHaveLength(1)
      const [parked] = b.inventreeOutbox({ states: ['parked'] })
      expect(parked!.reason).toMatch(/Barcode is already in use/)

      // After its pull, desk B knows desk A's bags: scanning one into a receipt flags it as already received.
      const session = b.sessionStart({ kind: 'receive' })
      const again = b.sessionAdd({ session: session.id, data: bag(0, 100, 'A1'), source: 'wedge' })
      expect(again.row?.flag).toBe('duplicate')
      expect(standin.gate.rejections).toEqual([])
    } finally {
      a.close()
      b.close()
      await standin.close()
    }
  })
})

describe.skipIf(schemaAbsent)('two pushers on one database', { timeout: 60_000 }, () => {
  it('send each row once: the second waits while the first holds the push lease', async () => {
    const standin = await startDemoStandin()
    const station = await openReplicaStation(standin)
    try {
      station.signIn({ badge: 'OP-1001' })
      for (let n = 0; n < 6; n++) station.stockAction({ action: 'count', items: [1], quantity: 200 + n })
      standin.faults.delayMs = 20
      const other = openDatabase(station.dbPath)
      const client = createInventreeClient({ url: standin.url, credentials: { token: standin.issueToken('receiver') } })
      try {
        const [a, b] = await Promise.all([pushOutbox(dbOf(station), { client }), pushOutbox(other, { client })])
        expect(a.pushed + b.pushed).toBe(6)
        expect([a.stopped, b.stopped]).toContain('Another station process on this database is pushing its outbox')
      } finally {
        other.close()
      }
      expect(applied(standin, 'stock_count_create')).toHaveLength(6)
    } finally {
      station.close()
      await standin.close()
    }
  })
})
