/**
 * The worker pool (piscina) that runs the station's slow work off the main thread, so scans and every other call
 * are answered while it runs. Tasks are plain data (tasks.ts); progress comes back on a MessagePort of the task's
 * own, and aborting a task terminates its worker mid-work (piscina starts a fresh one for the next task).
 *
 * The worker script: `jobs-worker.js` beside this module once bundled (electron-vite builds it as an entry of
 * its own), otherwise the TypeScript source, loaded through tsx (the CLI, the web host, the tests, the bench).
 */
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { availableParallelism } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { MessageChannel } from 'node:worker_threads'
import { Piscina } from 'piscina'
import { END_OF_PROGRESS, type JobTask, type TaskResult, type WorkerProgress } from './tasks'

interface WorkerScript {
  filename: string
  execArgv?: string[]
}

/** This module's folder. `import.meta.dirname`, because a test runner may give `import.meta.url` as http:. */
const here = (): string => import.meta.dirname ?? dirname(fileURLToPath(import.meta.url))

function workerScript(): WorkerScript {
  // Bundled: this code sits in out/main/ or a chunk folder under it; the worker entry is out/main/jobs-worker.js.
  for (const candidate of ['jobs-worker.js', '../jobs-worker.js']) {
    const path = resolve(here(), candidate)
    if (existsSync(path)) return { filename: pathToFileURL(path).href }
  }
  const tsx = pathToFileURL(createRequire(join(here(), 'pool.ts')).resolve('tsx')).href
  return { filename: pathToFileURL(join(here(), 'jobs-worker.ts')).href, execArgv: ['--import', tsx] }
}

/** Leaves one core to the main thread (scans), and at most four workers on a big machine. */
export const defaultThreads = (): number => Math.max(1, Math.min(4, availableParallelism() - 1))

export interface RunOptions {
  signal: AbortSignal
  onProgress: (progress: WorkerProgress) => void
}

export class WorkerPool {
  private readonly pool: Piscina

  constructor(threads = defaultThreads()) {
    const script = workerScript()
    this.pool = new Piscina({
      ...script,
      minThreads: 0,
      maxThreads: threads,
      // A worker loads pdfkit and the decoder once; keep it for the next job, but not forever.
      idleTimeout: 60_000,
      // Tasks await (the decoder is async): the worker's own event loop must run between them.
      atomics: 'disabled',
    })
  }

  /** Where the worker code comes from (a test checks the bundled build uses its own file). */
  get filename(): string {
    return this.pool.options.filename ?? ''
  }

  async run<T extends JobTask>(task: T, options: RunOptions): Promise<TaskResult<T>> {
    const { port1, port2 } = new MessageChannel()
    const reported = new Promise<void>((resolve) => {
      port1.on('message', (p: WorkerProgress | typeof END_OF_PROGRESS) => {
        if (p === END_OF_PROGRESS) resolve()
        else options.onProgress(p)
      })
    })
    try {
      const result = (await this.pool.run(
        { task, port: port2 },
        { transferList: [port2], signal: options.signal },
      )) as TaskResult<T>
      // Every progress report reaches the caller before the result does.
      await reported
      return result
    } finally {
      port1.close()
    }
  }

  destroy(): Promise<void> {
    return this.pool.destroy()
  }
}
