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
import { dbOf, openTestStation, signInAdmin } from '../../tests/support/station'
import { tempDbPath } from '../../tests/support/temp-db'
import type { Station } from '../station'
import { createInventreeClient } from './client'
import { Outbox } from './outbox'
import { pullReplica } from './pull'

if (schemaAbsent) console.warn(SKIP_REASON)

const location = (station: Station, id: number): number | null =>
  (dbOf(station).prepare('SELECT location_id FROM stockitem WHERE id = ?').get(id) as { location_id: number | null })
    .location_id

describe.skipIf(schemaAbsent)('the outbox of a desk on an InvenTree replica', { timeout: 30_000 }, () => {
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

  it('queues each desk action with its local effect, in the order the desk did them', () => {
    station.stockAction({ action: 'move', items: [1, 2], location: 2 })
    station.stockAction({ action: 'count', items: [1], quantity: 240 })
    station.stockAction({ action: 'remove', items: [2], quantity: 5 })
    expect(location(station, 1)).toBe(2)
    const rows = station.inventreeOutbox({})
    expect(rows.map((r) => [r.kind, r.state, r.summary])).toEqual([
      ['transfer', 'queued', 'Moved 2 stock items to Goods-in'],
      ['count', 'queued', 'Counted 1 stock item: 240 each'],
      ['remove', 'queued', 'Removed 5 on 1 stock item'],
    ])
    expect(station.inventreeStatus()).toMatchObject({ connected: true, queued: 3, parked: 0 })
  })

  it('gives a bag received offline a desk-made pk that scans, and queues one receipt per bag', () => {
    const created = receiveBags(station, [
      { line: 0, qty: 10, lot: 'LOT-A' },
      { line: 1, qty: 11, lot: 'LOT-B' },
    ])
    const ids = created.map((c) => c.stockitem)
    expect(ids.every((id) => id < 0)).toBe(true)
    expect(new Set(ids).size).toBe(2)
    // A label printed for the new item at once scans to it, and so does the bag's own label.
    const byLabel = station.scan({ data: `{"stockitem": ${ids[0]}}`, source: 'manual' }) as ScanMatch
    expect(byLabel.stockitem?.pk).toBe(ids[0])
    const byBag = station.scan({
      data: digikeyLabel(PO1_LINES[1].sku, PO1_LINES[1].mpn, 11, 'LOT-B'),
      source: 'manual',
    }) as ScanMatch
    expect(byBag.stockitem?.pk).toBe(ids[1])
    const receipts = new Outbox(dbOf(station)).list().map((e) => e.action)
    expect(receipts).toEqual([
      expect.objectContaining({ kind: 'receive', order: 1, line: 1, quantity: 10, batch: 'LOT-A', stockitem: ids[0] }),
      expect.objectContaining({ kind: 'receive', order: 1, line: 2, quantity: 11, batch: 'LOT-B', stockitem: ids[1] }),
    ])
  })

  it('keeps what the desk changed through a pull until the server has it, and a full pull keeps desk-made rows', async () => {
    station.stockAction({ action: 'move', items: [1], location: 2 })
    const [made] = receiveBags(station, [{ line: 0, qty: 10, lot: 'LOT-A' }])
    // Pulled before anything was pushed: the server still has item 1 on Shelf A and knows nothing of the bag.
    const client = createInventreeClient({ url: standin.url, credentials: { token: standin.issueToken('desk') } })
    const pulled = await pullReplica(dbOf(station), { client, full: true })
    expect(pulled.full).toBe(true)
    expect(location(station, 1)).toBe(2)
    expect(location(station, 2)).toBe(3)
    expect(location(station, made!.stockitem)).not.toBeNull()
  })

  it('on a parked receipt, discarding removes the bag the desk made and opens its line again', async () => {
    const [made] = receiveBags(station, [{ line: 0, qty: 10, lot: 'LOT-A' }])
    const db = dbOf(station)
    const outbox = new Outbox(db)
    const [entry] = outbox.list()
    outbox.park(entry!.id, 'Purchase order must be placed', 'no')
    await signInAdmin(station)
    const discarded = station.inventreeResolve({ id: entry!.id, action: 'discard' })
    expect(discarded.state).toBe('discarded')
    expect(db.prepare('SELECT 1 FROM stockitem WHERE id = ?').get(made!.stockitem)).toBeUndefined()
    expect(db.prepare('SELECT received FROM purchaseorderline WHERE id = 1').pluck().get()).toBe(0)
    expect(station.scan({ data: `{"stockitem": ${made!.stockitem}}`, source: 'manual' }).outcome).toBe('no_match')
  })

  it('lets only an admin discard or edit a parked row; anyone may retry it', () => {
    station.stockAction({ action: 'move', items: [1], location: 2 })
    const outbox = new Outbox(dbOf(station))
    const [entry] = outbox.list()
    outbox.park(entry!.id, 'Location is structural', 'no')
    expect(() => station.inventreeResolve({ id: entry!.id, action: 'discard' })).toThrow(/Only an admin/)
    expect(() => station.inventreeResolve({ id: entry!.id, action: 'edit', location: 3 })).toThrow(/Only an admin/)
    expect(station.inventreeResolve({ id: entry!.id, action: 'retry' }).state).toBe('queued')
  })
})

describe('a station on its own inventory', () => {
  it('queues nothing: there is no server to push to', () => {
    const station = openTestStation({ dbPath: tempDbPath(), startUserPlugins: false, syncIntervalMs: 0 })
    station.signIn({ badge: 'OP-1001' })
    const bin = station.search({ query: 'Bin C2' }).find((h) => h.model === 'stocklocation')!.pk
    expect(station.stockAction({ action: 'move', items: [1], location: bin }).items).toBe(1)
    expect(station.inventreeOutbox({})).toEqual([])
    expect(station.inventreeStatus()).toMatchObject({ connected: false, state: 'not_connected', queued: 0 })
    station.close()
  })
})
