/** Operators and who is signed in, per window or connection. */
import { z } from 'zod'
import type { Operator, OperatorChoice } from '../domain'
import { PkSchema, returns, type MethodSpec } from './define'

/** A PIN or a password: at least 4 characters (a 4-digit PIN is the desk's usual), at most a long passphrase. */
export const PinSchema = z.string().min(4, 'at least 4 characters').max(128)

export const operatorMethods = {
  /** Operators who may sign in, each saying whether a PIN is asked. */
  operators: { input: z.strictObject({}), output: returns<OperatorChoice[]>() },
  /** Sign an operator in by badge barcode or by id, with their PIN when one is asked; for this caller only. */
  signIn: {
    input: z
      .strictObject({
        badge: z.string().min(1).max(100).optional(),
        operatorId: PkSchema.optional(),
        pin: z.string().max(128).optional(),
      })
      .refine((v) => (v.badge === undefined) !== (v.operatorId === undefined), 'give a badge or an operatorId'),
    output: returns<Operator>(),
  },
  signOut: { input: z.strictObject({}), output: returns<{ signedOut: boolean }>() },
  /** Set an operator's PIN: an admin's call, or the first start's (while no admin has a PIN yet). */
  setPin: { input: z.strictObject({ operatorId: PkSchema, pin: PinSchema }), output: returns<{ set: true }>() },
  /**
   * The admin exit of desk mode: an admin's badge and PIN, checked as a sign-in is (wrong PINs count towards the
   * lock-out), whoever is signed in at the window; granted, the desktop app quits.
   */
  deskExit: {
    input: z.strictObject({ badge: z.string().min(1).max(100), pin: z.string().min(1).max(128) }),
    output: returns<{ granted: true }>(),
  },
} satisfies Record<string, MethodSpec>
