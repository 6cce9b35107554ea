/**
 * The worker pool's entry (pool.ts): one task at a time, by kind, with progress posted on the task's port. Runs in
 * a worker thread: it touches no Station, and reads the database only through a read-only connection of its own.
 */
import type { MessagePort } from 'node:worker_threads'
import { exportHistoryCsv } from '../history/export-task'
import { renderLabels } from '../labels/label-task'
import type { JobTask, TaskResult, WorkerProgress } from './tasks'

export default async function runTask({
  task,
  port,
}: {
  task: JobTask
  port: MessagePort
}): Promise<TaskResult<JobTask>> {
  const progress = (p: WorkerProgress): void => port.postMessage(p)
  switch (task.kind) {
    case 'labels':
      return renderLabels(task, progress)
    case 'historyCsv':
      return exportHistoryCsv(task, progress)
  }
}
