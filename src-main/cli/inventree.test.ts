import { spawn } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempDbPath } from '../tests/support/temp-db'
import { demoData, SCHEMA_PATH, schemaAbsent, SKIP_REASON } from '../tests/inventree-standin/fixture'
import { startStandin, type Standin } from '../tests/inventree-standin/server'

if (schemaAbsent) console.warn(SKIP_REASON)

// Asynchronous on purpose: the stand-in answers from this process, so a blocking spawn would wait forever.
const cli = (args: string[], input = ''): Promise<{ code: number | null; out: string; err: string }> =>
  new Promise((resolve) => {
    const child = spawn('node_modules/.bin/tsx', ['src-main/cli/main.ts', ...args])
    let out = ''
    let err = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.stderr.on('data', (d: Buffer) => (err += d.toString()))
    child.on('close', (code) => resolve({ code, out, err }))
    child.stdin.end(input)
  })

// Each case starts the CLI (tsx) two or three times: on a busy machine that takes longer than the default.
describe.skipIf(schemaAbsent)('cli inventree', { timeout: 90_000 }, () => {
  let s: Standin
  beforeAll(async () => {
    s = await startStandin({ data: demoData(), schemaPath: SCHEMA_PATH })
  })
  afterAll(async () => {
    await s.close()
    expect(s.gate.rejections).toEqual([])
  })

  it('connects with a user and a password from stdin, then reports the connection without the token', async () => {
    const db = tempDbPath()
    const before = await cli(['inventree', 'status', '--db', db])
    expect(JSON.parse(before.out)).toMatchObject({ connected: false, server: null, queued: 0 })

    const connected = await cli(
      ['inventree', 'connect', '--db', db, '--url', s.url, '--user', 'receiver', '--password-stdin'],
      'goods-in-daily\n',
    )
    expect(connected.code).toBe(0)
    const status = await cli(['inventree', 'status', '--db', db])
    expect(JSON.parse(status.out)).toMatchObject({
      connected: true,
      server: 'InvenTree',
      apiVersion: 534,
      user: 'receiver',
      allowedActions: expect.arrayContaining(['receive', 'move']) as unknown,
      lastPull: null,
      queued: 0,
      parked: 0,
    })
    const token = [...s.state.tokens.values()].find((t) => t.user === 4)!.token
    for (const r of [connected, status]) expect(r.out + r.err).not.toContain(token)
  })

  it('exits 1 with the reason on a wrong password, and 2 when asked for a password argument', async () => {
    const db = tempDbPath()
    const wrong = await cli(['inventree', 'connect', '--db', db, '--url', s.url, '--user', 'desk'], 'nope\n')
    expect(wrong.code).toBe(1)
    expect(wrong.err).toMatch(/Wrong user or password/)
    const argument = await cli([
      'inventree',
      'connect',
      '--db',
      db,
      '--url',
      s.url,
      '--user',
      'desk',
      '--password',
      'x',
    ])
    expect(argument.code).toBe(2)
  })

  it('pulls a replica, then syncs once with a JSON summary, and shows when it last pulled', async () => {
    const db = tempDbPath()
    const token = s.issueToken('desk')
    expect((await cli(['inventree', 'connect', '--db', db, '--url', s.url, '--token', token])).code).toBe(0)
    const pulled = await cli(['inventree', 'pull', '--db', db])
    expect(pulled.code).toBe(0)
    expect(JSON.parse(pulled.out)).toMatchObject({ full: true, pulled: { part: 5, stockitem: 2, purchaseorder: 2 } })
    expect(pulled.err).toContain('stock items: 2/2')
    const synced = await cli(['inventree', 'sync', '--once', '--db', db])
    expect(synced.code).toBe(0)
    const summary = JSON.parse(synced.out) as { pulled: number }
    expect(summary).toEqual({
      pulled: expect.any(Number),
      pushed: 0,
      confirmed: 0,
      parked: 0,
      queued: 0,
      stopped: null,
    })
    // Parts, locations and order lines have no change filter and are read again in full.
    expect(summary.pulled).toBeGreaterThanOrEqual(5 + 3 + 5)
    const status = JSON.parse((await cli(['inventree', 'status', '--db', db])).out) as { lastPull: string }
    expect(Date.parse(status.lastPull)).toBeGreaterThan(Date.now() - 60_000)
  })

  it('refuses to pull into the demo database, with the reason', async () => {
    const db = tempDbPath()
    expect((await cli(['seed', '--db', db])).code).toBe(0)
    await cli(['inventree', 'connect', '--db', db, '--url', s.url, '--token', s.issueToken('desk')])
    const refused = await cli(['inventree', 'pull', '--db', db])
    expect(refused.code).toBe(1)
    expect(refused.err).toMatch(/inventory of its own .*new database file/)
  })
})
