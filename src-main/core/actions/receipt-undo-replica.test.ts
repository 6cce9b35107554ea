import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { schemaAbsent, SKIP_REASON } from '../../tests/inventree-standin/fixture'
import type { Standin } from '../../tests/inventree-standin/server'
import { openReplicaStation, receiveBags, startDemoStandin } from '../../tests/support/replica-station'
import { dbOf } from '../../tests/support/station'
import type { Station } from '../station'

if (schemaAbsent) console.warn(SKIP_REASON)

const lastReceipt = (station: Station): number =>
  (dbOf(station).prepare("SELECT max(id) AS id FROM scansession WHERE kind = 'receive'").get() as { id: number }).id

describe.skipIf(schemaAbsent)('undoing a receipt on an InvenTree replica', { timeout: 30_000 }, () => {
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

  it('takes bags not yet sent off the queue, so the server never hears of them', async () => {
    receiveBags(station, [
      { line: 0, qty: 10, lot: 'LOT-A' },
      { line: 1, qty: 11, lot: 'LOT-B' },
    ])
    expect(station.inventreeStatus()).toMatchObject({ queued: 2 })
    station.receiptUndo({ session: lastReceipt(station) })
    expect(station.inventreeStatus()).toMatchObject({ queued: 0, parked: 0 })
    const sync = await station.inventreeSync({})
    expect(sync).toMatchObject({ pushed: 0, parked: 0 })
  })

  it('is refused once a bag was sent to the server, with the reason', async () => {
    const created = receiveBags(station, [{ line: 0, qty: 10, lot: 'LOT-A' }])
    expect(await station.inventreeSync({})).toMatchObject({ pushed: 1 })
    const session = lastReceipt(station)
    const before = JSON.stringify(dbOf(station).prepare('SELECT * FROM stockitem ORDER BY id').all())
    expect(() => station.receiptUndo({ session })).toThrow(
      /was already sent to the InvenTree server; undo the receipt there instead/,
    )
    expect(JSON.stringify(dbOf(station).prepare('SELECT * FROM stockitem ORDER BY id').all())).toBe(before)
    expect(created).toHaveLength(1)
  })
})
