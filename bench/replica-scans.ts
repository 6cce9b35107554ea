/**
 * Scans on a pulled InvenTree replica against the same scan mix on a local database of the same size: a desk whose
 * inventory is InvenTree's must scan as fast as one with its own, since scans always resolve locally. The mix is
 * what a receiving desk scans: InvenTree's own labels in both forms, supplier bag labels linked to items, and
 * labels the station does not know (a carrier's tracking number, a stranger's EAN-13), every scan logged.
 *   npx tsx bench/replica-scans.ts        (BENCH_STOCK_ITEMS, BENCH_REPLICA_SCANS to change the sizes)
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import { gs1CheckDigit } from '../src-main/core/barcode/gs1'
import type { Db } from '../src-main/core/db/connection'
import { prng, seedLinks, seedScale } from '../src-main/core/demo/seed'
import { openStationDatabase, Station } from '../src-main/core/station'
import { bagLabel, linkedLabels, stockPk } from './inventree-inventory'
import { buildReplica } from './replica-db'
import { columns, fmt, heading, line, median, percentile, RUNS } from './stats'

export interface MixedScan {
  data: string
  kind: string
}

const KINDS = ['InvenTree JSON', 'InvenTree short (INV-SI)', 'linked bag label', 'unknown'] as const

/**
 * Per twenty scans: six `{"stockitem": N}`, six `INV-SI<N>`, five linked bag labels, two carrier tracking numbers
 * and one EAN-13 that no part carries. `pickPk` turns a number in [0, 1) into an existing item's pk.
 */
export function deskScanMix(count: number, pickPk: (r: number) => number, linked: number, seed = 13): MixedScan[] {
  const rand = prng(seed)
  const digits = (n: number) => String(Math.floor(rand() * 10 ** n)).padStart(n, '0')
  const out: MixedScan[] = []
  for (let i = 0; i < count; i++) {
    const k = i % 20
    if (k < 6) out.push({ kind: KINDS[0], data: `{"stockitem": ${pickPk(rand())}}` })
    else if (k < 12) out.push({ kind: KINDS[1], data: `INV-SI${pickPk(rand())}` })
    else if (k < 17) out.push({ kind: KINDS[2], data: bagLabel(Math.floor(rand() * linked)) })
    else if (k < 19) out.push({ kind: KINDS[3], data: `1Z${digits(3)}W${digits(2)}0${digits(9)}` })
    else {
      const body = `400638${digits(6)}`
      out.push({ kind: KINDS[3], data: `${body}${gs1CheckDigit(body)}` })
    }
  }
  return out
}

/** The bench's local database, as `npm run bench` builds it, with the replica's bag labels linked instead. */
function buildLocal(dbPath: string, stockItems: number): void {
  const db = openStationDatabase({ dbPath })
  seedScale(db, stockItems)
  seedLinks(db, linkedLabels(stockItems), bagLabel)
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.close()
}

interface Side {
  db: Db
  station: Station
  mix: MixedScan[]
  rates: number[]
  all: number[]
  perKind: Map<string, number[]>
  matched: Map<string, number>
}

function openSide(dbPath: string, mix: (db: Db) => MixedScan[]): Side {
  const db = openStationDatabase({ dbPath })
  return {
    db,
    station: new Station(db, { dbPath }),
    mix: mix(db),
    rates: [],
    all: [],
    perKind: new Map(),
    matched: new Map(),
  }
}

/** One run: every scan of the mix through Station.scan, each its own transaction, as a desk scans. */
function run(side: Side): void {
  side.matched.clear()
  const t0 = performance.now()
  for (const { data, kind } of side.mix) {
    const s = performance.now()
    const r = side.station.scan({ data, source: 'api' })
    const ms = performance.now() - s
    side.all.push(ms)
    const list = side.perKind.get(kind) ?? []
    list.push(ms)
    side.perKind.set(kind, list)
    if (r.outcome === 'matched') side.matched.set(kind, (side.matched.get(kind) ?? 0) + 1)
  }
  side.rates.push(side.mix.length / ((performance.now() - t0) / 1000))
}

