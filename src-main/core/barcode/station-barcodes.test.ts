import fc from 'fast-check'
import { createHash } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ScanMatch, ScanResult } from '../../contract'
import { dispatch } from '../../dispatch'
import { AMBIGUOUS, MATCH, NO_MATCH, Station } from '../station'
import { tempDbPath } from '../../tests/support/temp-db'
import { dbOf, openTestStation, signInAdmin } from '../../tests/support/station'

const GS = '\u001D'
const RS = '\u001E'
const EOT = '\u0004'

/** A DigiKey label for demo supplier part 19 (Samsung CL21B104KBCNNNC) on demo order PO-0001. */
const DIGIKEY = `[)>${RS}06${GS}P1276-CL21B104KBCNNNCCT-ND${GS}1PCL21B104KBCNNNC${GS}30P1276-CL21B104KBCNNNCCT-ND${GS}KPO-0001${GS}1K84213377${GS}10K98765432${GS}9D2345${GS}1TLOT4471A${GS}11K1${GS}4LKR${GS}Q25${GS}11ZPICK${GS}12Z4471823${GS}13Z123456${GS}20Z0000000000000000${RS}${EOT}`

const open = (options: Partial<Parameters<typeof Station.open>[0]> = {}): Station =>
  openTestStation({ dbPath: tempDbPath(), ...options })
const asAdmin = async (station: Station): Promise<Station> => {
  await signInAdmin(station)
  return station
}

describe('supplier labels through the Station', () => {
  it('resolves a DigiKey label to its supplier part with quantity, lot and order', async () => {
    const r = open().scan({ data: DIGIKEY, source: 'wedge' }) as ScanMatch
    expect(r).toMatchObject({
      success: MATCH,
      plugin: 'DigiKeyBarcode',
      supplierpart: { pk: 19 },
      format: 'ECIA ISO/IEC 15434',
    })
    expect(r.fields).toMatchObject({
      quantity: 25,
      lot_code: 'LOT4471A',
      customer_order_number: 'PO-0001',
      supplier_order_number: '84213377',
    })
    expect(r.related?.purchaseorder?.pk).toBe(1)
  })

  it('still resolves the label when a wedge scanner dropped GS, RS and EOT, and says it recovered it', async () => {
    const r = open().scan({ data: DIGIKEY.replace(/[\u001D\u001E\u0004]/g, ''), source: 'wedge' }) as ScanMatch
    expect(r).toMatchObject({
      success: MATCH,
      supplierpart: { pk: 19 },
      fields: { quantity: 25, customer_order_number: 'PO-0001' },
    })
    expect(r.normalised?.join(' ')).toMatch(/separators .* missing/)
  })

  it('matches a Mouser label by MPN among Mouser parts only', async () => {
    const station = open()
    const r = station.scan({
      data: `>[)>06${GS}KPO-0002${GS}14K007${GS}1PSTM32F103C8T6${GS}Q50`,
      source: 'wedge',
    }) as ScanMatch
    expect(r.plugin).toBe('MouserBarcode')
    expect(station.getItem({ model: 'supplierpart', pk: r.supplierpart!.pk }).title).toBe('Mouser 511-STM32F103C8T6')
    expect(r.related?.purchaseorder?.pk).toBe(2)
  })

  it('matches LCSC and TME labels by SKU', async () => {
    const station = open()
    const lcsc = dbOf(station)
      .prepare(
        "SELECT sp.id, sp.sku, mp.mpn FROM supplierpart sp JOIN company c ON c.id = sp.supplier_id JOIN manufacturerpart mp ON mp.id = sp.manufacturer_part_id WHERE c.name = 'LCSC' LIMIT 1",
      )
      .get() as { id: number; sku: string; mpn: string }
    const r1 = station.scan({
      data: `{pbn:PICK2411190087,on:WM2411190087,pc:${lcsc.sku},pm:${lcsc.mpn},qty:100,mc:,cc:1,pdi:34421807}`,
      source: 'webcam',
    }) as ScanMatch
    expect(r1).toMatchObject({
      plugin: 'LCSCBarcode',
      supplierpart: { pk: lcsc.id },
      fields: { quantity: 100 },
      related: { purchaseorder: { pk: 3 } },
    })
    const tme = dbOf(station)
      .prepare(
        "SELECT sp.id, sp.sku FROM supplierpart sp JOIN company c ON c.id = sp.supplier_id WHERE c.name = 'TME' LIMIT 1",
      )
      .get() as { id: number; sku: string }
    const r2 = station.scan({
      data: `QTY:10 PN:${tme.sku} PO:5218734/2 CPO:PO-0004 MFR:X MPN:Y`,
      source: 'webcam',
    }) as ScanMatch
    expect(r2).toMatchObject({
      plugin: 'TMEBarcode',
      supplierpart: { pk: tme.id },
      related: { purchaseorder: { pk: 4 } },
    })
  })

  it('reports a label it can read but not match, with the parsed fields', async () => {
    const r = open().scan({ data: `[)>${RS}06${GS}PNOT-A-REAL-SKU${GS}1PNOPE${GS}Q3${RS}${EOT}`, source: 'wedge' })
    expect(r).toMatchObject({
      error: NO_MATCH,
      format: 'ECIA ISO/IEC 15434',
      fields: { quantity: 3, manufacturer_part_number: 'NOPE' },
    })
  })
})

