import { describe, expect, it } from 'vitest'
import type { ScanMatch } from '../../contract'
import { dispatch } from '../../dispatch'
import { Station } from '../station'
import { tempDbPath } from '../../tests/support/temp-db'
import { dbOf, openTestStation } from '../../tests/support/station'

const GS = '\u001D'
const RS = '\u001E'
const EOT = '\u0004'

/** A DigiKey bag label for a line of demo order PO-0001. */
const digikey = (sku: string, mpn: string, qty: number, lot: string, po = 'PO-0001') =>
  `[)>${RS}06${GS}P${sku}${GS}1P${mpn}${GS}30P${sku}${GS}K${po}${GS}1K84213377${GS}10K55512${GS}9D2346${GS}1T${lot}${GS}11K1${GS}4LTW${GS}Q${qty}${GS}11ZPICK${GS}12Z998877${GS}13Z400${GS}20Z0000000000${RS}${EOT}`

const state = (station: Station): string =>
  JSON.stringify(
    ['stockitem', 'stocktracking', 'stockaction', 'stockactionitem'].map((t) =>
      dbOf(station).prepare(`SELECT * FROM ${t} ORDER BY rowid`).all(),
    ),
  )

describe('stock actions', () => {
  it('moves, undoes and moves again, with a tracking row per step naming the operator', async () => {
    const station = openTestStation({ dbPath: tempDbPath() })
    station.signIn({ badge: 'OP-1002' })
    const bin = station.search({ query: 'Bin C2' }).find((h) => h.model === 'stocklocation')!.pk
    const items = [1, 2, 3]
    const from = items.map(
      (pk) =>
        (dbOf(station).prepare('SELECT location_id FROM stockitem WHERE id = ?').get(pk) as { location_id: number })
          .location_id,
    )
    const moved = station.stockAction({ action: 'move', items, location: bin })
    expect(moved.summary).toBe('Moved 3 stock items to Bin C2')
    station.undo({})
    expect(
      items.map(
        (pk) =>
          (dbOf(station).prepare('SELECT location_id FROM stockitem WHERE id = ?').get(pk) as { location_id: number })
            .location_id,
      ),
    ).toEqual(from)
    station.stockAction({ action: 'move', items, location: bin })
    const tracking = dbOf(station)
      .prepare(
        "SELECT t.kind, o.name AS operator FROM stocktracking t JOIN operator o ON o.id = t.operator_id WHERE t.stockitem_id = 1 AND t.kind <> 'created' ORDER BY t.id",
      )
      .all()
    expect(tracking).toEqual([
      { kind: 'moved', operator: 'Sam Stores' },
      { kind: 'undone', operator: 'Sam Stores' },
      { kind: 'moved', operator: 'Sam Stores' },
    ])
  })

  it('leaves the database exactly as it was when an item in the middle of a bulk action is gone', async () => {
    const station = openTestStation({ dbPath: tempDbPath() })
    dbOf(station).prepare('DELETE FROM stockitem WHERE id = 5').run()
    const bin = station.search({ query: 'Bin A3' })[0]!.pk
    const before = state(station)
    for (const action of [
      { action: 'move', items: [1, 2, 5, 6], location: bin },
      { action: 'count', items: [1, 5], quantity: 3 },
      { action: 'merge', items: [1, 5] },
    ] as const) {
      const reply = await dispatch(station, 'stockAction', action)
      expect(reply).toMatchObject({
        ok: false,
        error: { code: 'not_found', message: 'Stock item #5 no longer exists' },
      })
      expect(state(station)).toBe(before)
    }
  })

  it('refuses to remove more than there is, to merge different parts, and to stock a structural location', async () => {
    const station = openTestStation({ dbPath: tempDbPath() })
    const qty = (dbOf(station).prepare('SELECT quantity FROM stockitem WHERE id = 1').get() as { quantity: number })
      .quantity
    expect(() => station.stockAction({ action: 'remove', items: [1], quantity: qty + 1 })).toThrow(/cannot remove/)
    const otherPart = (
      dbOf(station)
        .prepare('SELECT id FROM stockitem WHERE part_id <> (SELECT part_id FROM stockitem WHERE id = 1) LIMIT 1')
        .get() as { id: number }
    ).id
    expect(() => station.stockAction({ action: 'merge', items: [1, otherPart] })).toThrow(/same part/)
    expect(() => station.stockAction({ action: 'move', items: [1], location: 1 })).toThrow(/structural/)
  })

  it('counts, adds, removes and merges, and refuses to undo over a later change', async () => {
    const station = openTestStation({ dbPath: tempDbPath() })
    const sameParts = dbOf(station)
      .prepare(
        'SELECT id, quantity FROM stockitem WHERE part_id = (SELECT part_id FROM stockitem GROUP BY part_id HAVING count(*) >= 2 LIMIT 1) ORDER BY id',
      )
      .all() as { id: number; quantity: number }[]
    const [a, b] = sameParts as [{ id: number; quantity: number }, { id: number; quantity: number }]
    station.stockAction({ action: 'count', items: [a.id], quantity: 40 })
    station.stockAction({ action: 'add', items: [a.id], quantity: 5 })
    station.stockAction({ action: 'remove', items: [a.id], quantity: 2 })
    const merged = station.stockAction({ action: 'merge', items: [a.id, b.id] })
    const q = (id: number) =>
      (dbOf(station).prepare('SELECT quantity FROM stockitem WHERE id = ?').get(id) as { quantity: number }).quantity
    expect([q(a.id), q(b.id)]).toEqual([43 + b.quantity, 0])
    station.stockAction({ action: 'add', items: [a.id], quantity: 1 })
    expect(() => station.undo({ actionId: merged.actionId })).toThrow(/has changed since/)
    station.undo({})
    station.undo({})
    expect([q(a.id), q(b.id)]).toEqual([43, b.quantity])
  })
})

