import { spawn } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { tempDbPath } from '../tests/support/temp-db'
import { dbOf, openTestStation } from '../tests/support/station'

const TSX = 'node_modules/.bin/tsx'
const LINES = 3000

interface Run {
  code: number | null
  out: string
  err: string
}

/** `scan -` as its own process, fed all its lines at once; resolves when the process has exited. */
function scanStream(db: string, source: string, lines: string[]): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(TSX, ['src-main/cli/main.ts', 'scan', '--db', db, '--source', source, '-'])
    let out = ''
    let err = ''
    child.stdout.setEncoding('utf8').on('data', (text: string) => (out += text))
    child.stderr.setEncoding('utf8').on('data', (text: string) => (err += text))
    child.on('error', fail)
    child.on('close', (code) => done({ code, out, err }))
    child.stdin.end(lines.join('\n') + '\n')
  })
}

/** Known and unknown barcodes, so each scan reads the inventory before it writes its history row. */
const lines = (tag: string): string[] =>
  Array.from({ length: LINES }, (_, i) =>
    i % 3 === 0 ? 'INV-SL1' : i % 3 === 1 ? `{"stockitem": ${1 + (i % 20)}}` : `${tag}-${i}`,
  )

describe('two writers on one database file', () => {
  it('answers and logs every scan of two `scan -` processes while the station acts on the same file', async () => {
    const db = tempDbPath()
    const station = openTestStation({ dbPath: db, startUserPlugins: false })
    const bin = station.search({ query: 'Bin C2' }).find((h) => h.model === 'stocklocation')!.pk
    const session = station.sessionStart({ kind: 'scan' }).id

    let running = true
    const streams = Promise.all([scanStream(db, 'serial', lines('A')), scanStream(db, 'hid', lines('B'))]).finally(
      () => (running = false),
    )

    // The desk keeps working while both processes write: every call must succeed, none may see a locked file.
    const failures: string[] = []
    let calls = 0
    const attempt = (call: () => unknown): void => {
      calls++
      try {
        call()
      } catch (e) {
        failures.push(e instanceof Error ? e.message : String(e))
      }
    }
    for (let round = 0; running || round < 20; round++) {
      attempt(() => station.stockAction({ action: 'add', items: [1 + (round % 5)], quantity: 1 }))
      attempt(() => station.undo({}))
      attempt(() => station.stockAction({ action: 'move', items: [6 + (round % 5)], location: bin }))
      attempt(() => station.link({ model: 'stockitem', pk: 11, data: `CARTON-${round}` }))
      attempt(() => station.unlink({ model: 'stockitem', pk: 11 }))
      attempt(() => station.sessionAdd({ session, data: '{"stockitem": 12}' }))
      await new Promise((next) => setTimeout(next, 5))
    }
    const runs = await streams

    expect(failures).toEqual([])
    for (const run of runs) {
      expect(run.err).not.toMatch(/locked|busy/i)
      expect(run.code).toBe(0)
      const answers = run.out.trim().split('\n')
      expect(answers).toHaveLength(LINES)
      expect(answers.every((line) => typeof (JSON.parse(line) as { scan_id: unknown }).scan_id === 'number')).toBe(true)
    }
    const logged = (source: string): number =>
      (dbOf(station).prepare('SELECT count(*) AS n FROM scan WHERE source = ?').get(source) as { n: number }).n
    expect([logged('serial'), logged('hid')]).toEqual([LINES, LINES])
    expect(calls).toBeGreaterThanOrEqual(120)
    station.close()
  }, 60_000)
})
