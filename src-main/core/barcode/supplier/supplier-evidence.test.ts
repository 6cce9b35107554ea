import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ScanResult } from '../../../contract'
import type { Db } from '../../db/connection'
import type { Station } from '../../station'
import { dbOf, openTestStation, signInAdmin } from '../../../tests/support/station'
import { tempDbPath } from '../../../tests/support/temp-db'

const GS = '\u001D'
const RS = '\u001E'
const EOT = '\u0004'

interface Line {
  sp: number
  sku: string
  mpn: string
  maker: string
  quantity: number
  /** The same MPN's supplier part at DigiKey, when DigiKey stocks it too. */
  digikey: number | null
}

/** The lines of a demo order, with the part each names and its DigiKey twin. */
const linesOf = (db: Db, order: string): Line[] =>
  db
    .prepare(
      `SELECT sp.id AS sp, sp.sku, mp.mpn, m.name AS maker, l.quantity,
              (SELECT d.id FROM supplierpart d JOIN company c ON c.id = d.supplier_id
                WHERE c.name = 'DigiKey' AND d.manufacturer_part_id = mp.id) AS digikey
       FROM purchaseorderline l JOIN purchaseorder o ON o.id = l.order_id
       JOIN supplierpart sp ON sp.id = l.supplier_part_id
       JOIN manufacturerpart mp ON mp.id = sp.manufacturer_part_id JOIN company m ON m.id = mp.manufacturer_id
       WHERE o.reference = ? ORDER BY l.id`,
    )
    .all(order) as Line[]

/** A Mouser bag label in Mouser's field order; `header` '>' gives the older labels' header. */
const mouser = (o: {
  po?: string
  line?: number
  p?: string
  mpn: string
  qty: number
  maker?: string
  old?: boolean
}) =>
  [
    o.old ? '>[)>06' : `[)>${RS}06`,
    o.po === undefined ? null : `K${o.po}`,
    o.line === undefined ? null : `14K${String(o.line).padStart(3, '0')}`,
    o.p === undefined ? null : `P${o.p}`,
    `1P${o.mpn}`,
    `Q${o.qty}`,
    '11K066521234',
    '4LCN',
    o.maker === undefined ? null : `1V${o.maker}`,
  ]
    .filter((f) => f !== null)
    .join(GS) + (o.old ? '' : `${RS}${EOT}`)

/** A DigiKey bag label in DigiKey's field order. */
const digikey = (sku: string, mpn: string, qty: number, po = 'PO-0001') =>
  `[)>${RS}06${GS}P${sku}${GS}1P${mpn}${GS}K${po}${GS}1K84213377${GS}10K55512${GS}9D2346${GS}1TLOT1${GS}11K1${GS}4LTW${GS}Q${qty}${GS}11ZPICK${GS}12Z998877${GS}13Z400${GS}20Z0000000000${RS}${EOT}`

let station: Station
let db: Db
let mouserLines: Line[]
const po = (reference: string) =>
  (db.prepare('SELECT id FROM purchaseorder WHERE reference = ?').get(reference) as { id: number }).id
const scan = (data: string): ScanResult => station.scan({ data, source: 'wedge' })

beforeEach(() => {
  station = openTestStation({ dbPath: tempDbPath() })
  db = dbOf(station)
  mouserLines = linesOf(db, 'PO-0002')
})
afterEach(() => station.close())

