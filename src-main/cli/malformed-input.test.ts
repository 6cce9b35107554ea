import Database from 'better-sqlite3'
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { tempDbPath } from '../tests/support/temp-db'

/** 1,000 hostile lines: what a broken scanner, a bad paste or a fuzzer sends to `scan -`. */
function malformedLines(): Buffer[] {
  const lines: Buffer[] = []
  const add = (b: Buffer | string) => lines.push(typeof b === 'string' ? Buffer.from(b, 'utf8') : b)
  for (let i = 0; lines.length < 1000; i++) {
    switch (i % 12) {
      case 0:
        add('')
        break
      case 1:
        add('y'.repeat(100 * 1024))
        break
      case 2:
        add(Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0x41 + (i % 26)]))
        break // invalid UTF-8
      case 3:
        add(`A\u0000B\u0000${i}`)
        break
      case 4:
        add('['.repeat(5000) + ']'.repeat(5000))
        break // JSON bomb, deep nesting
      case 5:
        add(`{"stockitem": "1; DROP TABLE part"}`)
        break
      case 6:
        add(`{"stockitem": ${'9'.repeat(400)}}`)
        break
      case 7:
        add(`INV-SI${'9'.repeat(30)}`)
        break
      case 8:
        add(`{"stockitem": 1e308, "part": {"__proto__": {"x": 1}}}`)
        break
      case 9:
        add(`[)>\u001e06\u001d${'1P'.repeat(2000)}`)
        break
      case 10:
        add(`]C1${'0'.repeat(i % 50)}\u001d\u001d17999999`)
        break
      case 11:
        add(Buffer.from(Array.from({ length: 64 }, (_, k) => (k * 37 + i) % 256).filter((b) => b !== 0x0a)))
        break
    }
  }
  return lines
}

describe('scan - under hostile input', () => {
  it('answers every one of 1,000 malformed lines, keeps the database sound and logs them all', () => {
    const db = tempDbPath()
    const lines = malformedLines()
    const r = spawnSync('node_modules/.bin/tsx', ['src-main/cli/main.ts', 'scan', '--db', db, '-'], {
      input: Buffer.concat(lines.flatMap((l) => [l, Buffer.from('\n')])),
      maxBuffer: 512 * 1024 * 1024,
    })
    expect(r.status).toBe(0)
    const out = r.stdout
      .toString('utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { success?: string; error?: string })
    expect(out).toHaveLength(1000)
    expect(out.every((o) => 'success' in o !== 'error' in o)).toBe(true)
    const check = new Database(db, { readonly: true })
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(check.prepare('SELECT count(*) AS n FROM scan').get()).toEqual({ n: 1000 })
    expect(check.prepare('SELECT count(*) AS n FROM part').get()).toEqual({ n: 60 })
    // Invalid UTF-8 is resolved as its best reading and logged with its exact bytes.
    const invalid = check.prepare("SELECT data, data_hex FROM scan WHERE data_hex LIKE 'c328fffe%' LIMIT 1").get() as {
      data: string
      data_hex: string
    }
    expect(invalid.data_hex).toMatch(/^c328fffe[45][0-9a-f]$/)
    expect(invalid.data).toContain('\ufffd')
  })
})
