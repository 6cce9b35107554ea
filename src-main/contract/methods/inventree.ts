/** The desk's InvenTree server: connect, status, sync, and the outbox's parked rows. */
import { z } from 'zod'
import type { OutboxItem, SyncStatus, SyncSummaryView } from '../inventree'
import { PkSchema, returns, type MethodSpec } from './define'

const UrlSchema = z
  .string()
  .trim()
  .min(1)
  .max(500)
  .refine((u) => /^https?:\/\//i.test(u), 'the server address starts with http:// or https://')

export const inventreeMethods = {
  inventreeStatus: { input: z.strictObject({}), output: returns<SyncStatus>() },
  /** Admin: connect with a token, or with a user and password (which get a token and are not kept). */
  inventreeConnect: {
    input: z.union([
      z.strictObject({ url: UrlSchema, token: z.string().trim().min(1).max(200) }),
      z.strictObject({ url: UrlSchema, user: z.string().trim().min(1).max(150), password: z.string().min(1).max(500) }),
    ]),
    output: returns<SyncStatus>(),
  },
  /** Admin: forget the server and its token (the replica and the outbox stay). */
  inventreeDisconnect: { input: z.strictObject({}), output: returns<SyncStatus>() },
  /** Push the outbox and pull, now; `full` lists every model again and removes what the server no longer has. */
  inventreeSync: {
    input: z.strictObject({ full: z.boolean().optional() }),
    output: returns<SyncSummaryView>(),
  },
  inventreeOutbox: {
    input: z.strictObject({
      states: z
        .array(z.enum(['queued', 'parked', 'done', 'discarded']))
        .min(1)
        .max(4)
        .optional(),
      limit: z.number().int().min(1).max(1000).optional(),
    }),
    output: returns<OutboxItem[]>(),
  },
  /** A parked row: retry it as it is, retry it changed (admin), or give it up to the server's state (admin). */
  inventreeResolve: {
    input: z.discriminatedUnion('action', [
      z.strictObject({ id: PkSchema, action: z.literal('retry') }),
      z.strictObject({ id: PkSchema, action: z.literal('discard') }),
      z.strictObject({
        id: PkSchema,
        action: z.literal('edit'),
        quantity: z.number().positive().max(1_000_000_000).optional(),
        location: PkSchema.optional(),
      }),
    ]),
    output: returns<OutboxItem>(),
  },
} satisfies Record<string, MethodSpec>
