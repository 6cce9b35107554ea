import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { tempDbPath } from '../tests/support/temp-db'

const TSX = 'node_modules/.bin/tsx'
const cli = (args: string[], input?: string) => {
  const r = spawnSync(TSX, ['src-main/cli/main.ts', ...args], { input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  return { code: r.status, out: r.stdout, err: r.stderr }
}

// Each case starts the CLI (tsx) several times: on a busy two-core machine one start takes seconds.
describe('cli', { timeout: 90_000 }, () => {
  it('seeds, scans (exit 0 on a match, 1 on no match) and lists every scan in history', () => {
    const db = tempDbPath()
    expect(JSON.parse(cli(['seed', '--db', db]).out)).toMatchObject({ parts: 60, scans: 0 })

    const location = cli(['scan', '--db', db, 'INV-SL1'])
    expect(location.code).toBe(0)
    expect(JSON.parse(location.out)).toMatchObject({
      stocklocation: { pk: 1 },
      success: 'Match found for barcode data',
    })

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
    const csvText = cli(['history', '--db', db, '--format', 'csv', '--limit', '2']).out
    // RFC 4180 line endings, the same as the admin's export.
    expect(csvText.endsWith('\r\n')).toBe(true)
    const csv = csvText.trim().split('\r\n')
    expect(csv).toHaveLength(3)
    expect(csv[2]).toContain('"{""stockitem"": 1}"')
  })

  it('history returns as many rows as --limit asks, past the page size of the station method', () => {
    const db = tempDbPath()
    expect(cli(['seed', '--db', db, '--history', '2500']).code).toBe(0)
    const rows = JSON.parse(cli(['history', '--db', db, '--limit', '2200']).out) as { id: number }[]
    expect(rows).toHaveLength(2200)
    // Newest first, no row twice across the pages.
    expect(new Set(rows.map((r) => r.id)).size).toBe(2200)
    expect(rows.every((r, i) => i === 0 || r.id < rows[i - 1]!.id)).toBe(true)
    expect(cli(['history', '--db', db, '--limit', '5000', '--format', 'csv']).out.trim().split('\r\n')).toHaveLength(
      2501,
    )
  })

  it('scan - answers one JSON line per input line, empty and oversized lines included', () => {
    const db = tempDbPath()
    const lines = ['INV-SI1', '', 'nope', 'y'.repeat(200_000), '{"part": 2}\r']
    const r = cli(['scan', '--db', db, '-'], lines.join('\n') + '\n')
    expect(r.code).toBe(0)
    const out = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(out).toHaveLength(5)
    expect(out[0]).toMatchObject({ stockitem: { pk: 1 } })
    expect(out[1]).toMatchObject({ error: 'Missing barcode data' })
    expect(out[2]).toMatchObject({ error: 'No match found for barcode data' })
    expect(out[3]!.error).toMatch(/too long/)
    expect(out[4]).toMatchObject({ part: { pk: 2 } })
    expect(JSON.parse(cli(['history', '--db', db, '--limit', '100']).out)).toHaveLength(5)
  })

  it('scan resolves a DigiKey label to its supplier part with quantity and order, with or without its separators', () => {
    const db = tempDbPath()
    const label =
      '[)>\u001e06\u001dP1276-CL21B104KBCNNNCCT-ND\u001d1PCL21B104KBCNNNC\u001d30P1276-CL21B104KBCNNNCCT-ND\u001dKPO-0001\u001d1K84213377\u001d10K98765432\u001d9D2345\u001d1TLOT4471A\u001d11K1\u001d4LKR\u001dQ25\u001d11ZPICK\u001d12Z4471823\u001d13Z123456\u001d20Z0000000000000000\u001e\u0004'
    for (const data of [label, label.replace(/[^\x20-\x7e]/g, '')]) {
      const r = cli(['scan', '--db', db, data])
      expect(r.code).toBe(0)
      const result = JSON.parse(r.out) as {
        supplierpart: { name: string }
        plugin: string
        fields: Record<string, unknown>
        related: { purchaseorder: { name: string } }
      }
      expect(result.plugin).toBe('DigiKeyBarcode')
      expect(result.supplierpart.name).toBe('DigiKey 1276-CL21B104KBCNNNCCT-ND')
      expect(result.fields).toMatchObject({
        quantity: 25,
        customer_order_number: 'PO-0001',
        supplier_order_number: '84213377',
      })
      expect(result.related.purchaseorder.name).toBe('PO-0001')
    }
  })

  it('parse shows what each parser reads, without a database', () => {
    const r = cli(['parse', '(01)09506000134352(17)291231(10)LOT-1'])
    expect(r.code).toBe(0)
    expect(JSON.parse(r.out).parsers).toEqual([
      expect.objectContaining({
        parser: 'GS1',
        fields: expect.objectContaining({ gtin: '09506000134352', batch: 'LOT-1', expiry: '2029-12-31' }),
      }),
    ])
  })

  it('link and unlink an external barcode; a second link of the same data is refused', () => {
    const db = tempDbPath()
    expect(cli(['link', '--db', db, 'stockitem', '3', 'CARTON-0042']).code).toBe(0)
    expect(JSON.parse(cli(['scan', '--db', db, 'CARTON-0042']).out)).toMatchObject({ stockitem: { pk: 3 } })
    const again = cli(['link', '--db', db, 'stockitem', '4', 'CARTON-0042'])
    expect(again.code).toBe(1)
    expect(JSON.parse(again.out)).toMatchObject({ code: 'conflict' })
    expect(cli(['link', '--db', db, 'nonsense', '4', 'X']).code).toBe(2)
    expect(cli(['unlink', '--db', db, 'stockitem', '3']).code).toBe(0)
    expect(cli(['scan', '--db', db, 'CARTON-0042']).code).toBe(1)
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