describe('a supplier part made from an unknown supplier label', () => {
  it('creates it from the label fields, and the same label then resolves to it', async () => {
    const station = open()
    const label = `[)>${RS}06${GS}P497-NEW-PART-ND${GS}1PNEW-MPN-1${GS}30P497-NEW-PART-ND${GS}KPO-0001${GS}Q7${RS}${EOT}`
    const miss = station.scan({ data: label, source: 'wedge' })
    expect(miss).toMatchObject({
      error: NO_MATCH,
      recognised_by: 'DigiKeyBarcode',
      fields: { supplier_part_number: '497-NEW-PART-ND', manufacturer_part_number: 'NEW-MPN-1' },
    })
    const digikey = station.suppliers().find((s) => s.name === 'DigiKey')!
    const made = station.createSupplierPart({
      supplier: digikey.pk,
      sku: '497-NEW-PART-ND',
      newPartName: 'New widget',
      mpn: 'NEW-MPN-1',
      manufacturer: 'STMicroelectronics',
    })
    expect(made.part.name).toBe('New widget')
    expect(made.manufacturerpart?.name).toBe('STMicroelectronics NEW-MPN-1')
    expect(station.scan({ data: label, source: 'wedge' })).toMatchObject({
      success: MATCH,
      supplierpart: { pk: made.supplierpart.pk },
      fields: { quantity: 7 },
    })
    expect(
      await dispatch(station, 'createSupplierPart', {
        supplier: digikey.pk,
        sku: '497-new-part-nd',
        part: made.part.pk,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/already has a supplier part/) },
    })
    expect(
      await dispatch(station, 'createSupplierPart', { supplier: digikey.pk, sku: 'X', part: 1, newPartName: 'Y' }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_argument' } })
  })
})

describe('GS1 through the Station', () => {
  it('resolves a GTIN to its part and returns batch, expiry and serial', async () => {
    const station = open()
    const gtin = (dbOf(station).prepare('SELECT gtin FROM part WHERE id = 1').get() as { gtin: string }).gtin
    const r = station.scan({ data: `]d201${gtin}17291200${''}10B-77${GS}21S123`, source: 'webcam' }) as ScanMatch
    expect(r).toMatchObject({
      plugin: 'GS1Barcode',
      part: { pk: 1 },
      fields: { gtin, expiry: '2029-12-31', batch: 'B-77', serial: 'S123' },
    })
    expect(station.scan({ data: gtin.slice(1), source: 'wedge' })).toMatchObject({ part: { pk: 1 } }) // as a plain EAN-13
  })

  it('says why a GS1 string with a bad check digit matches nothing', async () => {
    expect(open().scan({ data: '(01)09506000134353(10)X', source: 'manual' })).toMatchObject({
      error: NO_MATCH,
      problem: expect.stringMatching(/check digit/),
    })
  })
})

describe('external barcodes', () => {
  it('links, resolves with the InvenTree hash, and unlinks; both are in the history', async () => {
    const station = open()
    const link = station.link({ model: 'stockitem', pk: 2, data: ' ACME-BOX-0042\r\n' })
    expect(link).toMatchObject({
      barcode_data: 'ACME-BOX-0042',
      barcode_hash: createHash('md5').update('ACME-BOX-0042').digest('hex'),
    })
    expect(station.scan({ data: 'ACME-BOX-0042', source: 'wedge' })).toMatchObject({
      plugin: 'InvenTreeExternalBarcode',
      stockitem: { pk: 2 },
    })
    station.unlink({ model: 'stockitem', pk: 2 })
    expect(station.scan({ data: 'ACME-BOX-0042', source: 'wedge' })).toMatchObject({ error: NO_MATCH })
    expect(station.history({ limit: 4 }).map((h) => h.action)).toEqual(['scan', 'unlink', 'scan', 'link'])
  })

  it('refuses a barcode already linked, an internal barcode, and a second link for one item', async () => {
    const station = open()
    station.link({ model: 'part', pk: 3, data: 'VENDOR-123' })
    expect(await dispatch(station, 'link', { model: 'part', pk: 4, data: 'VENDOR-123' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/already linked to part 3/) },
    })
    expect(await dispatch(station, 'link', { model: 'part', pk: 4, data: 'INV-SI7' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/internal barcode of stockitem 7/) },
    })
    expect(await dispatch(station, 'link', { model: 'part', pk: 3, data: 'OTHER' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/already has a linked barcode/) },
    })
  })

  it('matches despite smart quotes and stray control characters, and says what it repaired', async () => {
    const r = open().scan({ data: '\u201Cstockitem\u201D'.replace(/^/, '{').concat(': 4}\u0007'), source: 'manual' })
    expect(r).toMatchObject({
      stockitem: { pk: 4 },
      normalised: expect.arrayContaining(['smart quotes replaced by plain quotes', 'stray control characters removed']),
    })
  })
})

