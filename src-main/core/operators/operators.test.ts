import { afterEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../dispatch'
import { DEMO_ADMIN_PIN } from '../demo/demo-data'
import type { Logger } from '../log/logger'
import { Station, type StationOptions } from '../station'
import { dbOf, openTestStation, signInAdmin } from '../../tests/support/station'
import { tempDbPath } from '../../tests/support/temp-db'
import { asCaller } from './caller'

/** A logger that keeps its lines, so a test reads the audit trail a person would. */
function recordingLogger(): Logger & { lines: { level: string; message: string; details?: unknown }[] } {
  const lines: { level: string; message: string; details?: unknown }[] = []
  return {
    lines,
    info: (message, details) => void lines.push({ level: 'info', message, details }),
    warn: (message, details) => void lines.push({ level: 'warn', message, details }),
    error: (message, details) => void lines.push({ level: 'error', message, details }),
    close: () => Promise.resolve(),
  }
}

const open: Station[] = []
afterEach(() => {
  for (const station of open.splice(0)) station.close()
})

function station(options: Partial<StationOptions> = {}): Station {
  const s = openTestStation({ dbPath: tempDbPath(), startUserPlugins: false, syncIntervalMs: 0, ...options })
  open.push(s)
  return s
}

const ADMIN = { badge: 'OP-9000' }

describe('the admin PIN', () => {
  it('is asked for: no PIN or a wrong one signs nobody in, the right one does', async () => {
    const s = station()
    await expect(s.signIn(ADMIN)).rejects.toThrow(/signs in with a PIN/)
    await expect(s.signIn({ ...ADMIN, pin: '1234' })).rejects.toThrow(/Wrong PIN/)
    expect(s.info().operator).toBeNull()
    expect(() => s.setSettings({ 'feedback.mute': true })).toThrow(/Only an admin/)
    expect(await s.signIn({ ...ADMIN, pin: DEMO_ADMIN_PIN })).toMatchObject({ name: 'Admin', role: 'admin' })
    expect(s.setSettings({ 'feedback.mute': true })['feedback.mute']).toBe(true)
  })

  it('is kept only as a salted Argon2id hash: never the PIN, and two equal PINs hash apart', async () => {
    const s = station()
    await signInAdmin(s)
    const [alex, sam] = s.operators().filter((op) => op.role === 'operator')
    await s.setPin({ operatorId: alex!.id, pin: '4711' })
    await s.setPin({ operatorId: sam!.id, pin: '4711' })
    const hashes = dbOf(s)
      .prepare<[], { pin_hash: string }>("SELECT pin_hash FROM operator WHERE role = 'operator'")
      .all()
      .map((r) => r.pin_hash)
    for (const hash of hashes) {
      expect(hash).toMatch(/^\$argon2id\$/)
      expect(hash).not.toContain('4711')
    }
    expect(hashes[0]).not.toBe(hashes[1])
  })

  it('may be set by an admin only, once the first admin PIN exists', async () => {
    const s = station()
    const alex = s.operators().find((op) => op.name === 'Alex Receiving')!
    await expect(s.setPin({ operatorId: alex.id, pin: '0000' })).rejects.toThrow(/Only an admin/)
    await s.signIn({ badge: 'OP-1001' })
    await expect(s.setPin({ operatorId: alex.id, pin: '0000' })).rejects.toThrow(/Only an admin/)
  })
})

describe('a new station without the demo', () => {
  it('has no admin PIN until its first start sets one; before that the admin cannot sign in', async () => {
    const s = station({ demo: false })
    expect(s.info().adminPinSet).toBe(false)
    await expect(s.signIn({ ...ADMIN, pin: DEMO_ADMIN_PIN })).rejects.toThrow(/Set the admin PIN first/)
    const ops = s.operators()
    const admin = ops.find((op) => op.role === 'admin')!
    const operator = ops.find((op) => op.role === 'operator')!
    await expect(s.setPin({ operatorId: operator.id, pin: '1111' })).rejects.toThrow(/Set the admin PIN first/)
    await s.setPin({ operatorId: admin.id, pin: '246810' })
    expect(s.info().adminPinSet).toBe(true)
    expect(s.info().operator).toBeNull()
    // Once set, nobody but an admin changes it: the first-start door is shut.
    await expect(s.setPin({ operatorId: admin.id, pin: '0000' })).rejects.toThrow(/Only an admin/)
    expect(await s.signIn({ ...ADMIN, pin: '246810' })).toMatchObject({ role: 'admin' })
  })
})

describe('sign-in per caller', () => {
  it('signs in only the window or connection that asked', async () => {
    const s = station()
    const a = await dispatch(s, 'signIn', { ...ADMIN, pin: DEMO_ADMIN_PIN }, 'web:1')
    expect(a.ok).toBe(true)
    expect(await dispatch(s, 'setSettings', { 'feedback.mute': true }, 'web:2')).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    })
    expect(await dispatch(s, 'purgeHistory', { confirm: true }, 'web:2')).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    })
    expect(await dispatch(s, 'info', {}, 'web:2')).toMatchObject({ ok: true, value: { operator: null } })
    expect(await dispatch(s, 'setSettings', { 'feedback.mute': true }, 'web:1')).toMatchObject({ ok: true })
    // A closed connection's sign-in is gone: the next connection with the same name would not inherit it.
    s.endCaller('web:1')
    expect(await dispatch(s, 'info', {}, 'web:1')).toMatchObject({ ok: true, value: { operator: null } })
  })

  it('names the scanning window’s operator in the history, and device scans the window signed in last', async () => {
    const s = station()
    await asCaller('window:1', () => s.signIn({ badge: 'OP-1001' }))
    await asCaller('window:2', () => s.signIn({ badge: 'OP-1002' }))
    asCaller('window:1', () => s.scan({ data: 'INV-SL1', source: 'manual' }))
    s.scanFromDevice({ data: 'INV-SL2', source: 'hid' })
    const [device, typed] = s.history({ limit: 2 })
    expect(typed).toMatchObject({ data: 'INV-SL1', operator: 'Alex Receiving' })
    expect(device).toMatchObject({ data: 'INV-SL2', operator: 'Sam Stores' })
  })
})

