import { describe, expect, it } from 'vitest'
import type { ScanMatch } from '../../../contract'
import { MATCH } from '../../station'
import { dbOf, openTestStation, signInAdmin } from '../../../tests/support/station'
import { tempDbPath } from '../../../tests/support/temp-db'

const GS = '\u001D'

/** A Mouser label whose GS separators a wedge scanner dropped: "14K0071PSTM…" splits two ways until the
 *  database says which MPN it knows. */
const MOUSER_STRIPPED = `>[)>06${GS}KPO-0002${GS}14K007${GS}1PSTM32F103C8T6${GS}Q50`.replaceAll(GS, '')

describe('a supplier label read by several stations in one process', () => {
  it('is read against each station’s own catalogue, not a reading left over from another station', () => {
    const empty = openTestStation({ dbPath: tempDbPath(), demo: false })
    const demo = openTestStation({ dbPath: tempDbPath() })
    try {
      // The empty catalogue cannot choose between the two splits, and says so.
      expect(empty.scan({ data: MOUSER_STRIPPED, source: 'wedge' })).toMatchObject({
        problem: expect.stringMatching(/splits 2 ways/),
      })
      // The demo catalogue knows the part, so the same text is recovered and matches it.
      const r = demo.scan({ data: MOUSER_STRIPPED, source: 'wedge' }) as ScanMatch
      expect(r).toMatchObject({
        success: MATCH,
        plugin: 'MouserBarcode',
        supplierpart: { pk: expect.any(Number) },
        fields: { quantity: 50 },
      })
      expect(r.normalised?.join(' ')).toMatch(/separators .* missing/)
      expect(r.problem).toBeUndefined()
    } finally {
      empty.close()
      demo.close()
    }
  })

  it('is read again once the catalogue learns the part it names', () => {
    const station = openTestStation({ dbPath: tempDbPath() })
    try {
      const label = `>[)>06KPO-000214K0071PNEWPART-1Q50`
      expect(station.scan({ data: label, source: 'wedge' })).toMatchObject({
        problem: expect.stringMatching(/splits 2 ways/),
      })
      // The admin adds the Mouser part; the very same label now splits one way and matches it.
      dbOf(station)
        .prepare(
          `INSERT INTO manufacturerpart (part_id, manufacturer_id, mpn)
           SELECT part_id, manufacturer_id, 'NEWPART-1' FROM manufacturerpart LIMIT 1`,
        )
        .run()
      dbOf(station)
        .prepare(
          `INSERT INTO supplierpart (part_id, supplier_id, manufacturer_part_id, sku)
           SELECT mp.part_id, c.id, mp.id, 'MOU-NEWPART-1' FROM manufacturerpart mp, company c
           WHERE mp.mpn = 'NEWPART-1' AND c.name = 'Mouser'`,
        )
        .run()
      expect(station.scan({ data: label, source: 'wedge' })).toMatchObject({
        success: MATCH,
        plugin: 'MouserBarcode',
        fields: { manufacturer_part_number: 'NEWPART-1', purchase_order_line: '007' },
      })
    } finally {
      station.close()
    }
  })
})

describe('the supplier a supplier plugin matches', () => {
  const DIGIKEY = `[)>\u001E06${GS}P1276-CL21B104KBCNNNCCT-ND${GS}1PCL21B104KBCNNNC${GS}Q25\u001E\u0004`

  it('is the company set for the plugin, whatever its name; by name when none is set', async () => {
    const station = openTestStation({ dbPath: tempDbPath() })
    try {
      await signInAdmin(station)
      const digikey = dbOf(station).prepare("SELECT id FROM company WHERE name = 'DigiKey'").get() as { id: number }
      dbOf(station).prepare("UPDATE company SET name = 'Digi-Key Electronics' WHERE id = ?").run(digikey.id)
      // Renamed, the supplier no longer goes by the plugin's supplier name: its part on the label is not found.
      const digikeyPart = { plugin: 'DigiKeyBarcode', supplierpart: { pk: 19 } }
      expect(station.scan({ data: DIGIKEY, source: 'wedge' })).not.toMatchObject(digikeyPart)
      station.setSettings({ 'suppliers.companies': { DigiKeyBarcode: digikey.id } })
      expect(station.scan({ data: DIGIKEY, source: 'wedge' })).toMatchObject({ success: MATCH, ...digikeyPart })
      // 0 means "by name" again.
      station.setSettings({ 'suppliers.companies': { DigiKeyBarcode: 0 } })
      expect(station.scan({ data: DIGIKEY, source: 'wedge' })).not.toMatchObject(digikeyPart)
    } finally {
      station.close()
    }
  })

  it('is only ever that company: the label’s part at another supplier is not matched', async () => {
    const station = openTestStation({ dbPath: tempDbPath() })
    try {
      await signInAdmin(station)
      const mouser = dbOf(station).prepare("SELECT id FROM company WHERE name = 'Mouser'").get() as { id: number }
      station.setSettings({ 'suppliers.companies': { DigiKeyBarcode: mouser.id } })
      expect(station.scan({ data: DIGIKEY, source: 'wedge' })).not.toMatchObject({ supplierpart: { pk: 19 } })
    } finally {
      station.close()
    }
  })
})
