import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { demoData, SCHEMA_PATH, schemaAbsent, SKIP_REASON } from '../../tests/inventree-standin/fixture'
import { SchemaGate } from '../../tests/inventree-standin/schema-gate'
import { startStandin, type Standin } from '../../tests/inventree-standin/server'
import type { StandinData } from '../../tests/inventree-standin/state'
import { openDatabase } from '../db/connection'
import { tempDbPath } from '../../tests/support/temp-db'
import { createInventreeClient, expectData } from './client'
import { connect, connectDesk, TOKEN_NAME } from './connect'
import { loadConnection } from './connection-record'
import { InventreeError } from './errors'
import { inventreeStatus } from './status'
import { FileTokenStore, tokenFileFor } from './token-store'

if (schemaAbsent) console.warn(SKIP_REASON)

describe.skipIf(schemaAbsent)('connecting a desk to InvenTree (against the stand-in)', () => {
  let gate: SchemaGate
  const running: Standin[] = []
  const standin = async (change?: (d: StandinData) => void): Promise<Standin> => {
    const data = demoData()
    change?.(data)
    const s = await startStandin({ data, schemaPath: SCHEMA_PATH, gate })
    running.push(s)
    return s
  }
  const failure = async (p: Promise<unknown>): Promise<InventreeError> => {
    const err = await p.then(
      () => null,
      (e: unknown) => e,
    )
    expect(err).toBeInstanceOf(InventreeError)
    return err as InventreeError
  }

  beforeAll(async () => {
    gate = await SchemaGate.load(SCHEMA_PATH)
  })
  afterAll(async () => {
    await Promise.all(running.map((s) => s.close()))
    // Every request the desk sent and every answer it relied on is one InvenTree's schema allows.
    expect(gate.rejections).toEqual([])
  })

  it('accepts an InvenTree 534 server and records who is connected', async () => {
    const s = await standin()
    const { record } = await connect({ url: s.url, login: { token: s.issueToken('desk') } })
    expect(record).toMatchObject({
      url: s.url,
      server: 'InvenTree',
      apiVersion: 534,
      user: { pk: 2, username: 'desk', isSuperuser: false },
    })
  })

  it('refuses a server older than the oldest supported API, saying why', async () => {
    const s = await standin((d) => (d.server = { apiVersion: 384, version: '0.17.0' }))
    const err = await failure(connect({ url: s.url, login: { token: s.issueToken('desk') } }))
    expect(err.kind).toBe('unsupported')
    expect(err.message).toMatch(/API 384\) is older than API 385/)
    expect(err.message).toMatch(/does not return the stock items it created/)
  })

  it('gets a named token from a user and password, and uses it from then on', async () => {
    const s = await standin()
    const { token, record } = await connect({ url: s.url, login: { user: 'desk', password: 'receive-all-day' } })
    expect(record.user.username).toBe('desk')
    expect(s.state.tokens.get(token)).toMatchObject({ user: 2, name: TOKEN_NAME, revoked: false })
    const me = expectData(
      await createInventreeClient({ url: s.url, credentials: { token } }).GET('/api/user/me/'),
      'reading the user',
    )
    expect(me.username).toBe('desk')
  })

  it('says a wrong password is wrong, and stores nothing', async () => {
    const s = await standin()
    const dbPath = tempDbPath()
    const db = openDatabase(dbPath)
    const tokens = new FileTokenStore(tokenFileFor(dbPath))
    const err = await failure(connectDesk(db, tokens, { url: s.url, login: { user: 'desk', password: 'guess' } }))
    expect(err.kind).toBe('unauthorized')
    expect(err.message).toMatch(/^Wrong user or password/)
    expect(loadConnection(db)).toBeNull()
    expect(tokens.load()).toBeNull()
    db.close()
  })

  it('says a revoked token was revoked', async () => {
    const s = await standin()
    const token = s.issueToken('desk')
    await connect({ url: s.url, login: { token } })
    s.state.revokeTokensOf('desk')
    const err = await failure(connect({ url: s.url, login: { token } }))
    expect(err.kind).toBe('unauthorized')
    expect(err.message).toMatch(/revoked or has expired/)
    expect(err.message).toContain('Token has been revoked')
  })

  it("turns the user's roles into the desk actions they allow", async () => {
    const s = await standin()
    const actionsOf = async (user: string) =>
      (await connect({ url: s.url, login: { token: s.issueToken(user) } })).record.allowedActions
    expect(await actionsOf('admin')).toContain('create_supplier_part')
    expect(await actionsOf('admin')).toHaveLength(10)
    // The desk user may adjust stock, but not receive: a receipt adds to an order's lines (purchase_order.add).
    expect(await actionsOf('desk')).toEqual([
      'pull',
      'move',
      'count',
      'add',
      'remove',
      'merge',
      'link_barcode',
      'unlink_barcode',
    ])
    expect(await actionsOf('viewer')).toEqual(['pull'])
    expect(await actionsOf('receiver')).toContain('receive')
  })

  it('tells an unreachable server, a slow one and a failing one apart', async () => {
    const s = await standin()
    const token = s.issueToken('desk')
    s.faults.delayMs = 400
    expect((await failure(connect({ url: s.url, login: { token }, timeoutMs: 100 }))).kind).toBe('timeout')
    s.faults.delayMs = 0
    s.faults.failNext = 1
    const failed = await failure(connect({ url: s.url, login: { token } }))
    expect(failed.kind).toBe('server')
    expect(failed.message).toMatch(/failed \(500\) while reading the server information/)
    await s.close()
    expect((await failure(connect({ url: s.url, login: { token } }))).kind).toBe('unreachable')
  })

  it('keeps the connection in the database and the token only in an owner-only file, never in output', async () => {
    const s = await standin()
    const dbPath = tempDbPath()
    const db = openDatabase(dbPath)
    const tokens = new FileTokenStore(tokenFileFor(dbPath))
    const written: string[] = []
    const capture = (chunk: unknown): boolean => (written.push(String(chunk)), true)
    const spies = [
      vi.spyOn(process.stdout, 'write').mockImplementation(capture),
      vi.spyOn(process.stderr, 'write').mockImplementation(capture),
      ...(['log', 'info', 'warn', 'error', 'debug'] as const).map((m) =>
        vi.spyOn(console, m).mockImplementation((...args: unknown[]) => void written.push(args.map(String).join(' '))),
      ),
    ]
    let status
    try {
      await connectDesk(db, tokens, { url: s.url, login: { user: 'desk', password: 'receive-all-day' } })
      status = inventreeStatus(db, tokens)
    } finally {
      spies.forEach((spy) => spy.mockRestore())
    }
    const token = tokens.load()!
    expect(s.state.tokens.has(token)).toBe(true)
    expect(status).toMatchObject({
      connected: true,
      server: 'InvenTree',
      apiVersion: 534,
      user: 'desk',
      lastPull: null,
      queued: 0,
      parked: 0,
    })
    expect(JSON.stringify(status)).not.toContain(token)
    expect(written.join('')).not.toContain(token)
    db.pragma('wal_checkpoint(TRUNCATE)')
    expect(readFileSync(dbPath).includes(token)).toBe(false)
    db.close()
  })

  it('pages lists as InvenTree does, with limit and offset', async () => {
    const s = await standin()
    const client = createInventreeClient({ url: s.url, credentials: { token: s.issueToken('desk') } })
    const first = expectData(
      await client.GET('/api/order/po-line/', { params: { query: { limit: 1, order: 1 } } }),
      'reading lines',
    )
    expect(first.count).toBe(2)
    expect(first.results.map((l) => l.pk)).toEqual([1])
    expect(first.next).toContain('offset=1')
    const second = expectData(
      await client.GET('/api/order/po-line/', { params: { query: { limit: 1, offset: 1, order: 1 } } }),
      'reading lines',
    )
    expect(second.results.map((l) => l.pk)).toEqual([2])
    expect(second.next).toBeNull()
  })
})
