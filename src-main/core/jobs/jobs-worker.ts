/**
 * The worker pool's entry (pool.ts): one task at a time, by kind, with progress posted on the task's port. Runs in
 * a worker thread: it touches no Station, and reads the database only through a read-only connection of its own.
 */
import type { MessagePort } from 'node:worker_threads'
import { exportHistoryCsv } from '../history/export-task'
import { renderLabels } from '../labels/label-task'
import { END_OF_PROGRESS, type JobTask, type TaskResult, type WorkerProgress } from './tasks'

export default async function runTask({
  task,
  port,
}: {
  task: JobTask
  port: MessagePort
}): Promise<TaskResult<JobTask>> {
  const progress = (p: WorkerProgress): void => port.postMessage(p)
  try {
    switch (task.kind) {
      case 'labels':
        return await renderLabels(task, progress)
      case 'historyCsv':
        return exportHistoryCsv(task, progress)
    }
  } finally {
    // The result travels apart from the port: this last message tells the pool every progress report is in.
    port.postMessage(END_OF_PROGRESS)
  }
}
