import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ScanMatch } from '../../contract'
import { demoData, SCHEMA_PATH, schemaAbsent, SKIP_REASON } from '../../tests/inventree-standin/fixture'
import { startStandin, type Standin } from '../../tests/inventree-standin/server'
import type { StandinData } from '../../tests/inventree-standin/state'
import { barcodeHash } from '../barcode/hash'
import { openDatabase, type Db } from '../db/connection'
import { Station } from '../station'
import { createInventreeClient } from './client'
import { lastPull, pullReplica, ReplicaRefused, type PullProgress } from './pull'

if (schemaAbsent) console.warn(SKIP_REASON)

const BAG_LABEL = 'DK-BAG-0001:311-1088-1-ND:100'
const longAgo = '2025-01-10T09:00:00Z'

/** The demo data with pks that are not 1, 2, 3 and a category listed before its parent. */
function serverData(): StandinData {
  const data = demoData()
  data.categories!.push({ pk: 7, name: 'Ceramic', parent: 9 }, { pk: 9, name: 'Passives', parent: 1 })
  data.stock = data.stock!.map((s) => ({ ...s, updated: longAgo }))
  data.stock.push({
    pk: 57,
    part: 2,
    quantity: 100,
    location: 2,
    supplier_part: 2,
    purchase_order: 1,
    batch: 'B7',
    barcode_hash: barcodeHash(BAG_LABEL),
    updated: longAgo,
  })
  data.purchaseOrders!.push({ pk: 4, reference: 'PO-0004', supplier: 1, status: 30, created_by: 1, updated: longAgo })
  return data
}

