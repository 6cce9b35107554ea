import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoData, SCHEMA_PATH, schemaAbsent, SKIP_REASON } from './fixture'
import { SchemaGate } from './schema-gate'
import { startStandin, type Standin } from './server'

if (schemaAbsent) console.warn(SKIP_REASON)

describe.skipIf(schemaAbsent)('the InvenTree stand-in', () => {
  let s: Standin
  let token: string
  const get = (path: string, auth = `Token ${token}`) => fetch(`${s.url}${path}`, { headers: { authorization: auth } })

  beforeAll(async () => {
    s = await startStandin({ data: demoData(), schemaPath: SCHEMA_PATH })
    token = s.issueToken('desk')
  })
  afterAll(() => s.close())

  it('answers 400 to a request the schema rejects, and counts it', async () => {
    // A stand-in of its own, with a gate this test checks itself: these rejections are the point.
    const own = await startStandin({
      data: demoData(),
      schemaPath: SCHEMA_PATH,
      gate: await SchemaGate.load(SCHEMA_PATH),
    })
    try {
      const headers = { Authorization: `Token ${own.issueToken('desk')}` }
      // InvenTree's list endpoints require `limit` (API 341 on).
      const res = await fetch(`${own.url}/api/part/`, { headers })
      expect(res.status).toBe(400)
      expect(JSON.stringify(await res.json())).toContain('limit')
      expect((await fetch(`${own.url}/api/no-such-endpoint/`, { headers })).status).toBe(400)
      expect(own.gate.requestRejections).toBe(2)
    } finally {
      await own.close()
    }
  })

  it('counts an answer the schema does not allow', async () => {
    const gate = await SchemaGate.load(SCHEMA_PATH)
    const req = { method: 'get', path: '/api/part/', query: { limit: '1' }, headers: {} }
    const match = gate.checkRequest(req)
    expect(match.ok).toBe(true)
    if (!match.ok) return
    expect(gate.checkResponse(req, match.operation, 200, { count: 1, results: [{ name: 'no pk' }] })).toBe(false)
    expect(gate.checkResponse(req, match.operation, 200, { count: 0, next: null, previous: null, results: [] })).toBe(
      true,
    )
    expect(gate.responseRejections).toBe(1)
  })

  it('asks for credentials as DRF does', async () => {
    const res = await get('/api/user/me/', '')
    expect(res.status).toBe(401)
    expect(await res.json()).toEqual({ detail: 'Authentication credentials were not provided.' })
    expect((await get('/api/', '')).status).toBe(200)
  })

  it('applies a request whose connection it then drops', async () => {
    s.faults.dropNext = 1
    const basic = `Basic ${Buffer.from('viewer:look-only').toString('base64')}`
    await expect(get('/api/user/me/token/?name=dropped', basic)).rejects.toThrow()
    // The token was issued although its answer never arrived: only asking the server tells.
    expect([...s.state.tokens.values()].some((t) => t.name === 'dropped' && t.user === 3)).toBe(true)
    expect((await get('/api/user/me/')).status).toBe(200)
  })

  it('replaces a token of the same name, as InvenTree does', async () => {
    const basic = `Basic ${Buffer.from('viewer:look-only').toString('base64')}`
    const first = (await (await get('/api/user/me/token/?name=desk-2', basic)).json()) as { token: string }
    const second = (await (await get('/api/user/me/token/?name=desk-2', basic)).json()) as { token: string }
    expect(second.token).not.toBe(first.token)
    expect((await get('/api/user/me/', `Token ${first.token}`)).status).toBe(401)
    expect((await get('/api/user/me/', `Token ${second.token}`)).status).toBe(200)
  })

  it('sends only answers the schema allows for what it served', () => {
    expect(s.gate.responseRejections).toBe(0)
  })
})