describe('a Mouser label', () => {
  it('resolves every line of the Mouser order to the Mouser part and its order, though DigiKey stocks the MPNs', () => {
    expect(mouserLines).toHaveLength(5)
    // The case that went wrong: DigiKey sells the same parts, and its plugin reads these labels first.
    expect(mouserLines.filter((l) => l.digikey !== null).length).toBeGreaterThan(0)
    mouserLines.forEach((l, i) => {
      const label = mouser({ po: 'PO-0002', line: i + 1, p: l.sku, mpn: l.mpn, qty: l.quantity, maker: l.maker })
      expect(scan(label), l.mpn).toMatchObject({
        outcome: 'matched',
        plugin: 'MouserBarcode',
        supplierpart: { pk: l.sp },
        related: { purchaseorder: { pk: po('PO-0002') } },
      })
    })
  })

  it('is known as Mouser’s by any one of its order, its Mouser part number or its old header', () => {
    for (const l of mouserLines.filter((x) => x.digikey !== null)) {
      const mouserPart = { outcome: 'matched', plugin: 'MouserBarcode', supplierpart: { pk: l.sp } }
      // The customer's order is Mouser's, the P field only repeats the MPN.
      expect(scan(mouser({ po: 'PO-0002', p: l.mpn, mpn: l.mpn, qty: 1 })), l.mpn).toMatchObject(mouserPart)
      // Mouser's order number (its reference for our order) in place of ours.
      expect(scan(mouser({ po: '25867401', mpn: l.mpn, qty: 1 })), l.mpn).toMatchObject(mouserPart)
      // A Mouser part number, no order.
      expect(scan(mouser({ p: l.sku, mpn: l.mpn, qty: 1 })), l.mpn).toMatchObject(mouserPart)
      // A part number shaped like Mouser's that the station has not stored yet, no order.
      expect(scan(mouser({ p: `${l.sku}X`, mpn: l.mpn, qty: 1 })), l.mpn).toMatchObject(mouserPart)
      // Only the header Mouser printed on its older labels.
      expect(scan(mouser({ mpn: l.mpn, qty: 1, old: true })), l.mpn).toMatchObject(mouserPart)
    }
  })

  it('whose order names no supplier and that carries no other sign is ambiguous between the suppliers stocking it', () => {
    const shared = mouserLines.find((l) => l.digikey !== null)!
    const r = scan(mouser({ po: 'PO-9999', mpn: shared.mpn, qty: 1 }))
    expect(r).toMatchObject({ outcome: 'ambiguous', match: null, problem: expect.stringMatching(/DigiKey or Mouser/) })
    const candidates = r.outcome === 'ambiguous' ? r.candidates.map((c) => [c.model, c.pk]) : []
    expect(candidates).toEqual(
      expect.arrayContaining([
        ['supplierpart', shared.sp],
        ['supplierpart', shared.digikey],
      ]),
    )
  })

  it('is not given to DigiKey when the Mouser plugin is off', async () => {
    const l = mouserLines.find((x) => x.digikey !== null)!
    await signInAdmin(station)
    station.setSettings({ 'plugins.disabled': ['MouserBarcode'] })
    const r = scan(mouser({ po: 'PO-0002', p: l.sku, mpn: l.mpn, qty: 1 }))
    expect(r).not.toMatchObject({ outcome: 'matched' })
    expect(r).not.toMatchObject({ supplierpart: { pk: l.digikey } })
  })
})

describe('a DigiKey label', () => {
  it('still resolves every line of the DigiKey order to the DigiKey part and its order', () => {
    const lines = linesOf(db, 'PO-0001')
    expect(lines).toHaveLength(5)
    for (const l of lines)
      expect(scan(digikey(l.sku, l.mpn, l.quantity)), l.mpn).toMatchObject({
        outcome: 'matched',
        plugin: 'DigiKeyBarcode',
        supplierpart: { pk: l.sp },
        related: { purchaseorder: { pk: po('PO-0001') } },
      })
  })

  it('goes to the order its K names, though a newer order of the supplier carries the label’s 1K reference', () => {
    const [line] = linesOf(db, 'PO-0001')
    const newer = Number(
      db
        .prepare(
          "INSERT INTO purchaseorder (reference, supplier_id, supplier_reference, status) SELECT 'PO-0099', supplier_id, '84213377', 'placed' FROM purchaseorder WHERE reference = 'PO-0001'",
        )
        .run().lastInsertRowid,
    )
    expect(newer).toBeGreaterThan(po('PO-0001'))
    expect(scan(digikey(line!.sku, line!.mpn, 1))).toMatchObject({
      related: { purchaseorder: { pk: po('PO-0001') } },
    })
  })

  it('for a part Mouser also stocks goes to DigiKey by its -ND part number, even under a Mouser order', () => {
    const l = mouserLines.find((x) => x.digikey !== null)!
    const sku = (db.prepare('SELECT sku FROM supplierpart WHERE id = ?').get(l.digikey) as { sku: string }).sku
    expect(scan(digikey(sku, l.mpn, 1, 'PO-9999'))).toMatchObject({
      plugin: 'DigiKeyBarcode',
      supplierpart: { pk: l.digikey },
    })
  })
})

describe('a TME label in the ISO/IEC 15434 format', () => {
  it('goes to TME under the TME order, though DigiKey’s and Mouser’s plugins read it first', () => {
    const lines = linesOf(db, 'PO-0004')
    expect(lines).toHaveLength(5)
    expect(lines.some((l) => l.digikey !== null)).toBe(true)
    for (const l of lines)
      expect(scan(`[)>${RS}06${GS}P${l.sku}${GS}1P${l.mpn}${GS}KPO-0004${GS}Q1${RS}${EOT}`), l.mpn).toMatchObject({
        outcome: 'matched',
        plugin: 'TMEBarcode',
        supplierpart: { pk: l.sp },
        related: { purchaseorder: { pk: po('PO-0004') } },
      })
  })
})
