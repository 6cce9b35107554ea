/**
 * Scan latency while a big label PDF renders: the same scans (through dispatch, as a second page would send
 * them) with the station idle, then while another page's 2,000-label PDF job runs in the worker pool. Also how
 * often a 10 ms timer fired during the job against how often it would on an idle loop, and the job's own time.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { seedScale } from '../src-main/core/demo/seed'
import { openStationDatabase, Station } from '../src-main/core/station'
import { dispatch } from '../src-main/dispatch'
import { fmt, heading, line, percentile } from './stats'

const SCAN_GAP_MS = 5
const IDLE_SCANS = 400

async function timedScan(station: Station, pk: number): Promise<number> {
  const s = performance.now()
  const reply = await dispatch(station, 'scan', { data: `INV-SI${pk}`, source: 'manual' }, 'bench:scanner')
  if (!reply.ok) throw new Error(`scan failed: ${reply.error.message}`)
  return performance.now() - s
}

const p50p99 = (ms: number[]): string => {
  const sorted = [...ms].sort((a, b) => a - b)
  return `${fmt(percentile(sorted, 50), 2)} ms / ${fmt(percentile(sorted, 99), 2)} ms (${fmt(sorted.length, 0)} scans)`
}

export async function benchLabelJob(labels = Number(process.env.BENCH_LABELS ?? 2000)): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'scan-station-bench-labels-'))
  const dbPath = join(dir, 'labels.db')
  const db = openStationDatabase({ dbPath })
  const station = new Station(db, { dbPath, startUserPlugins: false })
  try {
    seedScale(db, labels)
    heading(
      `Scans while a ${fmt(labels, 0)}-label PDF renders (worker pool, ${station.jobThreads} worker thread${station.jobThreads === 1 ? '' : 's'})`,
      `one scan every ${SCAN_GAP_MS} ms from a second caller; p50 / p99 of each scan's answer`,
    )
    // The label code and one worker loaded first, as on a desk that has printed once today.
    await dispatch(station, 'labelPdf', { items: [{ model: 'stockitem', pk: 1 }] }, 'bench:labels')

    const idle: number[] = []
    for (let i = 0; i < IDLE_SCANS; i++) {
      idle.push(await timedScan(station, (i % labels) + 1))
      await sleep(SCAN_GAP_MS)
    }
    line('scan latency idle (p50, p99)', p50p99(idle))

    let ticks = 0
    const ticker = setInterval(() => ticks++, 10)
    let finished = false
    const t0 = performance.now()
    const items = Array.from({ length: labels }, (_, i) => ({ model: 'stockitem' as const, pk: i + 1 }))
    const job = dispatch(station, 'labelPdf', { items, jobId: 'bench' }, 'bench:labels').then((reply) => {
      finished = true
      return reply
    })
    const during: number[] = []
    for (let i = 0; !finished; i++) {
      const ms = await timedScan(station, (i % labels) + 1)
      if (!finished) during.push(ms)
      await sleep(SCAN_GAP_MS)
    }
    const reply = await job
    const jobMs = performance.now() - t0
    clearInterval(ticker)
    if (!reply.ok) throw new Error(`label job failed: ${reply.error.message}`)
    line(`scan latency while a ${fmt(labels, 0)}-label PDF renders (p50, p99)`, p50p99(during))
    line('  10 ms timer ticks during the job (of an idle loop’s)', `${fmt(ticks, 0)} of ${fmt(jobMs / 10, 0)}`)
    line(`  the ${fmt(labels, 0)}-label job itself (verified PDF)`, `${fmt(jobMs / 1000, 1)} s`)
  } finally {
    station.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
