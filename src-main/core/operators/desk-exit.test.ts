/**
 * The admin exit of desk mode: only an admin's badge with the right PIN grants it, a wrong PIN counts towards the
 * lock-out like a sign-in, and the hosts hear of a granted exit (the desktop app quits on it).
 */
import { describe, expect, it } from 'vitest'
import { dispatch } from '../../dispatch'
import { tempDbPath } from '../../tests/support/temp-db'
import { openTestStation } from '../../tests/support/station'

describe('the admin exit', () => {
  it('is granted for an admin badge with the right PIN only, and announced to the hosts', async () => {
    const station = openTestStation({ dbPath: tempDbPath() })
    const granted: unknown[] = []
    station.on((event, payload) => {
      if (event === 'deskExitGranted') granted.push(payload)
    })
    const exit = (badge: string, pin: string) => dispatch(station, 'deskExit', { badge, pin }, 'window:1')

    expect(await exit('OP-1001', '9000')).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(await exit('OP-9000', '1234')).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(granted).toEqual([])
    expect(await exit('OP-9000', '9000')).toEqual({ ok: true, value: { granted: true } })
    expect(granted).toEqual([{ by: expect.any(String) }])
    // Nobody was signed in by it.
    expect(await dispatch(station, 'info', {}, 'window:1')).toMatchObject({ ok: true, value: { operator: null } })
  })

  it('locks the admin out after five wrong PINs, the right one included then', async () => {
    const station = openTestStation({ dbPath: tempDbPath() })
    const exit = (pin: string) => dispatch(station, 'deskExit', { badge: 'OP-9000', pin }, 'window:1')
    for (let i = 0; i < 5; i++) await exit(`000${i}`)
    expect(await exit('9000')).toMatchObject({ ok: false, error: { message: expect.stringMatching(/locked out/) } })
  })
})