describe('lock-out after wrong PINs', () => {
  it('locks the operator after 5 wrong PINs, even from another window, until the lock runs out', async () => {
    let now = 1_000_000
    const logger = recordingLogger()
    const s = station({ logger, auth: { now: () => now } })
    for (let i = 1; i <= 4; i++)
      await expect(asCaller(`web:${i}`, () => s.signIn({ ...ADMIN, pin: `000${i}` }))).rejects.toThrow(/^Wrong PIN$/)
    await expect(s.signIn({ ...ADMIN, pin: '0005' })).rejects.toThrow(/locked out for 5 min/)
    await expect(asCaller('web:9', () => s.signIn({ ...ADMIN, pin: DEMO_ADMIN_PIN }))).rejects.toThrow(
      /locked out after too many wrong PINs; try again in 5 min/,
    )
    now += 5 * 60_000
    expect(await s.signIn({ ...ADMIN, pin: DEMO_ADMIN_PIN })).toMatchObject({ role: 'admin' })
    const refusals = logger.lines.filter((l) => l.level === 'warn').map((l) => l.message)
    expect(refusals).toEqual([
      ...Array<string>(4).fill('audit: wrong PIN'),
      'audit: wrong PIN, now locked out',
      'audit: sign-in refused: locked out',
    ])
  })

  it('counts wrong PINs in a row only: a right one starts the count again', async () => {
    const s = station()
    for (let i = 0; i < 4; i++) await expect(s.signIn({ ...ADMIN, pin: '1111' })).rejects.toThrow(/Wrong PIN/)
    await s.signIn({ ...ADMIN, pin: DEMO_ADMIN_PIN })
    await expect(s.signIn({ ...ADMIN, pin: '1111' })).rejects.toThrow(/^Wrong PIN$/)
  })
})

