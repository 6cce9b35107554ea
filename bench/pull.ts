/**
 * A full pull of a large InvenTree inventory from the stand-in, then an incremental one with nothing changed: the
 * stand-in serves in one child process, the real pull with the real typed client runs in another that does nothing
 * else, so its RSS high-water mark is the pull's own. The pulled rows are then compared with the replica the scan
 * benchmark builds without a server, which shows that both hold the same rows.
 *   npx tsx bench/pull.ts        (BENCH_PULL_ITEMS to change the size)
 */
import { spawn, spawnSync, type ChildProcessByStdio } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { createInterface } from 'node:readline'
import type { Readable } from 'node:stream'
import { pathToFileURL } from 'node:url'
import { openDatabase } from '../src-main/core/db/connection'
import { replicaModels, type PulledModel } from '../src-main/core/inventree/pull-mappers'
import type { PullChildReport } from './pull-child'
import { inventorySizes, standinData } from './inventree-inventory'
import { buildReplica } from './replica-db'
import { fmt, heading, line } from './stats'

const TSX = 'node_modules/.bin/tsx'

type Child = ChildProcessByStdio<null, Readable, Readable>

/** Starts the stand-in on a free port with the data file; resolves with its URL and a token of the desk user. */
async function startStandinProcess(dataPath: string): Promise<{ child: Child; url: string; token: string }> {
  const child = spawn(TSX, ['src-main/tests/inventree-standin/serve.ts', '--data', dataPath], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const stderr: string[] = []
  child.stderr.on('data', (b: Buffer) => stderr.push(b.toString()))
  const lines = createInterface({ input: child.stdout })
  const first = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve)
    child.once('exit', (code) => reject(new Error(`the stand-in exited (${code}): ${stderr.join('')}`)))
  })
  const { url, token } = JSON.parse(first) as { url: string; token: string }
  return { child, url, token }
}

/** Stops the stand-in and returns what it says on the way out: how many exchanges its schema gate rejected. */
async function stopStandin(child: Child): Promise<string> {
  let said = ''
  child.stderr.on('data', (b: Buffer) => (said += b.toString()))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.kill('SIGINT')
  await exited
  return said.trim()
}

/** Rows (the columns a pull writes) in one database and not in the other, summed over the replica's tables. */
function differingRows(aPath: string, bPath: string): number {
  const db = openDatabase(aPath)
  try {
    db.prepare('ATTACH DATABASE ? AS other').run(bPath)
    const tables: [string, string[]][] = [
      ...replicaModels.map((m): [string, string[]] => [m.model, ['id', ...m.columns.map((c) => c.name)]]),
      ['barcodelink', ['model_type', 'pk', 'data', 'hash']],
    ]
    let differing = 0
    for (const [table, cols] of tables) {
      const list = cols.join(', ')
      for (const [x, y] of [
        ['main', 'other'],
        ['other', 'main'],
      ])
        differing += (
          db
            .prepare(
              `SELECT count(*) AS n FROM (SELECT ${list} FROM ${x}.${table} EXCEPT SELECT ${list} FROM ${y}.${table})`,
            )
            .get() as { n: number }
        ).n
    }
    return differing
  } finally {
    db.close()
  }
}

const rowsLine = (counts: Record<PulledModel, number>): string =>
  replicaModels.map((m) => `${m.model} ${fmt(counts[m.model], 0)}`).join(', ')

export async function benchPull(dir: string, stockItems: number): Promise<void> {
  const sizes = inventorySizes(stockItems)
  heading(
    `Pull from the InvenTree stand-in: ${fmt(stockItems, 0)} stock items, ${fmt(sizes.parts, 0)} parts, ${fmt(sizes.supplierParts, 0)} supplier parts, ${fmt(sizes.purchaseOrders, 0)} orders`,
    'time: pullReplica alone in a child process (stand-in in another, pages of 500); memory: that child’s maxRSS',
  )
  const dataPath = join(dir, 'standin-data.json')
  const pulledPath = join(dir, 'pulled.db')
  writeFileSync(dataPath, JSON.stringify(standinData(stockItems)))

  const standin = await startStandinProcess(dataPath)
  let report: PullChildReport
  let childMs: number
  let gate: string
  try {
    const t1 = performance.now()
    const r = spawnSync(TSX, ['bench/pull-child.ts', standin.url, standin.token, pulledPath], {
      maxBuffer: 1 << 26,
    })
    childMs = performance.now() - t1
    if (r.status !== 0) throw new Error(`the pull failed (exit ${r.status}): ${r.stderr}`)
    report = JSON.parse(r.stdout.toString()) as PullChildReport
  } finally {
    gate = await stopStandin(standin.child)
  }
  const { full, incremental } = report
  // A figure for the wrong kind of pull would mislead: the new database must get a full one, the next an incremental.
  if (!full.summary.full || incremental.summary.full) throw new Error('the pulls were not full, then incremental')
  const mb = (kb: number) => `${fmt(kb / 1024, 0)} MB`
  const objects = Object.values(full.summary.pulled).reduce((a, b) => a + b, 0)
  line('full pull: wall time', `${fmt(full.ms / 1000, 1)} s (${fmt(full.requests, 0)} requests)`)
  line('full pull: of which waiting for the stand-in', `${fmt(full.serverMs / 1000, 1)} s`)
  line("full pull: the desk's share (parse and write)", `${fmt((full.ms - full.serverMs) / 1000, 1)} s`)
  line('full pull: stock items/s', `${fmt(full.summary.pulled.stockitem / (full.ms / 1000), 0)} items/s`)
  line('full pull: all objects/s', `${fmt(objects / (full.ms / 1000), 0)} objects/s`)
  line('full pull: rows written', rowsLine(full.summary.pulled))
  const skipped = Object.values(full.summary.skipped).reduce((a, b) => a + b, 0)
  line('full pull: objects skipped (pointing at unpulled rows)', fmt(skipped, 0))
  line('peak memory (maxRSS): before pulling, database open', mb(report.startRssKb))
  line('peak memory (maxRSS): after the full pull', mb(full.maxRssKb))
  line(
    'incremental pull (nothing changed): wall time',
    `${fmt(incremental.ms / 1000, 2)} s (${fmt(incremental.requests, 0)} requests)`,
  )
  line('incremental pull: of which waiting for the stand-in', `${fmt(incremental.serverMs / 1000, 2)} s`)
  line('incremental: rows rewritten (lists without updated_after)', rowsLine(incremental.summary.pulled))
  line('peak memory (maxRSS): after the incremental pull', mb(incremental.maxRssKb))

  line('pull process, start to exit (tsx start-up included)', `${fmt(childMs / 1000, 1)} s`)
  line('stand-in schema gate', gate.replace(/^schema rejections: /, 'rejected: '))

  const checkPath = join(dir, 'built-replica.db')
  buildReplica(checkPath, stockItems)
  line("rows differing from the scan bench's built replica", fmt(differingRows(pulledPath, checkPath), 0))
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = mkdtempSync(join(tmpdir(), 'scan-station-bench-pull-'))
  try {
    await benchPull(dir, Number(process.env.BENCH_PULL_ITEMS ?? 100_000))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
