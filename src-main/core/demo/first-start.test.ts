import { afterEach, describe, expect, it } from 'vitest'
import { Station } from '../station'
import { silentLogger } from '../log/logger'
import { tempDbPath } from '../../tests/support/temp-db'
import { DEMO_ADMIN_PIN } from './demo-data'

const open: Station[] = []
afterEach(async () => {
  for (const station of open.splice(0)) await station.close()
})

function start(dbPath: string, demo: boolean | 'ask' = 'ask'): Station {
  const station = Station.open({ dbPath, demo, logger: silentLogger })
  open.push(station)
  return station
}

async function restart(station: Station, dbPath: string): Promise<Station> {
  await station.close()
  open.splice(open.indexOf(station), 1)
  return start(dbPath)
}

describe('the first start of a new station', () => {
  it('asks before anything is in it, and asks again after a restart until answered', async () => {
    const dbPath = tempDbPath()
    let station = start(dbPath)
    expect(station.info()).toMatchObject({ firstStart: true, adminPinSet: false, counts: { parts: 0 } })
    // The admin exists, so a PIN can be set whatever the answer.
    expect(station.operators().some((op) => op.role === 'admin')).toBe(true)
    station = await restart(station, dbPath)
    expect(station.info().firstStart).toBe(true)
  })

  it('the demo is one click: its inventory scans and its admin signs in with the documented PIN', async () => {
    const dbPath = tempDbPath()
    let station = start(dbPath)
    const info = station.chooseStart({ start: 'demo' })
    expect(info.firstStart).toBe(false)
    expect(info.adminPinSet).toBe(true)
    expect(info.counts.parts).toBeGreaterThan(10)
    expect(station.scan({ data: 'INV-SL1', source: 'manual' })).toMatchObject({ outcome: 'matched' })
    expect(station.search({ query: 'CL21B104KBCNNNC' }).length).toBeGreaterThan(0)
    await expect(station.signIn({ badge: 'OP-9000', pin: DEMO_ADMIN_PIN })).resolves.toMatchObject({ role: 'admin' })
    station = await restart(station, dbPath)
    expect(station.info().firstStart).toBe(false)
  })

  it('an empty station stays empty and is not asked again; the answer cannot be changed afterwards', async () => {
    const dbPath = tempDbPath()
    let station = start(dbPath)
    expect(station.chooseStart({ start: 'empty' })).toMatchObject({ firstStart: false, counts: { parts: 0 } })
    expect(() => station.chooseStart({ start: 'demo' })).toThrow(/already been set up/)
    station = await restart(station, dbPath)
    expect(station.info()).toMatchObject({ firstStart: false, adminPinSet: false, counts: { parts: 0 } })
    expect(station.scan({ data: 'INV-SL1', source: 'manual' }).outcome).toBe('no_match')
  })

  it('a station made before, with the demo or without it, is never asked', async () => {
    for (const demo of [true, false]) {
      const dbPath = tempDbPath()
      const before = start(dbPath, demo)
      const parts = before.info().counts.parts
      const after = await restart(before, dbPath)
      expect(after.info()).toMatchObject({ firstStart: false, counts: { parts } })
    }
  })
})
