/** The history's CSV export as a worker task: a read-only connection of its own, so the station's stays free. */
import Database from 'better-sqlite3'
import type { HistoryCsvTask, TaskResults, WorkerProgress } from '../jobs/tasks'
import { HistoryQuery } from './query'

export function exportHistoryCsv(
  task: HistoryCsvTask,
  progress: (p: WorkerProgress) => void,
): TaskResults['historyCsv'] {
  const db = new Database(task.dbPath, {
    readonly: true,
    fileMustExist: true,
    ...(task.nativeBinding ? { nativeBinding: task.nativeBinding } : {}),
  })
  try {
    db.pragma('busy_timeout = 5000')
    return new HistoryQuery(db).csv(task.filter, {
      limit: task.limit,
      onProgress: (done, total) => progress({ phase: 'export', done, total }),
    })
  } finally {
    db.close()
  }
}
