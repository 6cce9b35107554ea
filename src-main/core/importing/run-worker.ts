/**
 * Starts the import worker for one file and hands back its result, with progress on the way and a cancel that
 * stops it at once. Built, the worker is its own entry beside the main bundle (import-worker.js); from source
 * (the CLI, the web host, tests) it is the TypeScript file, run through tsx like its parent.
 */
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { CheckInput, CheckedTable } from './check-rows'
import type { WorkerMessage } from './import-worker'

export class ImportCancelled extends Error {
  constructor() {
    super('The import was cancelled')
  }
}

export interface RunningCheck {
  result: Promise<CheckedTable>
  cancel(): void
}

/**
 * From source, a loader thread's hooks do not reach a worker on every Node this runs on, so the worker is a
 * small script that compiles the TypeScript entry through tsx's require hook.
 */
function startWorker(workerData: CheckInput): Worker {
  const here = dirname(fileURLToPath(import.meta.url))
  const built = join(here, 'import-worker.js')
  if (existsSync(built)) return new Worker(built, { workerData })
  const source = join(here, 'import-worker.ts')
  const script = `require('tsx/cjs/api').require(${JSON.stringify(source)}, ${JSON.stringify(source)})`
  return new Worker(script, { eval: true, workerData })
}

export function runCheck(input: CheckInput, onProgress: (rows: number, fraction: number) => void): RunningCheck {
  // The bytes are copied into the worker once; the job keeps its own copy for a second validation.
  const worker = startWorker(input)
  let cancelled = false
  const result = new Promise<CheckedTable>((resolve, reject) => {
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') onProgress(m.rows, m.fraction)
      else if (m.type === 'done') resolve(m.result)
      else reject(new Error(m.message))
    })
    worker.on('error', reject)
    worker.on('exit', (code) => {
      if (cancelled) reject(new ImportCancelled())
      else if (code !== 0) reject(new Error(`The import worker stopped (exit ${code})`))
    })
  })
  return {
    result,
    cancel: () => {
      cancelled = true
      void worker.terminate()
    },
  }
}
