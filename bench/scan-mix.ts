/**
 * Resolution of the barcodes a receiving desk really scans, mixed: internal, linked external (carton labels),
 * supplier labels (DigiKey 15434, LCSC QR) and GS1 (DataMatrix element strings and plain EAN-13).
 */
import { performance } from 'node:perf_hooks'
import type { Db } from '../src-main/core/db/connection'
import { prng } from '../src-main/core/demo/seed'
import { openStationDatabase, Station } from '../src-main/core/station'
import { fmt, heading, line, median, percentile, RUNS } from './stats'

const GS = '\u001D'
const RS = '\u001E'
const EOT = '\u0004'

export function mixedBarcodes(db: Db, count: number, linked: number): { data: string; kind: string }[] {
  const rand = prng(11)
  const stockItems = (db.prepare('SELECT max(id) AS n FROM stockitem').get() as { n: number }).n
  const digikey = db
    .prepare(
      "SELECT sp.sku, mp.mpn FROM supplierpart sp JOIN company c ON c.id = sp.supplier_id JOIN manufacturerpart mp ON mp.id = sp.manufacturer_part_id WHERE c.name = 'DigiKey'",
    )
    .all() as { sku: string; mpn: string }[]
  const lcsc = db
    .prepare(
      "SELECT sp.sku, mp.mpn FROM supplierpart sp JOIN company c ON c.id = sp.supplier_id JOIN manufacturerpart mp ON mp.id = sp.manufacturer_part_id WHERE c.name = 'LCSC'",
    )
    .all() as { sku: string; mpn: string }[]
  const gtins = (db.prepare('SELECT gtin FROM part WHERE gtin IS NOT NULL').all() as { gtin: string }[]).map(
    (r) => r.gtin,
  )
  const pick = <T>(list: T[]): T => list[Math.floor(rand() * list.length)]!
  const out: { data: string; kind: string }[] = []
  for (let i = 0; i < count; i++) {
    const k = i % 20
    if (k < 8)
      out.push({
        kind: 'internal',
        data:
          k % 2
            ? `INV-SI${1 + Math.floor(rand() * stockItems)}`
            : `{"stockitem": ${1 + Math.floor(rand() * stockItems)}}`,
      })
    else if (k < 14)
      out.push({ kind: 'linked external', data: `EXT-${String(Math.floor(rand() * linked)).padStart(8, '0')}` })
    else if (k < 16) {
      const p = pick(digikey)
      out.push({
        kind: 'supplier (DigiKey 15434)',
        data: `[)>${RS}06${GS}P${p.sku}${GS}1P${p.mpn}${GS}30P${p.sku}${GS}KPO-0001${GS}1K84213377${GS}9D2345${GS}1TLOT${i}${GS}Q${1 + (i % 500)}${RS}${EOT}`,
      })
    } else if (k < 17) {
      const p = pick(lcsc)
      out.push({
        kind: 'supplier (LCSC QR)',
        data: `{pbn:PICK${i},on:WM2411190087,pc:${p.sku},pm:${p.mpn},qty:${100 + (i % 9) * 100},mc:,cc:1}`,
      })
    } else if (k < 19) out.push({ kind: 'GS1 DataMatrix', data: `]d201${pick(gtins)}17291231${''}10B${i}${GS}21S${i}` })
    else out.push({ kind: 'GS1 EAN-13', data: pick(gtins).slice(1) })
  }
  return out
}

export function benchScanMix(dbPath: string, linked: number): void {
  const db = openStationDatabase({ dbPath })
  const station = new Station(db, { dbPath })
  const mix = mixedBarcodes(db, 20_000, linked)
  heading(
    `Mixed desk barcodes: ${fmt(mix.length, 0)} scans, ${fmt(station.info().counts.stockItems, 0)} stock items, ${fmt(linked, 0)} linked barcodes`,
  )
  // Warm up statements and caches, then measure batches as `scan -` runs them.
  station.scanMany(mix.slice(0, 1000).map(({ data }) => ({ data, source: 'api' })))
  const perKind = new Map<string, number[]>()
  let matched = 0
  const rates: number[] = []
  for (let run = 0; run < RUNS; run++) {
    matched = 0
    const t0 = performance.now()
    for (let i = 0; i < mix.length; i += 1000) {
      const batch = mix.slice(i, i + 1000)
      db.transaction(() => {
        for (const { data, kind } of batch) {
          const s = performance.now()
          const r = station.scan({ data, source: 'api' })
          const list = perKind.get(kind) ?? []
          list.push(performance.now() - s)
          perKind.set(kind, list)
          if (r.outcome === 'matched') matched++
        }
      })()
    }
    rates.push(mix.length / ((performance.now() - t0) / 1000))
  }
  line(`throughput, resolve + log, 1,000 per transaction (median of ${RUNS})`, `${fmt(median(rates), 0)} scans/s`)
  line('matched', `${fmt(matched, 0)} of ${fmt(mix.length, 0)}`)
  for (const [kind, times] of perKind) {
    times.sort((a, b) => a - b)
    line(
      `  ${kind}: p50 / p99`,
      `${fmt(percentile(times, 50) * 1000, 0)} µs / ${fmt(percentile(times, 99) * 1000, 0)} µs`,
    )
  }
  station.close()
}