describe('plugins', () => {
  const withPlugins = (files: Record<string, string>, pluginTimeoutMs = 200): Station => {
    const dbPath = tempDbPath()
    const dir = join(dirname(dbPath), 'plugins')
    mkdirSync(dir, { recursive: true })
    for (const [name, code] of Object.entries(files)) writeFileSync(join(dir, name), code)
    return openTestStation({ dbPath, pluginTimeoutMs })
  }

  it("loads a user's plugin, names it in the result, and survives ones that throw or hang", async () => {
    const station = withPlugins({
      'a-thrower.mjs': "export default { name: 'Thrower', scan() { throw new Error('boom') } }",
      'b-hanger.mjs':
        "export default { name: 'Hanger', scan(t) { if (t === 'HANG') { const end = Date.now() + 5000; while (Date.now() < end); } return null } }",
      'c-asset.mjs':
        "export default { name: 'AssetTags', description: 'Our asset tags', scan(t) { const m = /^ASSET-(\\d+)$/.exec(t); return m ? { model: 'stockitem', pk: Number(m[1]) } : null } }",
      'd-broken.mjs': 'export default 42',
    })
    expect(station.plugins().map((p) => [p.name, p.enabled, p.builtIn])).toEqual(
      expect.arrayContaining([
        ['AssetTags', true, false],
        ['Thrower', true, false],
      ]),
    )
    expect(station.plugins().find((p) => p.name === 'd-broken.mjs')?.error).toMatch(/exports no/)
    const r = station.scan({ data: 'ASSET-5', source: 'wedge' })
    expect(r).toMatchObject({ plugin: 'AssetTags', stockitem: { pk: 5 } })
    const hung = station.scan({ data: 'HANG', source: 'wedge' })
    expect(hung).toMatchObject({ error: NO_MATCH })
    expect(station.history({ limit: 1 })[0]!.pluginsTried).toMatch(
      /Thrower:failed\(boom\).*Hanger:failed\(timed out after 200 ms\)/,
    )
    // The hung worker was replaced: the next scan through user plugins works again.
    expect(station.scan({ data: 'ASSET-6', source: 'wedge' })).toMatchObject({
      plugin: 'AssetTags',
      stockitem: { pk: 6 },
    })
    station.close()
  })

  it('stops a plugin that hangs while loading, within the load limit, and starts the good ones', () => {
    const station = withPlugins({
      'a-stuck.mjs': "for (;;) {}\nexport default { name: 'Stuck', scan() { return null } }",
      'b-asset.mjs':
        "export default { name: 'AssetTags', scan(t) { const m = /^ASSET-(\\d+)$/.exec(t); return m ? { model: 'stockitem', pk: Number(m[1]) } : null } }",
    })
    expect(station.plugins().find((p) => p.name === 'a-stuck.mjs')).toMatchObject({
      enabled: false,
      error: 'did not load within 1000 ms; its worker was stopped',
    })
    expect(station.scan({ data: 'ASSET-7', source: 'wedge' })).toMatchObject({
      plugin: 'AssetTags',
      stockitem: { pk: 7 },
    })
    station.close()
  })

  it('starts a plugin that ran out of memory again, and says so on the plugins screen', async () => {
    // A scan may take long enough here for the worker to reach its memory limit rather than its time limit.
    const station = withPlugins(
      {
        // Keeps 8 MB more on every scan: its worker reaches the 64 MB limit after a few.
        'leaky.mjs':
          "const kept = []; export default { name: 'Leaky', scan(t) { kept.push(new Array(1 << 20).fill(kept.length)); return t === 'LEAK-1' ? { model: 'stockitem', pk: 1 } : null } }",
      },
      5000,
    )
    let died = false
    for (let n = 0; n < 40 && !died; n++) {
      const r = station.scan({ data: 'LEAK-0', source: 'wedge' })
      died = /Leaky:failed/.test(station.history({ limit: 1 })[0]!.pluginsTried) || r.outcome === 'error'
    }
    expect(died).toBe(true)
    // Scans arrive between turns of the event loop, when the worker's death is reported.
    await new Promise((resolve) => setTimeout(resolve, 100))
    // The next scan runs in a new worker, with its memory back.
    expect(station.scan({ data: 'LEAK-1', source: 'wedge' })).toMatchObject({ plugin: 'Leaky', stockitem: { pk: 1 } })
    expect(station.plugins().find((p) => p.name === 'Leaky')?.problem).toBe(
      'ran out of its 64 MB memory limit; restarted 1 time',
    )
    station.close()
  })

  it('lets an admin disable and reorder plugins; an operator may not', async () => {
    const station = open()
    expect(await dispatch(station, 'setSettings', { 'plugins.disabled': ['InvenTreeBarcode'] })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    })
    await asAdmin(station)
    station.setSettings({ 'plugins.disabled': ['InvenTreeBarcode'] })
    expect(station.scan({ data: 'INV-SL1', source: 'manual' })).toMatchObject({ error: NO_MATCH })
    station.setSettings({ 'plugins.disabled': [], 'plugins.order': ['GS1Barcode'] })
    expect(station.plugins()[0]!.name).toBe('GS1Barcode')
    expect(station.scan({ data: 'INV-SL1', source: 'manual' })).toMatchObject({ stocklocation: { pk: 1 } })
  })

  it('reports more than one match instead of picking one', async () => {
    const station = open()
    // Two DigiKey parts with the same MPN: a DigiKey label (its order is DigiKey's) without a SKU cannot tell
    // them apart.
    dbOf(station)
      .prepare(
        "INSERT INTO supplierpart (part_id, supplier_id, manufacturer_part_id, sku) SELECT part_id, supplier_id, manufacturer_part_id, sku || '-ALT' FROM supplierpart WHERE id = 19",
      )
      .run()
    const r = station.scan({ data: `[)>${RS}06${GS}1PCL21B104KBCNNNC${GS}KPO-0001${GS}Q5${RS}${EOT}`, source: 'wedge' })
    expect(r).toMatchObject({ outcome: 'ambiguous', match: null, error: AMBIGUOUS, plugin: 'DigiKeyBarcode' })
    expect(r.candidates?.map((c) => c.model)).toEqual(['supplierpart', 'supplierpart'])
  })
})

