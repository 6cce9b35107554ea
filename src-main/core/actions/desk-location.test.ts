import { describe, expect, it } from 'vitest'
import { dbOf, openTestStation, setSettingsAsAdmin } from '../../tests/support/station'
import { tempDbPath } from '../../tests/support/temp-db'

const GS = '\u001D'
const RS = '\u001E'
const EOT = '\u0004'

describe("a desk's own receiving location", () => {
  it('takes the bags of an order without a destination, ahead of the part home, until a location is scanned', async () => {
    const station = openTestStation({ dbPath: tempDbPath() })
    const db = dbOf(station)
    db.prepare('UPDATE purchaseorder SET destination_id = NULL WHERE id = 1').run()
    db.prepare('UPDATE purchaseorderline SET destination_id = NULL WHERE order_id = 1').run()
    const line = db
      .prepare(
        `SELECT sp.sku, mp.mpn FROM purchaseorderline l JOIN supplierpart sp ON sp.id = l.supplier_part_id
         JOIN manufacturerpart mp ON mp.id = sp.manufacturer_part_id WHERE l.order_id = 1 ORDER BY l.id LIMIT 1`,
      )
      .get() as { sku: string; mpn: string }
    const label = (lot: string) =>
      `[)>${RS}06${GS}P${line.sku}${GS}1P${line.mpn}${GS}KPO-0001${GS}1T${lot}${GS}Q2${RS}${EOT}`
    await station.signIn({ badge: 'OP-1001' })
    const session = station.sessionStart({ kind: 'receive', purchaseOrder: 1 }).id
    const add = (data: string) => station.sessionAdd({ session, data, source: 'wedge' })
    // Without a desk location the bag goes to its part's home.
    const home = add(label('L0')).row!.location?.name ?? null
    const bins = station.search({ query: 'Bin' }).filter((h) => h.model === 'stocklocation' && h.title !== home)
    const [bench, bin] = [bins[0]!, bins[1]!]

    await setSettingsAsAdmin(station, { 'desk.location': bench.pk })
    expect(add(label('L1')).row!.location?.name).toBe(bench.title)
    add(`INV-SL${bin.pk}`)
    expect(add(label('L2')).row!.location?.name).toBe(bin.title)
  })
})