describe.skipIf(schemaAbsent)('pulling a replica of the InvenTree server', { timeout: 30_000 }, () => {
  let s: Standin
  let dir: string
  let dbPath: string
  let db: Db
  const pull = (full?: boolean, onProgress?: (p: PullProgress) => void) =>
    pullReplica(db, {
      client: createInventreeClient({ url: s.url, credentials: { token: s.issueToken('desk') } }),
      full,
      pageSize: 2,
      onProgress,
    })
  const ids = (table: string): number[] => db.prepare<[], number>(`SELECT id FROM ${table} ORDER BY id`).pluck().all()

  beforeAll(async () => {
    s = await startStandin({ data: serverData(), schemaPath: SCHEMA_PATH })
    dir = mkdtempSync(join(tmpdir(), 'scan-station-pull-'))
    dbPath = join(dir, 'replica.db')
    db = openDatabase(dbPath)
  })
  afterAll(async () => {
    db.close()
    await s.close()
    rmSync(dir, { recursive: true, force: true })
    expect(s.gate.rejections).toEqual([])
  })

  it('fills every table with the server rows under their server pks, page by page, with progress', async () => {
    expect(lastPull(db)).toBeNull()
    const progress: PullProgress[] = []
    const summary = await pull(undefined, (p) => progress.push(p))
    expect(summary.full).toBe(true)
    expect(ids('partcategory')).toEqual([1, 2, 3, 7, 9])
    expect(db.prepare('SELECT parent_id FROM partcategory WHERE id = 7').pluck().get()).toBe(9)
    expect(ids('stocklocation')).toEqual([1, 2, 3])
    expect(ids('company')).toEqual([1, 2, 3, 4])
    expect(db.prepare('SELECT id, ipn, name, category_id FROM part ORDER BY id').all()).toEqual(
      s.state.data.parts!.map((p) => ({ id: p.pk, ipn: p.IPN, name: p.name, category_id: p.category })),
    )
    expect(ids('manufacturerpart')).toEqual([1, 2, 3, 4, 5])
    expect(db.prepare('SELECT id, sku, part_id FROM supplierpart ORDER BY id').all()).toEqual([
      { id: 1, sku: '311-10.0KHRCT-ND', part_id: 1 },
      { id: 2, sku: '311-1088-1-ND', part_id: 2 },
      { id: 3, sku: '311-RC0805FR-0710KLCT-ND', part_id: 3 },
      { id: 4, sku: '1276-CL21B104KBCNNNCCT-ND', part_id: 4 },
      { id: 5, sku: '322-RP2040CT-ND', part_id: 5 },
    ])
    // The completed order is not the desk's to receive.
    expect(db.prepare('SELECT id, reference, status FROM purchaseorder ORDER BY id').all()).toEqual([
      { id: 1, reference: 'PO-0001', status: 'placed' },
      { id: 2, reference: 'PO-0002', status: 'placed' },
    ])
    expect(db.prepare('SELECT id, order_id, quantity FROM purchaseorderline ORDER BY id').all()).toEqual([
      { id: 1, order_id: 1, quantity: 500 },
      { id: 2, order_id: 1, quantity: 200 },
      { id: 3, order_id: 2, quantity: 10 },
      { id: 4, order_id: 2, quantity: 25 },
      { id: 5, order_id: 2, quantity: 50 },
    ])
    expect(ids('stockitem')).toEqual([1, 2, 57])
    expect(db.prepare("SELECT pk, hash FROM barcodelink WHERE model_type = 'stockitem'").all()).toEqual([
      { pk: 57, hash: barcodeHash(BAG_LABEL) },
    ])
    expect(summary.pulled).toMatchObject({ partcategory: 5, part: 5, stockitem: 3, purchaseorder: 2 })
    expect(progress.filter((p) => p.model === 'stockitem').map((p) => `${p.done}/${p.total}`)).toEqual(['2/3', '3/3'])
    expect(lastPull(db)).not.toBeNull()
  })

  it('picks up a changed part, and asks the stock list only for what changed since', async () => {
    s.state.data.parts![0]!.name = 'Resistor 10k 1% 0603'
    const stock = s.state.data.stock!
    stock.find((i) => i.pk === 1)!.quantity = 240
    stock.find((i) => i.pk === 1)!.updated = new Date().toISOString()
    // A change the server does not date is one an incremental pull cannot see: proof it did not read everything.
    stock.find((i) => i.pk === 2)!.quantity = 1
    const summary = await pull()
    expect(summary.full).toBe(false)
    expect(db.prepare('SELECT name FROM part WHERE id = 1').pluck().get()).toBe('Resistor 10k 1% 0603')
    expect(db.prepare('SELECT id, quantity FROM stockitem ORDER BY id').all()).toEqual([
      { id: 1, quantity: 240 },
      { id: 2, quantity: 100 },
      { id: 57, quantity: 100 },
    ])
    expect(summary.pulled.stockitem).toBe(1)
  })

  it('deletes what the server no longer lists only on a full pull', async () => {
    s.state.data.stock = s.state.data.stock!.filter((i) => i.pk !== 2)
    s.state.data.categories = s.state.data.categories!.filter((c) => c.pk !== 7 && c.pk !== 9)
    s.state.data.stock.find((i) => i.pk === 57)!.quantity = 90
    await pull()
    expect(ids('stockitem')).toEqual([1, 2, 57])
    expect(db.prepare('SELECT quantity FROM stockitem WHERE id = 57').pluck().get()).toBe(100)
    const summary = await pull(true)
    expect(ids('stockitem')).toEqual([1, 57])
    expect(ids('partcategory')).toEqual([1, 2, 3])
    expect(summary.removed).toMatchObject({ stockitem: 1, partcategory: 2 })
    // The undated change is now read too.
    expect(db.prepare('SELECT quantity FROM stockitem WHERE id = 57').pluck().get()).toBe(90)
  })

  it('refuses to mix a replica into a database holding the demo inventory', async () => {
    const demoDir = mkdtempSync(join(tmpdir(), 'scan-station-demo-'))
    try {
      const demoPath = join(demoDir, 'demo.db')
      Station.open({ dbPath: demoPath, startUserPlugins: false }).close()
      const demo = openDatabase(demoPath)
      const before = demo.prepare('SELECT count(*) FROM part').pluck().get()
      const client = createInventreeClient({ url: s.url, credentials: { token: s.issueToken('desk') } })
      await expect(pullReplica(demo, { client })).rejects.toThrow(ReplicaRefused)
      await expect(pullReplica(demo, { client })).rejects.toThrow(/new database file/)
      expect(demo.prepare('SELECT count(*) FROM part').pluck().get()).toBe(before)
      demo.close()
    } finally {
      rmSync(demoDir, { recursive: true, force: true })
    }
  })

  it('keeps a replica of a server with no inventory empty: a Station opening it seeds no demo', async () => {
    const empty = demoData()
    // Its supplier parts, order lines and manufacturer parts are left pointing at nothing: they are skipped.
    for (const key of ['categories', 'locations', 'parts', 'companies', 'stock', 'purchaseOrders'] as const)
      empty[key] = []
    const bare = await startStandin({ data: empty, schemaPath: SCHEMA_PATH, gate: s.gate })
    const bareDir = mkdtempSync(join(tmpdir(), 'scan-station-bare-'))
    try {
      const barePath = join(bareDir, 'replica.db')
      const replica = openDatabase(barePath)
      const client = createInventreeClient({ url: bare.url, credentials: { token: bare.issueToken('desk') } })
      const summary = await pullReplica(replica, { client })
      expect(Object.values(summary.pulled).every((n) => n === 0)).toBe(true)
      expect(summary.skipped).toMatchObject({ supplierpart: 5, manufacturerpart: 5 })
      replica.close()
      const station = Station.open({ dbPath: barePath, startUserPlugins: false })
      expect(station.info().counts).toMatchObject({ parts: 0, stockItems: 0, locations: 0 })
      station.close()
    } finally {
      await bare.close()
      rmSync(bareDir, { recursive: true, force: true })
    }
  })

  it("scans InvenTree's labels of pulled items to the same items with the server stopped", async () => {
    await s.close()
    const station = Station.open({ dbPath, startUserPlugins: false })
    try {
      expect(station.info().counts).toMatchObject({ parts: 5, stockItems: 2 })
      for (const data of ['INV-SI57', '{"stockitem": 57}', BAG_LABEL]) {
        const result = station.scan({ data, source: 'manual' }) as ScanMatch
        expect(result.stockitem?.pk, data).toBe(57)
      }
      expect((station.scan({ data: 'INV-SI1', source: 'manual' }) as ScanMatch).stockitem?.pk).toBe(1)
    } finally {
      station.close()
    }
  })
})
