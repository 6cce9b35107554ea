import { describe, expect, it } from 'vitest'
import { dispatch } from '../../dispatch'
import { dbOf, openTestStation } from '../../tests/support/station'
import { tempDbPath } from '../../tests/support/temp-db'
import type { Station } from '../station'

const GS = '\u001D'
const RS = '\u001E'
const EOT = '\u0004'

/** A DigiKey bag label for a line of demo order PO-0001. */
const digikey = (sku: string, mpn: string, qty: number, lot: string) =>
  `[)>${RS}06${GS}P${sku}${GS}1P${mpn}${GS}KPO-0001${GS}9D2346${GS}1T${lot}${GS}Q${qty}${RS}${EOT}`

interface Line {
  id: number
  sku: string
  mpn: string
  part: string
  quantity: number
}

function setUp(): {
  station: Station
  lines: Line[]
  session: number
  add: (data: string) => ReturnType<Station['sessionAdd']>
} {
  const station = openTestStation({ dbPath: tempDbPath() })
  station.signIn({ badge: 'OP-1001' })
  const lines = dbOf(station)
    .prepare(
      `SELECT l.id, sp.sku, mp.mpn, p.name AS part, l.quantity FROM purchaseorderline l JOIN supplierpart sp ON sp.id = l.supplier_part_id
       JOIN manufacturerpart mp ON mp.id = sp.manufacturer_part_id JOIN part p ON p.id = sp.part_id WHERE l.order_id = 1 ORDER BY l.id`,
    )
    .all() as Line[]
  const session = station.sessionStart({ kind: 'receive', purchaseOrder: 1 }).id
  const add = (data: string) => station.sessionAdd({ session, data, source: 'wedge' })
  return { station, lines, session, add }
}

const label = (l: Line, qty: number, lot: string) => digikey(l.sku, l.mpn, qty, lot)

/** Everything a receipt and its undo touch, to compare before and after. */
const receiptState = (station: Station): string =>
  JSON.stringify(
    ['stockitem', 'barcodelink', 'purchaseorderline', 'purchaseorder'].map((t) =>
      dbOf(station).prepare(`SELECT * FROM ${t} ORDER BY rowid`).all(),
    ),
  )

describe('a receipt destination', () => {
  it('applies to the bags scanned after the location, never to those already on the list', () => {
    const { station, lines, session, add } = setUp()
    const bins = station.search({ query: 'Bin' }).filter((h) => h.model === 'stocklocation')
    const [a, b] = bins as [(typeof bins)[number], (typeof bins)[number]]
    const before = add(label(lines[0]!, 2, 'L1')).row!
    expect(before.location?.name).toBe('Receiving Bench')
    expect(add(`INV-SL${a.pk}`).message).toBe(`Destination: ${a.title}, for the labels scanned from now on`)
    const afterA = add(label(lines[1]!, 3, 'L2')).row!
    add(`INV-SL${b.pk}`)
    const afterB = add(label(lines[2]!, 1, 'L3')).row!

    const rows = station.sessionCurrent({ kind: 'receive' })!.rows
    expect(rows.map((r) => [r.id, r.location?.name])).toEqual([
      [before.id, 'Receiving Bench'],
      [afterA.id, a.title],
      [afterB.id, b.title],
    ])
    const created = station.sessionCommit({ session }).created
    expect(created.map((c) => c.locationName)).toEqual(['Receiving Bench', a.title, b.title])
    const stored = created.map(
      (c) =>
        (
          dbOf(station).prepare('SELECT location_id FROM stockitem WHERE id = ?').get(c.stockitem) as {
            location_id: number
          }
        ).location_id,
    )
    expect(stored.slice(1)).toEqual([a.pk, b.pk])
  })
})

describe('a receipt row sent elsewhere', () => {
  it('goes where the clerk sends it, and never to a structural location', async () => {
    const { station, lines, session, add } = setUp()
    const row = add(label(lines[0]!, 2, 'L1')).row!
    const bin = station.search({ query: 'Bin C2' }).find((h) => h.model === 'stocklocation')!
    expect(station.sessionUpdateRow({ session, row: row.id, location: bin.pk }).location?.name).toBe('Bin C2')
    expect(await dispatch(station, 'sessionUpdateRow', { session, row: row.id, location: 1 })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/is a structural location and holds no stock/) },
    })
    expect(() => add('INV-SL1')).toThrow(/is a structural location and holds no stock; scan a bin or shelf inside it/)
    expect(station.sessionCommit({ session }).created[0]!.locationName).toBe('Bin C2')
  })
})

