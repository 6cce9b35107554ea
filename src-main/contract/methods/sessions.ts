/** Workflow sessions (the scan page's list, a purchase-order receipt) and the stock actions they lead to. */
import { z } from 'zod'
import {
  MAX_SCAN_INPUT,
  scanSources,
  type ActionResult,
  type CreatedStockItem,
  type ReceiptUndone,
  type ReceivableOrder,
  type SessionHeader,
  type SessionRow,
  type SessionUpdate,
  type SessionView,
} from '../domain'
import { PkSchema, returns, type MethodSpec } from './define'

const SessionKindSchema = z.enum(['scan', 'receive'])

export const sessionMethods = {
  /** The open session of a kind (restored after a restart), or a new one. */
  sessionStart: {
    input: z.strictObject({ kind: SessionKindSchema, purchaseOrder: PkSchema.optional() }),
    output: returns<SessionView>(),
  },
  /** The open session of a kind, or null. */
  sessionCurrent: { input: z.strictObject({ kind: SessionKindSchema }), output: returns<SessionView | null>() },
  /** Add a scan to a session: by the result_id of a scan already made, or by data (resolved and logged here). */
  sessionAdd: {
    input: z
      .strictObject({
        session: PkSchema,
        scanId: z
          .number()
          .int()
          .min(-Number.MAX_SAFE_INTEGER)
          .max(Number.MAX_SAFE_INTEGER)
          .refine((v) => v !== 0, 'a result_id is never 0')
          .optional(),
        data: z.string().max(MAX_SCAN_INPUT).optional(),
        source: z.enum(scanSources).optional(),
      })
      .refine((v) => (v.scanId === undefined) !== (v.data === undefined), 'give a scanId or data'),
    output: returns<SessionUpdate>(),
  },
  sessionRemoveRow: {
    input: z.strictObject({ session: PkSchema, row: PkSchema }),
    output: returns<SessionHeader>(),
  },
  sessionUpdateRow: {
    input: z.strictObject({
      session: PkSchema,
      row: PkSchema,
      quantity: z.number().min(0).max(1e9).optional(),
      location: PkSchema.optional(),
      lot: z.string().max(100).optional(),
    }),
    output: returns<SessionRow>(),
  },
  sessionClear: { input: z.strictObject({ session: PkSchema }), output: returns<SessionHeader>() },
  sessionDrop: { input: z.strictObject({ session: PkSchema }), output: returns<SessionHeader>() },
  /**
   * Close a session; a receipt creates its stock items, all in one transaction. A receipt with flagged rows is
   * not committed unless `confirm` says the person saw them: the answer is then the question (`confirm`), the
   * session still open and nothing created; the Confirm commit barcode, scanned next, answers it too.
   */
  sessionCommit: {
    input: z.strictObject({ session: PkSchema, confirm: z.boolean().optional() }),
    output: returns<SessionHeader & { created: CreatedStockItem[]; confirm?: string }>(),
  },
  /** Undo a committed receipt whose stock nothing has touched since: one transaction, refused with the reason. */
  receiptUndo: { input: z.strictObject({ session: PkSchema }), output: returns<ReceiptUndone>() },
  /** The placed purchase orders, to pick one to receive. */
  receivableOrders: { input: z.strictObject({}), output: returns<ReceivableOrder[]>() },
  /** A stock operation on stock items, one transaction with tracking rows, undoable. */
  stockAction: {
    input: z.strictObject({
      action: z.enum(['move', 'count', 'add', 'remove', 'merge']),
      items: z.array(PkSchema).min(1).max(10_000),
      location: PkSchema.optional(),
      quantity: z.number().min(0).max(1e9).optional(),
      session: PkSchema.optional(),
    }),
    output: returns<ActionResult>(),
  },
  /** Undo an action (the newest undoable one when no id is given). */
  undo: { input: z.strictObject({ actionId: PkSchema.optional() }), output: returns<ActionResult>() },
} satisfies Record<string, MethodSpec>
