/**
 * Long jobs: each runs under an id its caller chose (or one made up), reports its progress to that caller only,
 * and can be cancelled by that caller, which stops its worker and ends the call with a CancelledError. The slow
 * part runs in the worker pool; the main thread only reads the database in short slices between which it yields,
 * so scans and every other call are answered while a job runs.
 */
import { randomUUID } from 'node:crypto'
import { setImmediate as nextTurn } from 'node:timers/promises'
import type { JobKind, JobPhase, JobProgress } from '../../contract'
import { CancelledError, ConflictError } from '../errors'
import { currentCaller, LOCAL_CALLER, type CallerId } from '../operators/caller'
import type { WorkerPool } from './pool'
import type { JobTask, TaskResult } from './tasks'

export interface JobContext {
  readonly jobId: string
  readonly signal: AbortSignal
  progress(phase: JobPhase, done: number, total: number): void
  /** Lets the event loop turn (scans, other calls) between slices of main-thread work; throws once cancelled. */
  pause(): Promise<void>
  /** Runs a task in the worker pool, its progress reported as this job's. */
  inWorker<T extends JobTask>(task: T): Promise<TaskResult<T>>
}

interface Running {
  caller: CallerId
  controller: AbortController
}

export class Jobs {
  private readonly running = new Map<string, Running>()
  private pool: WorkerPool | null = null

  constructor(
    private readonly emit: (progress: JobProgress, to: CallerId) => void,
    private readonly makePool: () => WorkerPool,
  ) {}

  async run<T>(kind: JobKind, requestedId: string | undefined, work: (job: JobContext) => Promise<T>): Promise<T> {
    const caller = currentCaller() ?? LOCAL_CALLER
    const jobId = requestedId ?? randomUUID()
    const key = `${caller}\u0000${jobId}`
    if (this.running.has(key)) throw new ConflictError(`A job named ${jobId} is already running`)
    const controller = new AbortController()
    this.running.set(key, { caller, controller })
    const signal = controller.signal
    let last: JobProgress | null = null
    const progress = (phase: JobPhase, done: number, total: number): void => {
      if (signal.aborted) return
      // About a hundred events a phase at most: enough for a smooth bar, few enough for a slow link.
      const step = Math.max(1, Math.floor(total / 100))
      if (last && last.phase === phase && done !== total && done - last.done < step) return
      last = { jobId, kind, phase, done, total }
      this.emit(last, caller)
    }
    const cancelled = (): CancelledError => new CancelledError(`Cancelled: ${kind} job ${jobId} stopped`)
    const job: JobContext = {
      jobId,
      signal,
      progress,
      pause: async () => {
        await nextTurn()
        if (signal.aborted) throw cancelled()
      },
      inWorker: async (task) => {
        if (signal.aborted) throw cancelled()
        progress('queued', 0, 1)
        try {
          return await this.workers().run(task, { signal, onProgress: (p) => progress(p.phase, p.done, p.total) })
        } catch (err) {
          if (signal.aborted) throw cancelled()
          throw err
        }
      },
    }
    try {
      const result = await work(job)
      if (signal.aborted) throw cancelled()
      return result
    } finally {
      this.running.delete(key)
    }
  }

  /** Cancels one of the current caller's jobs; false when it has none of that id running. */
  cancel(jobId: string): boolean {
    const caller = currentCaller() ?? LOCAL_CALLER
    const job = this.running.get(`${caller}\u0000${jobId}`)
    if (!job) return false
    job.controller.abort()
    return true
  }

  /** A window closed or a connection dropped: its jobs stop, since nobody is left to receive them. */
  endCaller(caller: CallerId): void {
    for (const job of this.running.values()) if (job.caller === caller) job.controller.abort()
  }

  close(): Promise<void> {
    for (const job of this.running.values()) job.controller.abort()
    const pool = this.pool
    this.pool = null
    return pool ? pool.destroy() : Promise.resolve()
  }

  private workers(): WorkerPool {
    return (this.pool ??= this.makePool())
  }
}
