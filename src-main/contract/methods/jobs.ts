/** Long jobs (label PDFs, printing, history export): the caller names each one so it can follow and cancel it. */
import { z } from 'zod'
import { returns, type MethodSpec } from './define'

/** A caller's own name for a job (a UUID from the page): only letters, digits, `-` and `_`. */
export const JobIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'a job id is letters, digits, - and _ only')

export const jobMethods = {
  /** Stops one of the caller's own running jobs; it then answers `cancelled`. False when no such job runs. */
  cancelJob: { input: z.strictObject({ jobId: JobIdSchema }), output: returns<{ cancelled: boolean }>() },
} satisfies Record<string, MethodSpec>