const us = (ms: number) => `${fmt(ms * 1000, 0)} µs`
const p50p99 = (times: number[]): string => {
  times.sort((a, b) => a - b)
  return `${us(percentile(times, 50))} / ${us(percentile(times, 99))}`
}

export function benchReplicaScans(dir: string, stockItems: number, scans = 10_000): void {
  const linked = linkedLabels(stockItems)
  const replicaPath = join(dir, 'replica.db')
  const localPath = join(dir, 'local.db')
  heading(
    `Scans on a pulled InvenTree replica vs a local database: ${fmt(stockItems, 0)} stock items each, ${fmt(linked, 0)} linked bag labels, history on`,
    `scans/s: one Station.scan at a time, resolve + history row (median of ${RUNS} runs of ${fmt(scans, 0)}); p50 / p99: one scan`,
  )
  line('', columns('replica', 'local'))
  const t0 = performance.now()
  const built = buildReplica(replicaPath, stockItems)
  const replicaBuild = (performance.now() - t0) / 1000
  const t1 = performance.now()
  buildLocal(localPath, stockItems)
  const localBuild = (performance.now() - t1) / 1000
  line(
    'build time (replica: pull writer, 50k rows/transaction)',
    columns(`${fmt(replicaBuild, 1)} s`, `${fmt(localBuild, 1)} s`),
  )
  line(
    'database size',
    columns(`${fmt(statSync(replicaPath).size / 1e6, 0)} MB`, `${fmt(statSync(localPath).size / 1e6, 0)} MB`),
  )
  if (built.skipped) line('replica objects skipped by the writer (should be 0)', columns(fmt(built.skipped, 0), ''))

  const replica = openSide(replicaPath, () => deskScanMix(scans, (r) => stockPk(Math.floor(r * stockItems)), linked))
  const local = openSide(localPath, (db) => {
    const { lo, hi } = db.prepare('SELECT min(id) AS lo, max(id) AS hi FROM stockitem').get() as {
      lo: number
      hi: number
    }
    return deskScanMix(scans, (r) => lo + Math.floor(r * (hi - lo + 1)), linked)
  })
  line(
    'stock items',
    columns(fmt(replica.station.info().counts.stockItems, 0), fmt(local.station.info().counts.stockItems, 0)),
  )
  try {
    // Warm statements and the page cache, then alternate the two so that the machine's noise falls on both.
    for (const side of [replica, local])
      for (const { data } of side.mix.slice(0, 1000)) side.station.scan({ data, source: 'api' })
    for (const side of [replica, local]) {
      side.all.length = 0
      side.perKind.clear()
    }
    for (let r = 0; r < RUNS; r++) for (const side of [replica, local]) run(side)

    const rate = (s: Side) => median(s.rates)
    line(
      `throughput (median of ${RUNS})`,
      columns(`${fmt(rate(replica), 0)} scans/s`, `${fmt(rate(local), 0)} scans/s`),
    )
    line('latency p50 / p99, all scans', columns(p50p99(replica.all), p50p99(local.all)))
    for (const kind of KINDS) {
      line(`  ${kind}`, columns(p50p99(replica.perKind.get(kind) ?? []), p50p99(local.perKind.get(kind) ?? [])))
    }
    for (const kind of KINDS) {
      const total = replica.mix.filter((m) => m.kind === kind).length
      const of = (s: Side) => `${fmt(s.matched.get(kind) ?? 0, 0)} / ${fmt(total, 0)}`
      line(`  matched, ${kind} (last run)`, columns(of(replica), of(local)))
    }
    const logged = (s: Side) => fmt((s.db.prepare('SELECT count(*) AS n FROM scan').get() as { n: number }).n, 0)
    line('history rows written (warm-up included)', columns(logged(replica), logged(local)))
    line('replica throughput / local throughput', columns(`${(rate(replica) / rate(local)).toFixed(2)}×`, ''))
  } finally {
    replica.station.close()
    local.station.close()
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = mkdtempSync(join(tmpdir(), 'scan-station-bench-replica-'))
  try {
    benchReplicaScans(
      dir,
      Number(process.env.BENCH_STOCK_ITEMS ?? 1_000_000),
      Number(process.env.BENCH_REPLICA_SCANS ?? 10_000),
    )
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