describe('the scan page session', () => {
  it('collects scans with type, quantity and location, flags duplicates, takes a location as the target, and survives a restart', async () => {
    const dbPath = tempDbPath()
    let station = openTestStation({ dbPath })
    const session = station.sessionStart({ kind: 'scan' })
    const add = (data: string) => station.sessionAdd({ session: session.id, data, source: 'wedge' })
    expect(add('INV-SI1').row).toMatchObject({ type: 'Stock item', model: 'stockitem', pk: 1, flag: 'ok' })
    expect(add('{"part": 2}').row).toMatchObject({ type: 'Part', quantity: null })
    expect(add('INV-SI1').row).toMatchObject({ flag: 'duplicate' })
    expect(add('nonsense').row).toMatchObject({ flag: 'unknown', type: 'Unknown' })
    const target = add('INV-SL20')
    expect(target.row).toBeNull()
    expect(target.session.location?.pk).toBe(20)
    station.close()

    station = openTestStation({ dbPath })
    const restored = station.sessionCurrent({ kind: 'scan' })!
    expect(restored.id).toBe(session.id)
    expect(restored.rows.map((r) => r.flag)).toEqual(['ok', 'ok', 'duplicate', 'unknown'])
    expect(restored.location?.pk).toBe(20)
    const removed = station.sessionRemoveRow({ session: session.id, row: restored.rows[3]!.id })
    expect(removed.rowCount).toBe(3)
  })
})