describe('idle sign-out', () => {
  it('signs an idle admin out after the set minutes; use keeps them in; a status check does not', async () => {
    let now = 0
    const logger = recordingLogger()
    const s = station({ logger, auth: { now: () => now } })
    await signInAdmin(s)
    now += 14 * 60_000
    s.setSettings({ 'feedback.mute': true })
    now += 14 * 60_000
    expect(s.info().operator).toMatchObject({ role: 'admin' })
    now += 60_000
    expect(s.info().operator).toBeNull()
    expect(() => s.setSettings({ 'feedback.mute': false })).toThrow(/Only an admin/)
    expect(logger.lines.map((l) => l.message)).toContain('audit: signed out after idling')
  })

  it('keeps an operator signed in for the shift, and an admin too when the setting is 0', async () => {
    let now = 0
    const s = station({ auth: { now: () => now } })
    await signInAdmin(s)
    s.setSettings({ 'security.adminIdleMinutes': 0 })
    now += 24 * 60 * 60_000
    expect(s.info().operator).toMatchObject({ role: 'admin' })
    await s.signIn({ badge: 'OP-1001' })
    now += 24 * 60 * 60_000
    expect(s.info().operator).toMatchObject({ name: 'Alex Receiving' })
  })
})

describe('operator PINs, as a setting', () => {
  it('asks every operator for a PIN once switched on; a badge scan then asks for it instead of signing in', async () => {
    const s = station()
    await signInAdmin(s)
    const alex = s.operators().find((op) => op.name === 'Alex Receiving')!
    expect(alex.needsPin).toBe(false)
    await s.setPin({ operatorId: alex.id, pin: '4711' })
    s.setSettings({ 'security.operatorPins': true })
    s.signOut()
    expect(s.operators().every((op) => op.needsPin)).toBe(true)
    expect(s.scan({ data: 'OP-1001', source: 'wedge' })).toMatchObject({ outcome: 'operator', pinRequired: true })
    expect(s.info().operator).toBeNull()
    await expect(s.signIn({ badge: 'OP-1002' })).rejects.toThrow(/has no PIN yet/)
    expect(await s.signIn({ badge: 'OP-1001', pin: '4711' })).toMatchObject({ name: 'Alex Receiving' })
  })
})

describe('the audit log', () => {
  it('records sign-ins, failures, sign-outs and admin changes with who and from where', async () => {
    const logger = recordingLogger()
    const s = station({ logger })
    await dispatch(s, 'signIn', { ...ADMIN, pin: 'nope' }, 'window:3')
    await dispatch(s, 'signIn', { ...ADMIN, pin: DEMO_ADMIN_PIN }, 'window:3')
    await dispatch(s, 'setSettings', { 'barcode.form': 'short' }, 'window:3')
    await dispatch(s, 'purgeHistory', { confirm: true }, 'window:3')
    await dispatch(s, 'signOut', {}, 'window:3')
    expect(logger.lines.map((l) => [l.level, l.message])).toEqual([
      ['warn', 'audit: wrong PIN'],
      ['info', 'audit: signed in'],
      ['info', 'audit: settings changed'],
      ['info', 'audit: history purged'],
      ['info', 'audit: signed out'],
    ])
    expect(logger.lines[2]!.details).toMatchObject({
      operator: 'Admin',
      caller: 'window:3',
      changes: [{ key: 'barcode.form', from: 'json', to: 'short' }],
    })
  })
})

describe('history changes that lose records', () => {
  it('ask for confirmation before the history is switched off, and the change is logged', async () => {
    const logger = recordingLogger()
    const s = station({ logger })
    await signInAdmin(s)
    expect(() => s.setSettings({ 'history.store': false })).toThrow(/stops recording scans; .*confirm/)
    expect(s.info().historyEnabled).toBe(true)
    s.setSettings({ 'history.store': false, confirm: true })
    expect(s.info().historyEnabled).toBe(false)
    expect(logger.lines.at(-1)).toMatchObject({
      message: 'audit: settings changed',
      details: { loss: 'Switching the history off stops recording scans' },
    })
  })

  it('ask for confirmation before a cap below the rows kept, not for one above', async () => {
    const s = station()
    await signInAdmin(s)
    for (let i = 0; i < 10; i++) s.scan({ data: `X${i}`, source: 'api' })
    expect(() => s.setSettings({ 'history.maxResults': 1 })).toThrow(/deletes 9 of the 10 kept/)
    expect(s.getSettings()['history.maxResults']).toBe(0)
    s.setSettings({ 'history.maxResults': 1000 })
    s.setSettings({ 'history.maxResults': 1, confirm: true })
    expect(s.getSettings()['history.maxResults']).toBe(1)
  })
})
