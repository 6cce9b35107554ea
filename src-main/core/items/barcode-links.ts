/**
 * External barcodes linked to items: a barcode printed by someone else (a carton label, a maker's EAN) that the
 * station should resolve to one item. A link is refused when the barcode already means something: the station's
 * own internal barcode of an item, or a barcode linked elsewhere. One item has at most one linked barcode.
 */
import type { LinkResult, MethodInput, MethodOutputs } from '../../contract'
import { barcodeHash } from '../barcode/hash'
import { parseInternal } from '../barcode/internal'
import { tolerant } from '../barcode/normalise'
import type { Db } from '../db/connection'
import { ConflictError, NotFoundError } from '../errors'
import type { ItemRefs } from './refs'

export class BarcodeLinks {
  private readonly linkedTo

  constructor(
    private readonly db: Db,
    private readonly refs: ItemRefs,
    /** The `barcode.prefix` setting, read at each link (an admin may change it). */
    private readonly internalPrefix: () => string,
  ) {
    this.linkedTo = db.prepare<[string, number], { id: number; data: string }>(
      'SELECT id, data FROM barcodelink WHERE model_type = ? AND pk = ?',
    )
  }

  /** The barcode data linked to an item, or null. */
  linked(model: string, pk: number): string | null {
    return this.linkedTo.get(model, pk)?.data ?? null
  }

  /** Call inside the caller's transaction, so the link and its history row are written together. */
  link(input: MethodInput<'link'>): LinkResult {
    const item = this.refs.get(input.model, input.pk)
    if (!item) throw new NotFoundError(`No ${input.model} with pk ${input.pk}`)
    const { text, notes } = tolerant(input.data)
    if (text === '') throw new ConflictError('Barcode data is empty after removing whitespace and control characters')
    const internal = parseInternal(text, this.internalPrefix())
    if (internal) {
      const owner = this.refs.get(internal.model, internal.pk)
      throw new ConflictError(
        `This is the internal barcode of ${internal.model} ${internal.pk}${owner ? ` (${owner.name})` : ''}; it cannot be linked to another item`,
      )
    }
    const hash = barcodeHash(text)
    const taken = this.db
      .prepare<[string], { model_type: string; pk: number }>('SELECT model_type, pk FROM barcodelink WHERE hash = ?')
      .get(hash)
    if (taken) {
      const owner = this.refs.get(taken.model_type, taken.pk)
      throw new ConflictError(
        `This barcode is already linked to ${taken.model_type} ${taken.pk}${owner ? ` (${owner.name})` : ''}`,
      )
    }
    if (this.linkedTo.get(input.model, input.pk))
      throw new ConflictError(`${item.name} already has a linked barcode; unlink it first`)
    this.db
      .prepare('INSERT INTO barcodelink (model_type, pk, data, hash) VALUES (?, ?, ?, ?)')
      .run(input.model, input.pk, text, hash)
    return { model: input.model, pk: input.pk, barcode_data: text, barcode_hash: hash, normalised: notes }
  }

  /** Call inside the caller's transaction, as for `link`. */
  unlink(input: MethodInput<'unlink'>): MethodOutputs['unlink'] {
    const row = this.linkedTo.get(input.model, input.pk)
    if (!row) throw new NotFoundError(`${input.model} ${input.pk} has no linked barcode`)
    this.db.prepare('DELETE FROM barcodelink WHERE id = ?').run(row.id)
    return { model: input.model, pk: input.pk, removed: row.data }
  }
}
