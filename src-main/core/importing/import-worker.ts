/**
 * The import worker: reads and checks one file's rows (check-rows.ts) off the station's thread, posting progress
 * as it goes and the checked rows at the end. Cancelling is terminating it: it writes nothing, so nothing is lost.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { checkRows, type CheckInput } from './check-rows'

export type WorkerMessage =
  | { type: 'progress'; rows: number; fraction: number }
  | { type: 'done'; result: Awaited<ReturnType<typeof checkRows>> }
  | { type: 'failed'; message: string }

const post = (message: WorkerMessage): void => parentPort!.postMessage(message)

checkRows(workerData as CheckInput, (rows, fraction) => post({ type: 'progress', rows, fraction })).then(
  (result) => post({ type: 'done', result }),
  (err: unknown) => post({ type: 'failed', message: err instanceof Error ? err.message : String(err) }),
)