describe('receiving against a purchase order', () => {
  it('receives from supplier labels (one stripped, one twice), commits in one go and links the bags to their stock', async () => {
    const station = openTestStation({ dbPath: tempDbPath() })
    station.signIn({ badge: 'OP-1001' })
    const lines = dbOf(station)
      .prepare(
        'SELECT l.id, sp.sku, mp.mpn, l.quantity FROM purchaseorderline l JOIN supplierpart sp ON sp.id = l.supplier_part_id JOIN manufacturerpart mp ON mp.id = sp.manufacturer_part_id WHERE l.order_id = 1 ORDER BY l.id',
      )
      .all() as { id: number; sku: string; mpn: string; quantity: number }[]
    const session = station.sessionStart({ kind: 'receive' })
    const add = (data: string) => station.sessionAdd({ session: session.id, data, source: 'wedge' })
    const first = add(digikey(lines[0]!.sku, lines[0]!.mpn, 10, 'LOT-A'))
    expect(first.session.purchaseOrder?.name).toBe('PO-0001') // the first label picked the order
    expect(first.row).toMatchObject({
      flag: 'ok',
      quantity: 10,
      lot: 'LOT-A',
      dateCode: '2346',
      location: { name: 'Receiving Bench' },
    })
    const stripped = add(
      digikey(lines[1]!.sku, lines[1]!.mpn, 20, 'LOT-B').replaceAll(GS, '').replaceAll(RS, '').replaceAll(EOT, ''),
    )
    expect(stripped.row).toMatchObject({ flag: 'ok', quantity: 20, lot: 'LOT-B' })
    const twice = add(
      digikey(lines[1]!.sku, lines[1]!.mpn, 20, 'LOT-B').replaceAll(GS, '').replaceAll(RS, '').replaceAll(EOT, ''),
    )
    expect(twice.row).toMatchObject({ flag: 'duplicate' })
    const over = add(digikey(lines[0]!.sku, lines[0]!.mpn, 5, 'LOT-C'))
    expect(over.row).toMatchObject({ flag: 'over', note: expect.stringMatching(/Over-receipt/) })
    expect(add('INV-SI1').row).toMatchObject({ flag: 'unknown' })
    const header = over.session
    expect(header.lines[0]).toMatchObject({ ordered: 10, scanned: 15, remaining: 0, over: 5 })
    expect(header.lines[1]).toMatchObject({
      ordered: lines[1]!.quantity,
      scanned: 20,
      remaining: lines[1]!.quantity - 20,
    })

    const committed = station.sessionCommit({ session: session.id, confirm: true })
    expect(committed.created).toHaveLength(3)
    const created = dbOf(station)
      .prepare(
        `SELECT s.id, s.quantity, s.batch, l.name AS location, s.purchase_order_id FROM stockitem s JOIN stocklocation l ON l.id = s.location_id WHERE s.id IN (${committed.created.map((c) => c.stockitem).join(',')}) ORDER BY s.id`,
      )
      .all()
    expect(created).toEqual([
      {
        id: committed.created[0]!.stockitem,
        quantity: 10,
        batch: 'LOT-A',
        location: 'Receiving Bench',
        purchase_order_id: 1,
      },
      {
        id: committed.created[1]!.stockitem,
        quantity: 20,
        batch: 'LOT-B',
        location: 'Receiving Bench',
        purchase_order_id: 1,
      },
      {
        id: committed.created[2]!.stockitem,
        quantity: 5,
        batch: 'LOT-C',
        location: 'Receiving Bench',
        purchase_order_id: 1,
      },
    ])
    expect(dbOf(station).prepare('SELECT received FROM purchaseorderline WHERE id = ?').get(lines[0]!.id)).toEqual({
      received: 15,
    })
    // The bag's label now opens its stock item.
    const again = station.scan({
      data: digikey(lines[0]!.sku, lines[0]!.mpn, 10, 'LOT-A'),
      source: 'wedge',
    }) as ScanMatch
    expect(again.stockitem?.pk).toBe(committed.created[0]!.stockitem)
    const tracked = dbOf(station)
      .prepare("SELECT o.name FROM stocktracking t JOIN operator o ON o.id = t.operator_id WHERE t.kind = 'received'")
      .all()
    expect(tracked).toHaveLength(3)
    expect(await dispatch(station, 'sessionAdd', { session: session.id, data: 'INV-SI1' })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    })
  })

  it('receives the whole Mouser order from Mouser labels, every line matched though DigiKey stocks the same parts', async () => {
    const station = openTestStation({ dbPath: tempDbPath() })
    station.signIn({ badge: 'OP-1001' })
    const lines = dbOf(station)
      .prepare(
        `SELECT l.id, sp.sku, mp.mpn, m.name AS maker, l.quantity,
                EXISTS (SELECT 1 FROM supplierpart d JOIN company c ON c.id = d.supplier_id
                        WHERE c.name = 'DigiKey' AND d.manufacturer_part_id = mp.id) AS atDigikey
         FROM purchaseorderline l JOIN supplierpart sp ON sp.id = l.supplier_part_id
         JOIN manufacturerpart mp ON mp.id = sp.manufacturer_part_id JOIN company m ON m.id = mp.manufacturer_id
         WHERE l.order_id = 2 ORDER BY l.id`,
      )
      .all() as { id: number; sku: string; mpn: string; maker: string; quantity: number; atDigikey: number }[]
    expect(lines).toHaveLength(5)
    expect(lines.some((l) => l.atDigikey)).toBe(true)
    const session = station.sessionStart({ kind: 'receive', purchaseOrder: 2 })
    lines.forEach((l, i) => {
      // As Mouser prints its bag labels: our order, its line, Mouser's part number, the MPN, the quantity…
      const label = `>[)>06${GS}KPO-0002${GS}14K${String(i + 1).padStart(3, '0')}${GS}P${l.sku}${GS}1P${l.mpn}${GS}Q${l.quantity}${GS}11K066521234${GS}4LCN${GS}1V${l.maker}${GS}1TM${i}`
      const added = station.sessionAdd({ session: session.id, data: label, source: 'wedge' })
      expect(added.row, l.mpn).toMatchObject({ flag: 'ok', lineId: l.id, quantity: l.quantity, note: '' })
    })
    const header = station.sessionCurrent({ kind: 'receive' })!
    expect(header.rowCount).toBe(5)
    const committed = station.sessionCommit({ session: session.id })
    expect(committed.created).toHaveLength(5)
    const received = dbOf(station)
      .prepare('SELECT quantity, received FROM purchaseorderline WHERE order_id = 2 ORDER BY id')
      .all() as { quantity: number; received: number }[]
    expect(received.map((r) => r.received)).toEqual(lines.map((l) => l.quantity))
  })

  it('converts pack quantities, takes a scanned destination, and runs on command barcodes alone', async () => {
    const station = openTestStation({ dbPath: tempDbPath() })
    const line = dbOf(station)
      .prepare(
        'SELECT sp.sku, mp.mpn, sp.pack_quantity FROM purchaseorderline l JOIN supplierpart sp ON sp.id = l.supplier_part_id JOIN manufacturerpart mp ON mp.id = sp.manufacturer_part_id WHERE l.order_id = 3 AND sp.pack_quantity > 1 LIMIT 1',
      )
      .get() as { sku: string; mpn: string; pack_quantity: number }
    const session = station.sessionStart({ kind: 'receive', purchaseOrder: 3 })
    const add = (data: string) => station.sessionAdd({ session: session.id, data, source: 'wedge' })
    expect(add('INV-SL20').message).toMatch(/^Destination: /)
    add(`{pbn:PICK1,on:WM2411190087,pc:${line.sku},pm:${line.mpn},qty:2,mc:,cc:1}`)
    expect(add('CMD:QTY:3')).toMatchObject({ command: { name: 'quantity', value: 3 }, row: { quantity: 3 } })
    add('INV-SI1')
    expect(add('CMD:UNDO').message).toMatch(/Removed the last scan/)
    const done = add('CMD:COMMIT')
    expect(done.session.status).toBe('committed')
    const stock = dbOf(station).prepare('SELECT quantity, location_id FROM stockitem ORDER BY id DESC LIMIT 1').get()
    expect(stock).toEqual({ quantity: 3 * line.pack_quantity, location_id: 20 })
  })

  it('keeps one open receipt, restored after a restart, until it is committed or dropped', async () => {
    const dbPath = tempDbPath()
    let station = openTestStation({ dbPath })
    const session = station.sessionStart({ kind: 'receive', purchaseOrder: 2 })
    station.sessionAdd({
      session: session.id,
      data: `>[)>06${GS}KPO-0002${GS}14K007${GS}1PSTM32F103C8T6${GS}Q50`,
      source: 'wedge',
    })
    expect(() => station.sessionStart({ kind: 'receive', purchaseOrder: 1 })).toThrow(/PO-0002 is open/)
    station.close()
    station = openTestStation({ dbPath })
    const restored = station.sessionCurrent({ kind: 'receive' })!
    expect(restored).toMatchObject({ id: session.id, purchaseOrder: { name: 'PO-0002' }, rowCount: 1 })
    station.sessionDrop({ session: session.id })
    expect(station.sessionCurrent({ kind: 'receive' })).toBeNull()
  })

  it('signs an operator in when their badge is scanned', async () => {
    const station = openTestStation({ dbPath: tempDbPath() })
    expect(station.scan({ data: 'OP-1001', source: 'wedge' })).toMatchObject({
      plugin: 'OperatorBadge',
      operator: { name: 'Alex Receiving' },
    })
    expect(station.info().operator?.name).toBe('Alex Receiving')
    expect(station.history({ limit: 1 })[0]!.operator).toBe('Alex Receiving')
  })
})
