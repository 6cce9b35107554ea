/**
 * One import start to end, for callers without a person between the steps (the CLI, the benchmark): prepare,
 * validate, and commit unless it is a dry run or a row is wrong.
 */
import type { ColumnMapping, ImportKind, ImportPreview, ImportReport } from '../../contract'
import type { Db } from '../db/connection'
import type { Actor } from '../inventory/actor'
import { ImportJobs, type ProgressListener } from './import-jobs'

export interface ImportOutcome {
  recognised: ImportPreview['recognised']
  mapping: ColumnMapping
  report: Omit<ImportReport, 'job'>
  written: { created: number; updated: number } | null
}

export async function importFile(
  db: Db,
  options: { kind: ImportKind; fileName: string; bytes: Uint8Array; mapping?: ColumnMapping; dryRun?: boolean },
  actor: Actor,
  onProgress?: ProgressListener,
): Promise<ImportOutcome> {
  const jobs = new ImportJobs(db, onProgress)
  try {
    const preview = await jobs.prepare(options.kind, options.fileName, options.bytes)
    const mapping = options.mapping ?? preview.mapping
    const { job, ...report } = await jobs.validate(preview.job, mapping)
    const written = report.ready && !options.dryRun ? jobs.commit(job, actor) : null
    return { recognised: preview.recognised, mapping, report, written }
  } finally {
    jobs.close()
  }
}
