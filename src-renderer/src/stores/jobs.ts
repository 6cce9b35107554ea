import { defineStore } from 'pinia'
import { reactive } from 'vue'
import type { JobKind, JobProgress } from '../../../src-main/contract'
import { call, onStationEvent, StationError } from '../api/station'

/** A job this page started, as far as main has reported it. */
export interface JobView extends JobProgress {
  cancelling: boolean
}

/**
 * The long jobs this page runs (label PDFs, printing, the history export): each gets an id here, main reports its
 * progress under that id (to this page only), and any view showing the job can cancel it.
 */
export const useJobsStore = defineStore('jobs', () => {
  const jobs = reactive(new Map<string, JobView>())
  let stopFollowing: (() => void) | null = null

  function follow(): void {
    stopFollowing ??= onStationEvent('jobProgress', (progress) => {
      const job = jobs.get(progress.jobId)
      // A report that arrives after the call answered (or for a job another view forgot) is dropped.
      if (job) Object.assign(job, progress)
    })
  }

  /** Runs `work` as a job of `kind`: it gets the id to pass to main, and the job is shown until `work` settles. */
  async function run<T>(kind: JobKind, work: (jobId: string) => Promise<T>): Promise<T> {
    follow()
    const jobId = crypto.randomUUID()
    jobs.set(jobId, { jobId, kind, phase: 'queued', done: 0, total: 0, cancelling: false })
    try {
      return await work(jobId)
    } finally {
      jobs.delete(jobId)
    }
  }

  async function cancel(jobId: string): Promise<void> {
    const job = jobs.get(jobId)
    if (!job || job.cancelling) return
    job.cancelling = true
    try {
      await call('cancelJob', { jobId })
    } catch {
      // The job goes on (the call failed on the way): offer Cancel again.
      job.cancelling = false
    }
  }

  return { jobs, run, cancel }
})

/** True for the answer of a job its user cancelled: not an error to show. */
export const isCancelled = (error: unknown): boolean => error instanceof StationError && error.code === 'cancelled'
