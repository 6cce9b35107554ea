import { describe, expect, it } from 'vitest'
import { modelTypes, type ScanMatch } from '../contract'
import { MATCH, NO_MATCH, Station } from './station'
import { tempDbPath } from '../tests/support/temp-db'
import { dbOf, openTestStation, setSettingsAsAdmin } from '../tests/support/station'

const openStation = (): Station => openTestStation({ dbPath: tempDbPath() })

describe('Station.scan', () => {
  it('resolves short-form internal barcodes to the item, with the InvenTree result keys', () => {
    const station = openStation()
    const result = station.scan({ data: 'INV-SL1', source: 'manual' }) as ScanMatch
    expect(result.success).toBe(MATCH)
    expect(result.plugin).toBe('InvenTreeBarcode')
    expect(result.stocklocation).toEqual({ pk: 1, name: 'Main Site', url: '/stocklocation/1' })
    expect(result.barcode_data).toBe('INV-SL1')
    expect(result.barcode_hash).toMatch(/^[0-9a-f]{32}$/)
  })

  it('resolves the JSON form of every stocked model type that has a pk 1 in the demo data', () => {
    const station = openStation()
    for (const model of modelTypes) {
      const result = station.scan({ data: `{"${model}": 1}`, source: 'manual' })
      expect('success' in result, model).toBe(true)
      expect((result as ScanMatch)[model]?.pk, model).toBe(1)
    }
  })

  it('answers an unknown barcode, a missing item and an unstocked model with the no-match error', () => {
    const station = openStation()
    for (const data of ['nonsense', 'INV-SI999999', '{"stockitem": 999999}', 'INV-SO1', 'INV-XX1']) {
      const result = station.scan({ data, source: 'manual' })
      expect(result, data).toMatchObject({ error: NO_MATCH, plugin: null, barcode_data: data })
    }
  })

  it('logs every scan before returning, with source, plugin path, result and timing', () => {
    const station = openStation()
    const hit = station.scan({ data: '{"stockitem": 1}', source: 'wedge', device: 'kbd-1' })
    const row = station.history({ limit: 1 })[0]!
    expect(row.id).toBe(hit.scan_id)
    expect(row).toMatchObject({
      source: 'wedge',
      device: 'kbd-1',
      result: 'match',
      plugin: 'InvenTreeBarcode',
      model: 'stockitem',
      pk: 1,
    })
    expect(JSON.parse(row.response)).toMatchObject({ success: MATCH, stockitem: { pk: 1 } })
    expect(row.durationMs).toBeGreaterThanOrEqual(0)

    const miss = station.scan({ data: 'abc\u001Ddef', source: 'manual' })
    const missRow = station.history({ limit: 1 })[0]!
    expect(missRow.id).toBe(miss.scan_id)
    expect(missRow.result).toBe('no_match')
    expect(missRow.dataHex).toBe('6162631d646566')
  })

  it('answers empty and oversized input with a clear error, and still logs it', () => {
    const station = openStation()
    const empty = station.scan({ data: '   ', source: 'manual' })
    expect(empty).toMatchObject({ error: 'Missing barcode data' })
    const huge = station.scan({ data: 'x'.repeat(10_240), source: 'manual' })
    expect('error' in huge && huge.error).toMatch(/too long \(10240 characters/)
    const rows = station.history({ limit: 10 })
    expect(rows.map((r) => r.result)).toEqual(['error', 'error'])
    expect(rows[0]!.data.length).toBe(10_240)
  })

  it('pushes scans from device sources to listeners after logging them', () => {
    const station = openStation()
    const seen: unknown[] = []
    station.on((event, payload) => seen.push([event, payload]))
    const result = station.scanFromDevice({ data: 'INV-PA1', source: 'serial' })
    expect(seen).toEqual([['scanResult', result]])
    expect(station.history({ limit: 1 })[0]!.id).toBe(result.scan_id)
  })

  it('pushes every setting once to listeners after a change of several settings', async () => {
    const station = openStation()
    const seen: unknown[] = []
    station.on((event, payload) => seen.push([event, payload]))
    await setSettingsAsAdmin(station, { 'feedback.mute': true, 'barcode.showText': false })
    await Promise.resolve()
    expect(seen).toEqual([['settingsChanged', station.getSettings()]])
    expect(station.getSettings()).toMatchObject({ 'feedback.mute': true, 'barcode.showText': false })
  })
})

describe('Station reads', () => {
  it('shows every model type with fields, an internal barcode and related links', () => {
    const station = openStation()
    for (const model of modelTypes) {
      const item = station.getItem({ model, pk: 1 })
      expect(item.title.length, model).toBeGreaterThan(0)
      expect(item.barcode.json).toBe(`{"${model}": 1}`)
    }
    const stock = station.getItem({ model: 'stockitem', pk: 1 })
    expect(stock.fields.find((f) => f.label === 'Part')?.link).toEqual({ model: 'part', pk: 1 })
    const po = station.getItem({ model: 'purchaseorder', pk: 1 })
    expect(po.sections.find((s) => s.title === 'Lines')?.rows.length).toBeGreaterThan(0)
    expect(() => station.getItem({ model: 'part', pk: 424242 })).toThrow(/No part with pk 424242/)
  })

  it('uses the short form on QR codes when the setting asks for it', async () => {
    const station = openStation()
    await setSettingsAsAdmin(station, { 'barcode.form': 'short' })
    expect(station.getItem({ model: 'stockitem', pk: 3 }).barcode.preferred).toBe('INV-SI3')
  })

  it('finds parts by MPN, SKU, IPN and name', () => {
    const station = openStation()
    expect(station.search({ query: 'CL21B104KBCNNNC' })[0]).toMatchObject({
      model: 'manufacturerpart',
      matched: 'MPN CL21B104KBCNNNC',
    })
    expect(station.search({ query: 'R-0805-10K' })[0]).toMatchObject({ model: 'part', title: 'Resistor 10kΩ 0805' })
    expect(station.search({ query: 'stm32' }).some((h) => h.model === 'part' && h.title === 'STM32F103C8T6')).toBe(true)
    expect(
      station
        .search({ query: '-ND' })
        .every((h) => h.model === 'supplierpart' || h.model === 'purchaseorder' || h.model === 'part'),
    ).toBe(true)
    // % is a character to look for, not a wildcard: only descriptions like "±1%" match.
    const percent = station.search({ query: '%' })
    expect(percent.length).toBeGreaterThan(0)
    expect(percent.every((h) => `${h.title} ${h.detail}`.includes('%'))).toBe(true)
  })

  it('returns the location tree from the site down to the bins', () => {
    const tree = openStation().locationTree()
    const site = tree.find((n) => n.name === 'Main Site')!
    const stores = site.children.find((n) => n.name === 'Stores')!
    const shelfA = stores.children.find((n) => n.name === 'Shelf A')!
    expect(site.structural).toBe(true)
    expect(shelfA.children.map((b) => b.name)).toContain('Bin A1')
    expect(shelfA.children.reduce((n, b) => n + b.stockCount, 0)).toBeGreaterThan(0)
  })

  it('seeds a realistic demo inventory', () => {
    const station = openStation()
    const n = (sql: string): number => (dbOf(station).prepare(sql).get() as { n: number }).n
    expect(n('SELECT count(*) n FROM part')).toBeGreaterThanOrEqual(50)
    expect(
      n("SELECT count(*) n FROM company WHERE is_supplier = 1 AND name IN ('DigiKey', 'Mouser', 'LCSC', 'TME')"),
    ).toBe(4)
    expect(n("SELECT count(*) n FROM purchaseorder WHERE status = 'placed'")).toBeGreaterThanOrEqual(3)
    expect(n('SELECT count(*) n FROM purchaseorderline')).toBeGreaterThanOrEqual(12)
    expect(n("SELECT count(*) n FROM stockitem WHERE batch <> ''")).toBeGreaterThan(50)
    expect(n("SELECT count(*) n FROM supplierpart WHERE sku LIKE '%-ND'")).toBeGreaterThan(5)
    expect(n("SELECT count(*) n FROM supplierpart WHERE sku GLOB 'C[0-9]*'")).toBeGreaterThan(5)
  })
})
