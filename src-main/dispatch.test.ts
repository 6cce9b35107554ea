import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { dispatch } from './dispatch'
import { Station } from './core/station'
import { tempDbPath } from './tests/support/temp-db'
import { dbOf, openTestStation, signInAdmin } from './tests/support/station'

/** Everything a bad call could have touched: the scan log and the inventory. */
const snapshot = (station: Station): string =>
  JSON.stringify(
    ['scan', 'stockitem', 'barcodelink', 'setting'].map((t) => dbOf(station).prepare(`SELECT * FROM ${t}`).all()),
  )

describe('dispatch: the validated entry point for IPC and the web host', () => {
  it('refuses arguments that fail the schema with a typed error, and changes nothing', async () => {
    const station = openTestStation({ dbPath: tempDbPath() })
    const before = snapshot(station)
    const bad: [string, unknown][] = [
      ['scan', undefined],
      ['scan', { data: 42, source: 'manual' }],
      ['scan', { data: 'INV-SL1', source: 'telepathy' }],
      ['scan', { data: 'INV-SL1', source: 'manual', sql: 'DROP TABLE part' }],
      ['scan', { data: 'x'.repeat(1_000_001), source: 'manual' }],
      ['scan', { data: '04252614', source: 'webcam', symbologyId: 'E0' }],
      ['scan', { data: '04252614', source: 'webcam', symbologyId: ']E0\n' }],
      ['getItem', { model: 'user', pk: 1 }],
      ['getItem', { model: 'part', pk: 0 }],
      ['getItem', { model: 'part', pk: 1.5 }],
      ['getItem', { model: 'part', pk: '1' }],
      ['search', { query: '' }],
      ['history', { limit: 1e9 }],
      ['info', { extra: true }],
      ['setSettings', { 'history.store': undefined, confirm: true }],
      ['scan', ['INV-SL1', 'manual']],
      // What a hostile page sends over the web host's socket: JSON.parse makes __proto__ an own key.
      ['scan', JSON.parse('{"__proto__": {"data": "INV-SL1", "source": "manual"}}')],
      ['scan', JSON.parse('{"data": "INV-SL1", "source": "manual", "__proto__": {"admin": true}}')],
    ]
    for (const [method, arg] of bad) {
      const reply = await dispatch(station, method, arg)
      expect(reply.ok, `${method} ${JSON.stringify(arg)?.slice(0, 60)}`).toBe(false)
      if (!reply.ok) {
        expect(reply.error.code).toBe('invalid_argument')
        expect(reply.error.message).toMatch(new RegExp(`^Invalid argument for ${method}`))
        expect(reply.error.message).not.toMatch(/at .*\.ts:\d+/)
      }
    }
    expect(snapshot(station)).toBe(before)
  })

  it('names the refused field in the error, for code and for a person', async () => {
    const station = Station.open({ dbPath: tempDbPath() })
    const cases: [string, unknown, (string | number)[] | undefined][] = [
      ['scan', { data: 42, source: 'manual' }, ['data']],
      ['getItem', { model: 'part', pk: 0 }, ['pk']],
      [
        'labelPdf',
        {
          items: [
            { model: 'part', pk: 1 },
            { model: 'part', pk: 0 },
          ],
        },
        ['items', 1, 'pk'],
      ],
      ['historyQuery', { filter: { results: ['maybe'] } }, ['filter', 'results', 0]],
      ['scan', undefined, undefined],
      // Electron's IPC keeps a key set to undefined; it is not "leave this setting alone".
      ['setSettings', { 'feedback.mute': undefined }, ['feedback.mute']],
    ]
    for (const [method, arg, path] of cases) {
      const reply = await dispatch(station, method, arg)
      if (reply.ok) throw new Error(`${method} was accepted`)
      expect(reply.error.path, method).toEqual(path)
      if (path) expect(reply.error.message).toContain(`${path.join('.')}: `)
    }
  })

  it('refuses methods outside the contract, including inherited property names', async () => {
    const station = openTestStation({ dbPath: tempDbPath() })
    for (const method of ['close', 'constructor', '__proto__', 'toString', 'db']) {
      const reply = await dispatch(station, method, {})
      expect(reply).toEqual({ ok: false, error: { code: 'unknown_method', message: `Unknown method: ${method}` } })
    }
  })

  it('passes valid calls through and maps a missing item to not_found', async () => {
    const station = openTestStation({ dbPath: tempDbPath() })
    const reply = await dispatch(station, 'scan', { data: 'INV-SL1', source: 'manual' })
    expect(reply.ok && reply.value !== null && 'success' in reply.value && reply.value.success).toBe(
      'Match found for barcode data',
    )
    expect(await dispatch(station, 'getItem', { model: 'part', pk: 99999 })).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'No part with pk 99999' },
    })
  })

  it('refuses a scan into a session that does not exist without logging it as scanned', async () => {
    const station = openTestStation({ dbPath: tempDbPath() })
    const before = snapshot(station)
    expect(await dispatch(station, 'sessionAdd', { session: 424242, data: 'INV-SI1', source: 'wedge' })).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'No session 424242' },
    })
    expect(snapshot(station)).toBe(before)
  })

  it("passes on the InvenTree server's refusal in its own words, not as an internal error", async () => {
    const station = openTestStation({ dbPath: tempDbPath(), syncIntervalMs: 0 })
    // A port nobody listens on: the server this address names is down.
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const { port } = closed.address() as AddressInfo
    await new Promise((resolve) => closed.close(resolve))

    await signInAdmin(station)
    const connect = await dispatch(station, 'inventreeConnect', { url: `http://127.0.0.1:${port}`, token: 't' })
    expect(connect).toMatchObject({ ok: false, error: { code: 'remote' } })
    expect(!connect.ok && connect.error.message).toMatch(
      `Cannot reach the InvenTree server at http://127.0.0.1:${port}`,
    )
    expect(await dispatch(station, 'inventreeSync', {})).toEqual({
      ok: false,
      error: { code: 'remote', message: 'This station is not connected to an InvenTree server: connect first' },
    })
    station.close()
  })
})
