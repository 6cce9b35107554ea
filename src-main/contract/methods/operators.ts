/** Operators and who is signed in at the station. */
import { z } from 'zod'
import type { Operator } from '../domain'
import { PkSchema, returns, type MethodSpec } from './define'

export const operatorMethods = {
  /** Operators who may sign in. */
  operators: { input: z.strictObject({}), output: returns<Operator[]>() },
  /** Sign an operator in by badge barcode or by id. */
  signIn: {
    input: z
      .strictObject({ badge: z.string().min(1).max(100).optional(), operatorId: PkSchema.optional() })
      .refine((v) => (v.badge === undefined) !== (v.operatorId === undefined), 'give a badge or an operatorId'),
    output: returns<Operator>(),
  },
  signOut: { input: z.strictObject({}), output: returns<{ signedOut: boolean }>() },
} satisfies Record<string, MethodSpec>
