import { describe, expect, it } from 'vitest'
import { tempDbPath } from '../../tests/support/temp-db'
import { dbOf, openTestStation, signInAdmin } from '../../tests/support/station'
import type { Station } from '../station'

const emptyStation = (): Station =>
  openTestStation({ dbPath: tempDbPath(), demo: false, startUserPlugins: false, syncIntervalMs: 0 })

describe('editing the station inventory', () => {
  it('refuses an operator, lets an editor edit, and logs each change with who made it', async () => {
    const station = emptyStation()
    const db = dbOf(station)
    db.prepare("INSERT INTO operator (name, badge, role) VALUES ('Eve Editor', 'OP-2001', 'editor')").run()
    await station.signIn({ badge: 'OP-1001' })
    expect(() => station.saveLocation({ fields: { name: 'Shelf' } })).toThrow(/admin or an editor/)
    await station.signIn({ badge: 'OP-2001' })
    const shelf = station.saveLocation({ fields: { name: 'Shelf' } })
    station.saveLocation({ pk: shelf.pk, fields: { name: 'Shelf A', description: 'by the door' } })
    expect(station.editLog({ model: 'stocklocation', limit: 10 }).map((e) => [e.operator, e.action])).toEqual([
      ['Eve Editor', 'update'],
      ['Eve Editor', 'create'],
    ])
    station.close()
  })

  it('moves a branch, but never under itself; archives what stock uses instead of deleting it', async () => {
    const station = emptyStation()
    await signInAdmin(station)
    const site = station.saveLocation({ fields: { name: 'Site', structural: true } })
    const room = station.saveLocation({ fields: { name: 'Room', parent: site.pk } })
    const bin = station.saveLocation({ fields: { name: 'Bin', parent: room.pk } })
    expect(() => station.saveLocation({ pk: site.pk, fields: { name: 'Site', parent: bin.pk } })).toThrow(
      /under itself/,
    )
    const other = station.saveLocation({ fields: { name: 'Other site' } })
    station.saveLocation({ pk: room.pk, fields: { name: 'Room', parent: other.pk } })
    expect(station.locationTree().find((n) => n.name === 'Other site')!.children[0]!.children[0]!.name).toBe('Bin')

    const part = station.savePart({ fields: { ipn: 'R-1', name: 'Resistor' } })
    expect(() => station.savePart({ fields: { ipn: 'r-1', name: 'Clash' } })).toThrow(/already has this IPN/)
    dbOf(station)
      .prepare('INSERT INTO stockitem (part_id, location_id, quantity) VALUES (?, ?, 5)')
      .run(part.pk, bin.pk)
    expect(() => station.deleteItem({ model: 'part', pk: part.pk })).toThrow(/archive it instead/)
    station.archiveItem({ model: 'part', pk: part.pk, archived: true })
    expect(station.inventoryList({ model: 'part', limit: 10, offset: 0 }).total).toBe(0)
    expect(station.inventoryList({ model: 'part', includeArchived: true, limit: 10, offset: 0 }).rows[0]).toMatchObject(
      { name: 'Resistor', archived: true },
    )
    const typo = station.saveLocation({ fields: { name: 'Tpyo' } })
    expect(station.deleteItem({ model: 'stocklocation', pk: typo.pk })).toEqual({ deleted: true })
    station.close()
  })

  it('places an order only with lines, changes lines only while pending, and completes only a placed one', async () => {
    const station = emptyStation()
    await signInAdmin(station)
    const supplier = station.saveCompany({ fields: { name: 'DigiKey', isSupplier: true } })
    const part = station.savePart({ fields: { ipn: 'C-1', name: 'Capacitor' } })
    const sp = station.saveSupplierPart({ fields: { part: part.pk, supplier: supplier.pk, sku: '399-C1-ND' } })
    const order = station.savePurchaseOrder({ fields: { reference: 'PO-1', supplier: supplier.pk } })
    expect(() => station.orderStatus({ pk: order.pk, action: 'place' })).toThrow(/no lines/)
    station.saveOrderLine({ fields: { order: order.pk, supplierPart: sp.pk, quantity: 10 } })
    expect(() => station.orderStatus({ pk: order.pk, action: 'complete' })).toThrow(/pending; it cannot be complete/)
    expect(station.orderStatus({ pk: order.pk, action: 'place' }).status).toBe('placed')
    expect(() => station.saveOrderLine({ fields: { order: order.pk, supplierPart: sp.pk, quantity: 1 } })).toThrow(
      /only a pending order's lines/,
    )
    expect(station.orderStatus({ pk: order.pk, action: 'complete' }).status).toBe('complete')
    station.close()
  })

  it('refuses every edit on a desk that mirrors an InvenTree server', async () => {
    const station = emptyStation()
    await signInAdmin(station)
    dbOf(station).exec("INSERT INTO inventree_pull (model) VALUES ('part')")
    expect(() => station.savePart({ fields: { name: 'X' } })).toThrow(/InvenTree server/)
    station.close()
  })
})
