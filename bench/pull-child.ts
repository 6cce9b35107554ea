/**
 * The station's side of the pull benchmark, alone in its process so that its peak memory is the pull's own:
 *   tsx bench/pull-child.ts URL TOKEN DB
 * runs a full pull into DB with the real typed client, then an incremental one, and prints one JSON line.
 */
import { performance } from 'node:perf_hooks'
import { openDatabase } from '../src-main/core/db/connection'
import { createInventreeClient } from '../src-main/core/inventree/client'
import { pullReplica, type PullSummary } from '../src-main/core/inventree/pull'

export interface PullRun {
  ms: number
  requests: number
  summary: PullSummary
  /** The process's RSS high-water mark once this pull was done, in kB. */
  maxRssKb: number
}

export interface PullChildReport {
  /** RSS high-water mark with the runtime loaded and the database open, before any pull, in kB. */
  startRssKb: number
  full: PullRun
  incremental: PullRun
}

const [url, token, dbPath] = process.argv.slice(2)
if (!url || !token || !dbPath) throw new Error('usage: tsx bench/pull-child.ts URL TOKEN DB')

let requests = 0
const client = createInventreeClient({
  url,
  credentials: { token },
  timeoutMs: 120_000,
  fetch: (input, init) => {
    requests++
    return globalThis.fetch(input, init)
  },
})
const db = openDatabase(dbPath)
const startRssKb = process.resourceUsage().maxRSS

/** The pull decides itself, as at the desk: full into the new database, then incremental. */
async function timed(): Promise<PullRun> {
  requests = 0
  const t0 = performance.now()
  const summary = await pullReplica(db, { client })
  return { ms: performance.now() - t0, requests, summary, maxRssKb: process.resourceUsage().maxRSS }
}

const full = await timed()
const incremental = await timed()
db.close()
const report: PullChildReport = { startRssKb, full, incremental }
process.stdout.write(`${JSON.stringify(report)}\n`)
