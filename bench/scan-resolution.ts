/**
 * Scan resolution on a large inventory: internal barcodes through the Station (resolve + log), against the same
 * lookups and inserts done on raw better-sqlite3, which is the floor the Station's overhead is measured from.
 */
import { spawnSync } from 'node:child_process'
import { performance } from 'node:perf_hooks'
import { openStationDatabase, Station } from '../src-main/core/station'
import { prng } from '../src-main/core/demo/seed'
import { fmt, heading, line, median, percentile, RUNS } from './stats'

export function internalBarcodes(count: number, stockItems: number, parts: number, locations: number): string[] {
  const rand = prng(7)
  const pick = (n: number) => 1 + Math.floor(rand() * n)
  const out: string[] = []
  for (let i = 0; i < count; i++) {
    const kind = i % 10
    if (kind < 5) out.push(`INV-SI${pick(stockItems)}`)
    else if (kind < 8) out.push(`{"stockitem": ${pick(stockItems)}}`)
    else if (kind === 8) out.push(`INV-PA${pick(parts)}`)
    else out.push(`INV-SL${pick(locations)}`)
  }
  return out
}

export function benchScanResolution(dbPath: string, barcodes: string[]): void {
  const db = openStationDatabase({ dbPath })
  const station = new Station(db, { dbPath })
  const { counts } = station.info()
  heading(`Scan resolution: ${fmt(barcodes.length, 0)} internal barcodes, ${fmt(counts.stockItems, 0)} stock items`)

  // One scan per transaction: what a desk does, one barcode at a time.
  const latencies: number[] = []
  const t0 = performance.now()
  for (const data of barcodes) {
    const s = performance.now()
    station.scan({ data, source: 'api' })
    latencies.push(performance.now() - s)
  }
  const singleMs = performance.now() - t0
  latencies.sort((a, b) => a - b)
  line('Station.scan, one transaction per scan: throughput', `${fmt(barcodes.length / (singleMs / 1000), 0)} scans/s`)
  line(
    'Station.scan latency p50 / p99',
    `${fmt(percentile(latencies, 50) * 1000, 0)} µs / ${fmt(percentile(latencies, 99) * 1000, 0)} µs`,
  )

  // Batched as `scan -` does it (one transaction per chunk of input), against the floor: the same primary-key
  // lookup and one history insert on raw better-sqlite3. The two alternate, RUNS times each; medians are reported.
  const lookup = db.prepare('SELECT p.name, s.quantity FROM stockitem s JOIN part p ON p.id = s.part_id WHERE s.id = ?')
  const insert = db.prepare(
    "INSERT INTO scan (timestamp, data, source, result, response, duration_us) VALUES (?, ?, 'api', 'match', ?, 0)",
  )
  const pks = barcodes.map((b) => Number(/(\d+)\D*$/.exec(b)![1]))
  const rawBatch = db.transaction((slice: number[]) => {
    for (const pk of slice) insert.run(new Date().toISOString(), String(pk), JSON.stringify(lookup.get(pk) ?? null))
  })
  const stationRates: number[] = []
  const rawRates: number[] = []
  for (let run = 0; run < RUNS; run++) {
    const t1 = performance.now()
    for (let i = 0; i < barcodes.length; i += 1000)
      station.scanMany(barcodes.slice(i, i + 1000).map((data) => ({ data, source: 'api' })))
    stationRates.push(barcodes.length / ((performance.now() - t1) / 1000))
    const t2 = performance.now()
    for (let i = 0; i < pks.length; i += 1000) rawBatch(pks.slice(i, i + 1000))
    rawRates.push(pks.length / ((performance.now() - t2) / 1000))
  }
  const stationRate = median(stationRates)
  const rawRate = median(rawRates)
  line(`Station.scanMany, 1,000 per transaction (median of ${RUNS})`, `${fmt(stationRate, 0)} scans/s`)
  line(`raw better-sqlite3 lookup + insert, 1,000 per transaction (median of ${RUNS})`, `${fmt(rawRate, 0)} ops/s`)
  line(
    'Station overhead over raw SQLite (batched)',
    `${fmt(rawRate / stationRate, 2)}× (raw is ${fmt(rawRate / stationRate, 2)} times faster)`,
  )
  station.close()
}

/** End to end through the CLI's `scan -`, process start-up included, as a script would use it. */
export function benchScanStream(dbPath: string, barcodes: string[]): void {
  heading(`CLI: scan - with ${fmt(barcodes.length, 0)} lines on stdin`)
  const run = (lines: string[]): number => {
    const t0 = performance.now()
    const r = spawnSync('node_modules/.bin/tsx', ['src-main/cli/main.ts', 'scan', '--db', dbPath, '-'], {
      input: lines.length ? lines.join('\n') + '\n' : '',
      maxBuffer: 1 << 30,
    })
    const ms = performance.now() - t0
    const answered = r.stdout.toString().split('\n').filter(Boolean).length
    if (r.status !== 0 || answered !== lines.length)
      throw new Error(`scan - failed: exit ${r.status}, ${answered} lines, ${r.stderr}`)
    return ms
  }
  const startup = median(Array.from({ length: RUNS }, () => run([])))
  const total = median(Array.from({ length: RUNS }, () => run(barcodes)))
  line(`process start-up and database open, empty input (median of ${RUNS})`, `${fmt(startup, 0)} ms`)
  line(
    `scan - throughput, start-up included (median of ${RUNS})`,
    `${fmt(barcodes.length / (total / 1000), 0)} scans/s`,
  )
  line(
    'scan - throughput, steady state (start-up subtracted)',
    `${fmt(barcodes.length / ((total - startup) / 1000), 0)} scans/s`,
  )
}
