/**
 * Imports as the desk runs them, in three steps a person sees: prepare (header, first rows, guessed mapping),
 * validate (every row read and checked in the worker, then planned against the database; nothing written) and
 * commit (the plan written in one transaction, only when it has no errors). A job lives in memory only: a restart
 * forgets it, and the person picks the file again. The steps are plain async functions of a job, so a shared job
 * runner can take them over as they are.
 */
import { randomUUID } from 'node:crypto'
import type { ColumnMapping, ImportKind, ImportPreview, ImportReport } from '../../contract'
import type { Db } from '../db/connection'
import { ConflictError, NotFoundError } from '../errors'
import type { Actor } from '../inventory/actor'
import { refuseOnReplica } from '../inventory/edit-guard'
import { applyImport } from './apply'
import { previewTable } from './check-rows'
import { guessMapping, importFields, mappingProblems } from './columns'
import { planImport, type ImportPlan } from './plan'
import { formatOf, type TableFormat } from './read-table'
import { runCheck, type RunningCheck } from './run-worker'

/** Errors a report lists; past that it counts them (a file with every row wrong needs its mapping fixed). */
const LISTED_ERRORS = 200
const PREVIEW_ROWS = 10
const KEPT_JOBS = 4

interface Job {
  id: string
  kind: ImportKind
  fileName: string
  bytes: Uint8Array
  format: TableFormat
  headers: string[]
  running: RunningCheck | null
  plan: ImportPlan | null
}

export type ProgressListener = (job: string, rows: number, fraction: number, done: boolean) => void

export class ImportJobs {
  private readonly jobs = new Map<string, Job>()

  constructor(
    private readonly db: Db,
    private readonly onProgress: ProgressListener = () => {},
  ) {}

  async prepare(kind: ImportKind, fileName: string, bytes: Uint8Array): Promise<ImportPreview> {
    refuseOnReplica(this.db)
    let format: TableFormat
    let table: Awaited<ReturnType<typeof previewTable>>
    try {
      format = formatOf(fileName, bytes)
      table = await previewTable(bytes, format, PREVIEW_ROWS)
    } catch (err) {
      throw new ConflictError(`${fileName} could not be read: ${err instanceof Error ? err.message : String(err)}`)
    }
    if (table.headers.length === 0) throw new ConflictError(`${fileName} has no header row`)
    const job: Job = {
      id: randomUUID(),
      kind,
      fileName,
      bytes,
      format,
      headers: table.headers,
      running: null,
      plan: null,
    }
    this.jobs.set(job.id, job)
    for (const old of [...this.jobs.keys()].slice(0, Math.max(0, this.jobs.size - KEPT_JOBS))) this.forget(old)
    return {
      job: job.id,
      kind,
      headers: table.headers,
      preview: table.rows,
      fields: importFields[kind].map(({ field, label, required }) => ({ field, label, required })),
      ...guessMapping(kind, table.headers),
    }
  }

  async validate(id: string, mapping?: ColumnMapping): Promise<ImportReport> {
    const job = this.job(id)
    if (job.running) throw new ConflictError('This file is being checked already')
    const map = mapping ?? guessMapping(job.kind, job.headers).mapping
    const problems = mappingProblems(job.kind, job.headers, map)
    if (problems.length) throw new ConflictError(problems.join('; '))
    job.plan = null
    job.running = runCheck({ bytes: job.bytes, format: job.format, kind: job.kind, mapping: map }, (rows, fraction) =>
      this.onProgress(id, rows, fraction, false),
    )
    try {
      const checked = await job.running.result
      const plan = planImport(this.db, job.kind, checked.rows)
      plan.errors = [...checked.errors, ...plan.errors].sort((a, b) => a.row - b.row)
      job.plan = plan
      this.onProgress(id, checked.total, 1, true)
      return {
        job: id,
        rows: checked.total,
        creates: plan.creates,
        updates: plan.updates,
        errors: plan.errors.slice(0, LISTED_ERRORS),
        moreErrors: Math.max(0, plan.errors.length - LISTED_ERRORS),
        ready: plan.errors.length === 0 && checked.total > 0,
      }
    } finally {
      job.running = null
    }
  }

  commit(id: string, actor: Actor): { created: number; updated: number } {
    refuseOnReplica(this.db)
    const job = this.job(id)
    const plan = job.plan
    if (!plan) throw new ConflictError('Check the file first: nothing is imported before it is checked')
    if (plan.errors.length) throw new ConflictError(`The file has ${plan.errors.length} row error(s); fix them first`)
    // Planned against the database as it was when checked: a key taken since fails the tables' UNIQUE
    // constraints, and the whole write rolls back.
    const result = applyImport(this.db, plan, actor, job.fileName)
    this.forget(id)
    return result
  }

  cancel(id: string): { cancelled: boolean } {
    const job = this.jobs.get(id)
    if (!job) return { cancelled: false }
    this.forget(id)
    return { cancelled: true }
  }

  close(): void {
    for (const id of [...this.jobs.keys()]) this.forget(id)
  }

  private forget(id: string): void {
    this.jobs.get(id)?.running?.cancel()
    this.jobs.delete(id)
  }

  private job(id: string): Job {
    const job = this.jobs.get(id)
    if (!job) throw new NotFoundError('No such import: pick the file again')
    return job
  }
}
