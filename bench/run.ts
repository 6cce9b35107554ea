/**
 * `npm run bench`: prints figures, never pass/fail. Builds a 1,000,000 stock-item database (override with
 * BENCH_STOCK_ITEMS) in a temp folder and measures scan resolution against raw SQLite, the CLI's `scan -`, a mix
 * of desk barcodes, the same desk's scans on a pulled InvenTree replica against a local database of that size, a
 * full and an incremental pull of 100,000 items (BENCH_PULL_ITEMS) from the InvenTree stand-in, the history
 * review's queries, scan latency while a 2,000-label PDF renders in the worker pool (BENCH_LABELS), importing
 * 100,000 parts from CSV and from XLSX (BENCH_IMPORT_PARTS), decode accuracy on the quagga2 photos and what each
 * zxing-wasm option and pipeline step buys, the live camera (photos as jittered frames confirmed across frames;
 * the camera page's decoded frames a second in Chromium), and — in
 * Chromium through the web host — the scan page at 500 rows and the history review over 100,000 scans; and the
 * quick and full integrity checks the station runs at start, on the same large database.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { seedLinks, seedScale } from '../src-main/core/demo/seed'
import { openStationDatabase, Station } from '../src-main/core/station'
import { benchDecodeAccuracy } from './decode-accuracy'
import { benchDecodeLive } from './decode-live'
import { benchDecodeOptions } from './decode-options'
import { benchHistoryReview } from './history-review'
import { benchImport } from './import'
import { benchIntegrity } from './integrity'
import { benchLabelJob } from './label-job'
import { benchPull } from './pull'
import { benchReplicaScans } from './replica-scans'
import { benchScanMix } from './scan-mix'
import { benchScanResolution, benchScanStream, internalBarcodes } from './scan-resolution'
import { benchUi } from './ui'
import { fmt, heading, line } from './stats'

const stockItems = Number(process.env.BENCH_STOCK_ITEMS ?? 1_000_000)
const linkedBarcodes = Math.min(stockItems, Number(process.env.BENCH_LINKED ?? 100_000))
const dir = mkdtempSync(join(tmpdir(), 'scan-station-bench-'))
const dbPath = join(dir, 'bench.db')

try {
  heading(
    `Database: demo inventory + ${fmt(stockItems, 0)} synthetic stock items, ${fmt(linkedBarcodes, 0)} linked barcodes`,
  )
  const t0 = performance.now()
  const db = openStationDatabase({ dbPath })
  const station = new Station(db, { dbPath })
  seedScale(db, stockItems)
  seedLinks(db, linkedBarcodes)
  const counts = station.info().counts
  db.pragma('wal_checkpoint(TRUNCATE)')
  station.close()
  line('seed time', `${fmt((performance.now() - t0) / 1000, 1)} s`)
  line('database size', `${fmt(statSync(dbPath).size / 1e6, 0)} MB`)

  await benchIntegrity(dbPath, counts.stockItems)
  benchScanResolution(dbPath, internalBarcodes(10_000, counts.stockItems, counts.parts, counts.locations))
  benchScanStream(dbPath, internalBarcodes(100_000, counts.stockItems, counts.parts, counts.locations))
  benchScanMix(dbPath, linkedBarcodes)
  benchReplicaScans(dir, stockItems)
  await benchPull(dir, Number(process.env.BENCH_PULL_ITEMS ?? 100_000))
  await benchHistoryReview(join(dir, 'history.db'))
  await benchLabelJob()
  await benchImport(dir, Number(process.env.BENCH_IMPORT_PARTS ?? 100_000))
  await benchDecodeAccuracy()
  await benchDecodeOptions()
  await benchDecodeLive()
  await benchUi(dir)
} finally {
  rmSync(dir, { recursive: true, force: true })
}
