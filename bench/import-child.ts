/**
 * One import in a process of its own, for `bench/import.ts`: the InvenTree part export at FILE into a new, empty
 * station database, start (file read) to commit. Prints JSON: the phases' times and the process's peak memory
 * (maxRSS counts the import worker's thread too, which shares the process).
 */
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { performance } from 'node:perf_hooks'
import { ImportJobs } from '../src-main/core/importing/import-jobs'
import { openStationDatabase } from '../src-main/core/station'

const [file, dbPath] = process.argv.slice(2) as [string, string]
const db = openStationDatabase({ dbPath, demo: false })
const startRssKb = process.resourceUsage().maxRSS
const t0 = performance.now()
const jobs = new ImportJobs(db)
const preview = await jobs.prepare('parts', basename(file), readFileSync(file))
const t1 = performance.now()
const report = await jobs.validate(preview.job)
const t2 = performance.now()
const written = jobs.commit(preview.job, { operatorId: null, name: 'bench' })
const t3 = performance.now()
db.close()
process.stdout.write(
  `${JSON.stringify({
    rows: report.rows,
    errors: report.errors.length,
    written,
    prepareMs: t1 - t0,
    checkMs: t2 - t1,
    commitMs: t3 - t2,
    totalMs: t3 - t0,
    startRssKb,
    maxRssKb: process.resourceUsage().maxRSS,
  })}\n`,
)
