import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { tempDbPath } from '../core/test-support/temp-db'

const TSX = 'node_modules/.bin/tsx'
const cli = (args: string[], input?: string) => {
  const r = spawnSync(TSX, ['src-main/cli/main.ts', ...args], { input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  return { code: r.status, out: r.stdout, err: r.stderr }
}

describe('cli', () => {
  it('seeds, scans (exit 0 on a match, 1 on no match) and lists every scan in history', () => {
    const db = tempDbPath()
    expect(JSON.parse(cli(['seed', '--db', db]).out)).toMatchObject({ parts: 60, scans: 0 })

    const location = cli(['scan', '--db', db, 'INV-SL1'])
    expect(location.code).toBe(0)
    expect(JSON.parse(location.out)).toMatchObject({ stocklocation: { pk: 1 }, success: 'Match found for barcode data' })

    const item = cli(['scan', '--db', db, '{"stockitem": 1}'])
    expect(item.code).toBe(0)
    expect(JSON.parse(item.out)).toMatchObject({ stockitem: { pk: 1 }, success: 'Match found for barcode data' })

    const miss = cli(['scan', '--db', db, 'nonsense'])
    expect(miss.code).toBe(1)
    expect(JSON.parse(miss.out)).toMatchObject({ error: 'No match found for barcode data' })

    const history = JSON.parse(cli(['history', '--db', db]).out) as { data: string; result: string }[]
    expect(history.map((h) => [h.data, h.result])).toEqual([
      ['nonsense', 'no_match'],
      ['{"stockitem": 1}', 'match'],
      ['INV-SL1', 'match'],
    ])
    const csv = cli(['history', '--db', db, '--format', 'csv', '--limit', '2']).out.trim().split('\n')
    expect(csv).toHaveLength(3)
    expect(csv[2]).toContain('"{""stockitem"": 1}"')
  })

  it('scan - answers one JSON line per input line, empty and oversized lines included', () => {
    const db = tempDbPath()
    const lines = ['INV-SI1', '', 'nope', 'y'.repeat(200_000), '{"part": 2}\r']
    const r = cli(['scan', '--db', db, '-'], lines.join('\n') + '\n')
    expect(r.code).toBe(0)
    const out = r.out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(out).toHaveLength(5)
    expect(out[0]).toMatchObject({ stockitem: { pk: 1 } })
    expect(out[1]).toMatchObject({ error: 'Missing barcode data' })
    expect(out[2]).toMatchObject({ error: 'No match found for barcode data' })
    expect(out[3]!.error).toMatch(/too long/)
    expect(out[4]).toMatchObject({ part: { pk: 2 } })
    expect(JSON.parse(cli(['history', '--db', db, '--limit', '100']).out)).toHaveLength(5)
  })

  it('exits 2 with usage on bad commands and options', () => {
    const db = tempDbPath()
    expect(cli(['frobnicate', '--db', db]).code).toBe(2)
    expect(cli(['scan', '--db', db]).code).toBe(2)
    expect(cli(['scan', '--db', db, '--source', 'psychic', 'x']).code).toBe(2)
    const r = cli(['seed', '--db', db, '--scale', 'many'])
    expect(r.code).toBe(2)
    expect(r.err).toMatch(/--scale must be a positive whole number/)
  })
})