describe('history settings', () => {
  it('keeps only the newest entries when a maximum is set, and purges for admins only', async () => {
    const station = await asAdmin(open())
    station.setSettings({ 'history.maxResults': 100 })
    for (let i = 0; i < 300; i++) station.scan({ data: `X${i}`, source: 'api' })
    const kept = station.info().counts.scans
    expect(kept).toBeGreaterThanOrEqual(100)
    expect(kept).toBeLessThan(100 + 64)
    expect(station.history({ limit: 1 })[0]!.data).toBe('X299')
    expect(station.purgeHistory()).toEqual({ deleted: kept })
    station.signOut()
    expect(await dispatch(station, 'purgeHistory', { confirm: true })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    })
  })

  it('stores nothing when results storage is off, and the station says so', async () => {
    const station = await asAdmin(open())
    station.setSettings({ 'history.store': false, confirm: true })
    expect(station.scan({ data: 'INV-SL1', source: 'manual' }).scan_id).toBeNull()
    expect(station.info()).toMatchObject({ historyEnabled: false, counts: { scans: 0 } })
  })

  it('refuses scans while barcode support is switched off, and logs the refusal', async () => {
    const station = await asAdmin(open())
    station.setSettings({ 'barcode.enabled': false })
    expect(station.scan({ data: 'INV-SL1', source: 'manual' })).toMatchObject({
      error: 'Barcode support is switched off in settings',
    })
    expect(station.history({ limit: 1 })[0]!.result).toBe('error')
  })
})

describe('robustness (property-based)', () => {
  const station = open()
  const isResult = (r: ScanResult): boolean => 'success' in r !== 'error' in r && typeof r.barcode_hash === 'string'
  const seeds = ['INV-SI1', '{"stockitem": 1}', DIGIKEY, '(01)09506000134352(10)A', '{pbn:P,pc:C1,qty:1}', 'QTY:1 PN:X']

  it('never throws out of scan and always answers with success or error, for random input', async () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (data) =>
        isResult(station.scan({ data, source: 'api' })),
      ),
      { numRuns: 400 },
    )
  })

  it('never throws for mutations of real barcodes', async () => {
    const mutated = fc
      .tuple(fc.constantFrom(...seeds), fc.nat(), fc.string({ unit: 'binary', maxLength: 8 }), fc.nat({ max: 6 }))
      .map(([s, at, insert, cut]) => {
        const i = at % (s.length + 1)
        return s.slice(0, i) + insert + s.slice(i + cut)
      })
    fc.assert(
      fc.property(mutated, (data) => isResult(station.scan({ data, source: 'api' }))),
      { numRuns: 600 },
    )
  })
})
