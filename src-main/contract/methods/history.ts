/** The scan history: the recent list, the admin's filtered review, its statistics and export, and the purge. */
import { z } from 'zod'
import { scanSources, type HistoryEntry, type HistoryStats } from '../domain'
import { ModelTypeSchema, PkSchema, returns, type MethodSpec } from './define'
import { JobIdSchema } from './jobs'

/** What the admin's history review filters by; every part is optional and they combine with AND. */
export const HistoryFilterSchema = z.strictObject({
  results: z
    .array(z.enum(['match', 'no_match', 'error']))
    .max(3)
    .optional(),
  actions: z
    .array(z.enum(['scan', 'link', 'unlink']))
    .max(3)
    .optional(),
  sources: z.array(z.enum(scanSources)).max(scanSources.length).optional(),
  operator: z.string().max(100).optional(),
  /** The desk's name, as the history rows carry it. */
  desk: z.string().max(60).optional(),
  plugin: z.string().max(100).optional(),
  model: ModelTypeSchema.optional(),
  /** ISO timestamps, inclusive from, exclusive to. */
  from: z.iso.datetime().optional(),
  to: z.iso.datetime().optional(),
  /** Text inside the raw data. */
  text: z.string().max(200).optional(),
})
export type HistoryFilter = z.infer<typeof HistoryFilterSchema>

export const historyMethods = {
  /** Newest scans first; `beforeId` pages backwards. */
  history: {
    input: z.strictObject({
      limit: z.number().int().min(1).max(1000).optional(),
      beforeId: PkSchema.optional(),
    }),
    output: returns<HistoryEntry[]>(),
  },
  /** A page of the history matching a filter, with the total count (for a virtual-scrolling table). */
  historyQuery: {
    input: z.strictObject({
      filter: HistoryFilterSchema,
      offset: z.number().int().min(0).max(1_000_000_000).optional(),
      limit: z.number().int().min(1).max(1000).optional(),
    }),
    output: returns<{ total: number; offset: number; rows: HistoryEntry[] }>(),
  },
  /** Scans and failures per hour over the filtered history. */
  historyStats: { input: z.strictObject({ filter: HistoryFilterSchema }), output: returns<HistoryStats>() },
  /** The filtered history as CSV, safe to open in a spreadsheet. A long job, like labelPdf. */
  historyExport: {
    input: z.strictObject({ filter: HistoryFilterSchema, jobId: JobIdSchema.optional() }),
    output: returns<{ csv: string; rows: number }>(),
  },
  /** Delete the whole scan history (admin only). */
  purgeHistory: { input: z.strictObject({ confirm: z.literal(true) }), output: returns<{ deleted: number }>() },
} satisfies Record<string, MethodSpec>
