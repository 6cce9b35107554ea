/**
 * What the main thread sends the job worker and what comes back: plain, cloneable data only (no Station, no open
 * database handle). A new kind of long job (an import) adds its task and result here and a handler in
 * jobs-worker.ts.
 */
import type { HistoryFilter, JobPhase, ModelType } from '../../contract'
import type { Fonts, LabelData } from '../labels/layout'
import type { LabelTemplate } from '../labels/template'

/** A worker's report of how far it is, posted on the task's port. */
export interface WorkerProgress {
  phase: JobPhase
  done: number
  total: number
}

/** Posted after a task's last progress report. */
export const END_OF_PROGRESS = 'end'

/** Lay out, verify by re-scan and render labels whose data the main thread already read. */
export interface LabelsTask {
  kind: 'labels'
  template: LabelTemplate
  fonts: Fonts
  items: LabelData[]
}

/** The filtered history as CSV, read through a read-only connection of the worker's own. */
export interface HistoryCsvTask {
  kind: 'historyCsv'
  dbPath: string
  /** better-sqlite3's binding for this runtime (Electron's ABI differs from Node's). */
  nativeBinding?: string
  filter: HistoryFilter
  limit?: number
}

export type JobTask = LabelsTask | HistoryCsvTask

/** A refusal the worker met on purpose: the main thread throws it as the station error of that code. */
export interface TaskFailure {
  failed: { code: 'conflict' | 'not_found'; message: string; item?: { model: ModelType; pk: number } }
}

export interface TaskResults {
  labels: { pdf: Uint8Array } | TaskFailure
  historyCsv: { csv: string; rows: number }
}

export type TaskResult<T extends JobTask> = TaskResults[T['kind']]