describe('committing flagged rows', () => {
  it('asks first, changing nothing, and names what is flagged; Confirm commit then answers', async () => {
    const { station, lines, session, add } = setUp()
    add(label(lines[0]!, 10, 'LOT-A'))
    add(label(lines[0]!, 10, 'LOT-A'))
    add(label(lines[0]!, 4, 'LOT-B'))
    add('NOT-A-LABEL')
    const before = receiptState(station)
    const reply = await dispatch(station, 'sessionCommit', { session })
    expect(reply).toMatchObject({
      ok: true,
      value: {
        status: 'open',
        created: [],
        confirm:
          '3 rows are flagged: 1 row over the order (received all the same); 1 duplicate package, 1 unknown item (not received). Commit anyway?',
      },
    })
    expect(receiptState(station)).toBe(before)
    expect(station.sessionCurrent({ kind: 'receive' })?.status).toBe('open')
    // The commit button's question is answered by the barcode as well as by the dialog.
    const done = add('CMD:CONFIRM')
    expect(done.session.status).toBe('committed')
    expect(done.created?.map((c) => c.quantity)).toEqual([10, 4])
  })

  it('commits flagged rows at once with confirm: true', () => {
    const { station, lines, session, add } = setUp()
    add(label(lines[0]!, 10, 'LOT-A'))
    add('NOT-A-LABEL')
    const done = station.sessionCommit({ session, confirm: true })
    expect(done.status).toBe('committed')
    expect(done.created).toHaveLength(1)
  })

  it('asks on the Commit barcode and commits on the Confirm barcode, for the rows it asked about only', () => {
    const { station, lines, add } = setUp()
    expect(() => add('CMD:CONFIRM')).toThrow('Nothing to confirm: scan Commit first')
    add(label(lines[0]!, 10, 'LOT-A'))
    add('NOT-A-LABEL')
    const asked = add('CMD:COMMIT')
    expect(asked.confirm).toBe('1 row is flagged: 1 unknown item (not received). Commit anyway?')
    expect(asked.message).toMatch(/Scan Confirm commit to commit/)
    expect(asked.session.status).toBe('open')

    // A scan after the question: the answer would be about other rows, so it is asked again.
    add(label(lines[1]!, 5, 'LOT-C'))
    expect(() => add('CMD:CONFIRM')).toThrow('The receipt changed since Commit was scanned; scan Commit again')
    expect(station.sessionCurrent({ kind: 'receive' })?.status).toBe('open')

    add('CMD:COMMIT')
    const confirmed = add('CMD:CONFIRM')
    expect(confirmed.session.status).toBe('committed')
    expect(confirmed.created?.map((c) => c.sku)).toEqual([lines[0]!.sku, lines[1]!.sku])
  })

  it('commits a clean receipt on Commit alone, and its summary names the parts', () => {
    const { lines, add } = setUp()
    add(label(lines[0]!, 4, 'LOT-A'))
    add(label(lines[0]!, 6, 'LOT-B'))
    add(label(lines[1]!, 5, 'LOT-C'))
    const done = add('CMD:COMMIT')
    expect(done.session.status).toBe('committed')
    expect(done.message).toBe(`Received 3 packages: 10 pcs ${lines[0]!.part} (2 packages), 5 pcs ${lines[1]!.part}`)
    expect(done.created?.map((c) => [c.part, c.sku, c.quantity])).toEqual([
      [lines[0]!.part, lines[0]!.sku, 4],
      [lines[0]!.part, lines[0]!.sku, 6],
      [lines[1]!.part, lines[1]!.sku, 5],
    ])
  })
})

describe('a duplicate package', () => {
  it('names its supplier part, whether scanned twice in the receipt or received before', () => {
    const { station, lines, session, add } = setUp()
    add(label(lines[0]!, 3, 'LOT-A'))
    const twice = add(label(lines[0]!, 3, 'LOT-A')).row!
    expect(twice).toMatchObject({ flag: 'duplicate', name: `DigiKey ${lines[0]!.sku}`, type: 'Supplier part' })
    expect(twice.note).toBe(
      `This package of DigiKey ${lines[0]!.sku} was already scanned in this receipt; it is not counted twice`,
    )
    const created = station.sessionCommit({ session, confirm: true }).created[0]!.stockitem
    const next = station.sessionStart({ kind: 'receive', purchaseOrder: 1 }).id
    const again = station.sessionAdd({ session: next, data: label(lines[0]!, 3, 'LOT-A'), source: 'wedge' }).row!
    expect(again).toMatchObject({ flag: 'duplicate', name: `DigiKey ${lines[0]!.sku}` })
    expect(again.note).toBe(`This package of DigiKey ${lines[0]!.sku} was already received as stock item #${created}`)
  })
})

