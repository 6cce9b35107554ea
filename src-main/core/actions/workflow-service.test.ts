import { afterEach, describe, expect, it, vi } from 'vitest'
import { signInAdmin } from '../../tests/support/station'
import type { SessionUpdate } from '../../contract'
import { dispatch } from '../../dispatch'
import * as resolver from '../barcode/resolver'
import { RECENT_SCANS } from '../history/recent-scans'
import { Station } from '../station'
import { tempDbPath } from '../../tests/support/temp-db'

// Counts trips through the plugin chain: a claimed scan must take its first resolution, not a second one.
vi.mock('../barcode/resolver', async (importOriginal) => {
  const original = await importOriginal<typeof import('../barcode/resolver')>()
  return { ...original, resolve: vi.fn(original.resolve) }
})
const resolutions = (): number => vi.mocked(resolver.resolve).mock.calls.length

const admin = async (station: Station): Promise<Station> => {
  await signInAdmin(station)
  return station
}

async function add(station: Station, input: { session: number; scanId: number }): Promise<SessionUpdate> {
  const answer = await dispatch(station, 'sessionAdd', input)
  if (!answer.ok) throw new Error(answer.error.message)
  return answer.value as SessionUpdate
}

describe('sessions take the scan result the resolver made', () => {
  afterEach(() => vi.mocked(resolver.resolve).mockClear())

  it('with the history off, adds a wedge scan by its result id without resolving it again or logging it as typed', async () => {
    const station = await admin(Station.open({ dbPath: tempDbPath() }))
    station.setSettings({ 'history.store': false, confirm: true })
    const session = station.sessionStart({ kind: 'scan' }).id
    const scan = station.scanFromDevice({ data: 'INV-SI1', source: 'wedge' })
    expect(scan.scan_id).toBeNull()
    expect(scan.result_id).toBeLessThan(0)
    expect(resolutions()).toBe(1)
    // Were the scan resolved again here, it would be logged now, under another source.
    station.setSettings({ 'history.store': true })
    const update = await add(station, { session, scanId: scan.result_id })
    expect(resolutions()).toBe(1)
    expect(update.row).toMatchObject({ model: 'stockitem', pk: 1, scanId: null, flag: 'ok' })
    expect(station.history({})).toEqual([])
  })

  it('with the history on, keys the result by its history id, whose row keeps the real source', async () => {
    const station = Station.open({ dbPath: tempDbPath() })
    const session = station.sessionStart({ kind: 'scan' }).id
    const scan = station.scanFromDevice({ data: 'INV-SI2', source: 'hid' })
    expect(scan.result_id).toBe(scan.scan_id)
    const update = await add(station, { session, scanId: scan.result_id })
    expect(resolutions()).toBe(1)
    expect(update.row).toMatchObject({ pk: 2, scanId: scan.scan_id })
    expect(station.history({}).map((h) => [h.id, h.source])).toEqual([[scan.scan_id, 'hid']])
  })

  it('after a restart, rebuilds a logged scan from its history row and refuses an unlogged one', async () => {
    const dbPath = tempDbPath()
    const before = await admin(Station.open({ dbPath }))
    const logged = before.scan({ data: 'INV-SI3', source: 'serial' })
    before.setSettings({ 'history.store': false, confirm: true })
    const unlogged = before.scan({ data: 'INV-SI4', source: 'serial' })
    before.close()

    const after = Station.open({ dbPath })
    const session = after.sessionStart({ kind: 'scan' }).id
    const update = await add(after, { session, scanId: logged.result_id })
    expect(update.row).toMatchObject({ pk: 3, scanId: logged.scan_id })
    await expect(add(after, { session, scanId: unlogged.result_id })).rejects.toThrow(/scan it again/)
    expect(after.sessionCurrent({ kind: 'scan' })!.rows).toHaveLength(1)
  })

  it(`holds the last ${RECENT_SCANS} results, not more`, async () => {
    const station = await admin(Station.open({ dbPath: tempDbPath() }))
    station.setSettings({ 'history.store': false, confirm: true })
    const session = station.sessionStart({ kind: 'scan' }).id
    const first = station.scan({ data: 'INV-SI1', source: 'manual' })
    const rest = Array.from({ length: RECENT_SCANS }, () => station.scan({ data: 'INV-SI2', source: 'manual' }))
    await expect(add(station, { session, scanId: first.result_id })).rejects.toThrow(/no longer held/)
    expect((await add(station, { session, scanId: rest[0]!.result_id })).row).toMatchObject({ pk: 2 })
  })

  it('refuses a session kind no workflow is registered for', () => {
    const station = Station.open({ dbPath: tempDbPath() })
    expect(() => station.sessionStart({ kind: 'putaway' as 'scan' })).toThrow(/No workflow named 'putaway'/)
  })
})
