/**
 * Questions asked of a scan result on both sides of the IPC line: did it match, which item did it open, and what
 * a notice about a failed scan leads with. Typed by the shape they read, not by the contract's types (the shared
 * layer imports nothing from main); the contract's ScanResult is assignable to `ScanResultLike`, so the compiler
 * still checks that the two agree.
 */
import type { ModelType } from './models'

/** An item reference as a result carries it (the contract's ItemRef). */
export interface ItemRefLike {
  pk: number
  name: string
  url: string
}

/** What a scan turned out to be (the contract's ScanOutcome). */
export type ScanOutcomeLike = 'matched' | 'command' | 'operator' | 'no_match' | 'ambiguous' | 'error'

/** The part of a scan result these helpers read. */
export type ScanResultLike = {
  outcome: ScanOutcomeLike
  match: { model: ModelType; pk: number } | null
  problem?: string
} & Partial<Record<ModelType, ItemRefLike>>

type Understood = 'matched' | 'command' | 'operator'

/** A result that was understood: an item, a command-sheet barcode or a badge (InvenTree's `success` replies). */
export function isMatch<R extends { outcome: ScanOutcomeLike }>(
  result: R,
): result is Extract<R, { outcome: Understood }> {
  return result.outcome === 'matched' || result.outcome === 'command' || result.outcome === 'operator'
}

/** The item a scan matched, as the result names it in `match` and carries under its model type's key. */
export function matchedItem(result: ScanResultLike): { model: ModelType; ref: ItemRefLike } | null {
  if (result.outcome !== 'matched' || !result.match) return null
  const ref = result[result.match.model]
  return ref ? { model: result.match.model, ref } : null
}

/** The short word a notice leads with for a scan that did not open an item; words, not colour, carry it. */
export function noMatchHeading(result: ScanResultLike): string {
  if (result.outcome === 'ambiguous') return 'Several items match'
  if (result.problem) return 'Cannot use this barcode'
  return 'Not found'
}