describe('undoing a committed receipt', () => {
  it('deletes its stock, reverts the lines, the links and the completed order, and opens the receipt again', () => {
    const { station, lines, session, add } = setUp()
    const before = receiptState(station)
    // Every line in full: the commit completes the order.
    lines.forEach((l, i) => add(label(l, l.quantity, `LOT-${i}`)))
    const done = station.sessionCommit({ session })
    expect(dbOf(station).prepare('SELECT status FROM purchaseorder WHERE id = 1').get()).toEqual({ status: 'complete' })
    expect(station.scan({ data: label(lines[0]!, lines[0]!.quantity, 'LOT-0'), source: 'wedge' })).toMatchObject({
      stockitem: { pk: done.created[0]!.stockitem },
    })

    const undone = station.receiptUndo({ session })
    expect(undone.summary).toMatch(new RegExp(`^Undid: Received ${lines.length} packages on PO-0001: `))
    expect(receiptState(station)).toBe(before)
    expect(undone.session).toMatchObject({ id: session, status: 'open', rowCount: lines.length })
    expect(station.scan({ data: label(lines[0]!, lines[0]!.quantity, 'LOT-0'), source: 'wedge' })).toMatchObject({
      outcome: 'matched',
      match: { model: 'supplierpart' },
    })
    // The undo is on record, with who did it, though the stock items and their tracking are gone.
    const log = dbOf(station)
      .prepare("SELECT model_type, pk, operator_name FROM editlog WHERE action = 'receipt undone' ORDER BY id")
      .all()
    expect(log).toEqual([
      ...done.created.map((c) => ({ model_type: 'stockitem', pk: c.stockitem, operator_name: 'Alex Receiving' })),
      { model_type: 'purchaseorder', pk: 1, operator_name: 'Alex Receiving' },
    ])
    // Fixed and committed again, it receives as before.
    expect(station.sessionCommit({ session }).created).toHaveLength(lines.length)
  })

  it('is refused, changing nothing, once the new stock was moved, counted or taken from', () => {
    const bins = (station: Station) => station.search({ query: 'Bin C2' }).find((h) => h.model === 'stocklocation')!
    for (const [use, reason] of [
      [
        (s: Station, pk: number) => s.stockAction({ action: 'move', items: [pk], location: bins(s).pk }),
        /was moved to Bin C2/,
      ],
      [
        (s: Station, pk: number) => s.stockAction({ action: 'remove', items: [pk], quantity: 1 }),
        /holds 2 now, not the 3 received/,
      ],
      [
        (s: Station, pk: number) => {
          s.stockAction({ action: 'move', items: [pk], location: bins(s).pk })
          s.undo({})
        },
        /was moved since/,
      ],
    ] as const) {
      const { station, lines, session, add } = setUp()
      add(label(lines[0]!, 3, 'LOT-A'))
      add(label(lines[1]!, 4, 'LOT-B'))
      const created = station.sessionCommit({ session }).created
      use(station, created[0]!.stockitem)
      const before = receiptState(station)
      expect(() => station.receiptUndo({ session })).toThrow(reason)
      expect(receiptState(station)).toBe(before)
    }
  })

  it('is done once, and keeps another receipt that already holds scans', () => {
    const { station, lines, session, add } = setUp()
    add(label(lines[0]!, 3, 'LOT-A'))
    station.sessionCommit({ session })
    const next = station.sessionStart({ kind: 'receive', purchaseOrder: 1 }).id
    station.sessionAdd({ session: next, data: label(lines[1]!, 2, 'LOT-B'), source: 'wedge' })
    const undone = station.receiptUndo({ session })
    expect(undone.session).toBeNull()
    expect(station.sessionCurrent({ kind: 'receive' })?.id).toBe(next)
    expect(() => station.receiptUndo({ session })).toThrow(/^"Received 1 package on PO-0001: .*" was already undone$/)
    expect(() => station.receiptUndo({ session: next })).toThrow('Only a committed receipt can be undone')
  })
})

describe('the receiving page order list', () => {
  it('lists the placed orders with their open lines, and no other', () => {
    const { station } = setUp()
    const statuses = dbOf(station).prepare('SELECT id, status FROM purchaseorder ORDER BY id').all() as {
      id: number
      status: string
    }[]
    const listed = station.receivableOrders({})
    expect(listed.map((o) => o.order.pk)).toEqual(statuses.filter((s) => s.status === 'placed').map((s) => s.id))
    expect(listed[0]).toMatchObject({ order: { name: 'PO-0001' }, supplier: 'DigiKey' })
    expect(listed[0]!.openLines).toBe(listed[0]!.lines)
    dbOf(station).prepare("UPDATE purchaseorder SET status = 'complete' WHERE id = 1").run()
    expect(station.receivableOrders({}).map((o) => o.order.pk)).not.toContain(1)
  })
})
