/**
 * The form of a method table: per method, the zod schema of its one argument and the TypeScript type of its result,
 * side by side. The output is a type only; `returns<T>()` carries it without a runtime value.
 */
import { z } from 'zod'
import { modelTypes } from '../domain'

export interface MethodSpec<S extends z.ZodType = z.ZodType, O = unknown> {
  input: S
  /** Phantom: read its type, never its value. */
  output: O
}

/** The result type of a method, for a table entry's `output`. */
export const returns = <O>(): O => undefined as unknown as O

/** True only when A and B hold exactly the same members. */
export type SameKeys<A, B> = [Exclude<A, B>, Exclude<B, A>] extends [never, never] ? true : never

export const ModelTypeSchema = z.enum(modelTypes)
/**
 * A row's pk: positive, or negative for a row this desk made on an InvenTree replica that the server has not
 * numbered yet (a stock item received offline). Never zero.
 */
export const PkSchema = z
  .number()
  .int()
  .min(-Number.MAX_SAFE_INTEGER)
  .max(Number.MAX_SAFE_INTEGER)
  .refine((n) => n !== 0, 'a pk is never 0')
