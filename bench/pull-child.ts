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
  /** Of `ms`, the time spent waiting for the server's answers, bodies read in full. */
  serverMs: number
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
let serverMs = 0
const client = createInventreeClient({
  url,
  credentials: { token },
  timeoutMs: 120_000,
  // The body is read here, so that the server's share of the time is told apart from the desk's parse and writes.
  fetch: async (input, init) => {
    requests++
    const t0 = performance.now()
    const res = await globalThis.fetch(input, init)
    const body = await res.arrayBuffer()
    serverMs += performance.now() - t0
    return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers })
  },
})
const db = openDatabase(dbPath)
const startRssKb = process.resourceUsage().maxRSS

/** The pull decides itself, as at the desk: full into the new database, then incremental. */
async function timed(): Promise<PullRun> {
  requests = 0
  serverMs = 0
  const t0 = performance.now()
  const summary = await pullReplica(db, { client })
  return { ms: performance.now() - t0, requests, serverMs, summary, maxRssKb: process.resourceUsage().maxRSS }
}

const full = await timed()
const incremental = await timed()
db.close()
const report: PullChildReport = { startRssKb, full, incremental }
process.stdout.write(`${JSON.stringify(report)}\n`)
