/**
 * Importing 100,000 parts (BENCH_IMPORT_PARTS) from an InvenTree part export, as CSV and as XLSX, each into a new
 * empty station in a child process of its own: time from reading the file to the committed transaction, split
 * into the worker's check and the write, and that process's peak memory.
 */
import { spawnSync } from 'node:child_process'
import { statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { inventreePartCsv, writeInventreePartXlsx } from '../src-main/tests/support/inventree-part-export'
import { fmt, heading, line } from './stats'

const TSX = join(import.meta.dirname, '..', 'node_modules', '.bin', 'tsx')

interface ChildReport {
  rows: number
  errors: number
  written: { created: number; updated: number }
  prepareMs: number
  checkMs: number
  commitMs: number
  totalMs: number
  startRssKb: number
  maxRssKb: number
}

const mb = (kb: number): string => `${fmt(kb / 1024, 0)} MB`

export async function benchImport(dir: string, parts: number): Promise<void> {
  heading(
    `Import: ${fmt(parts, 0)} parts from an InvenTree part export (${40} columns), into an empty station`,
    'time: prepare + check (worker) + write (one transaction) in a child process; memory: that child’s maxRSS',
  )
  const csv = join(dir, 'parts.csv')
  const xlsx = join(dir, 'parts.xlsx')
  writeFileSync(csv, inventreePartCsv(parts))
  await writeInventreePartXlsx(xlsx, parts)
  for (const [label, file] of [
    ['CSV', csv],
    ['XLSX', xlsx],
  ] as const) {
    const r = spawnSync(TSX, ['bench/import-child.ts', file, join(dir, `import-${label}.db`)], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    })
    if (r.status !== 0) throw new Error(`import child failed: ${r.stderr}`)
    const report = JSON.parse(r.stdout) as ChildReport
    if (report.errors !== 0 || report.written.created !== parts)
      throw new Error(`import child imported ${report.written.created} of ${parts} (${report.errors} errors)`)
    line(`${label}: file size`, `${fmt(statSync(file).size / 1e6, 1)} MB`)
    line(`${label}: total time`, `${fmt(report.totalMs / 1000, 2)} s`)
    line(`${label}:   check (worker)`, `${fmt(report.checkMs / 1000, 2)} s`)
    line(`${label}:   write (transaction)`, `${fmt(report.commitMs / 1000, 2)} s`)
    line(`${label}: rows per second`, fmt(parts / (report.totalMs / 1000), 0))
    line(`${label}: peak memory (maxRSS)`, `${mb(report.maxRssKb)} (database open: ${mb(report.startRssKb)})`)
  }
}
