/**
 * Linking and unlinking an external barcode as a user does it: the change and its history row in one
 * transaction, so the history shows who changed what a barcode means, and a failed change leaves no row.
 */
import { performance } from 'node:perf_hooks'
import type { LinkResult, MethodInput, MethodOutputs, ModelType } from '../../contract'
import type { Db } from '../db/connection'
import { writeTransaction } from '../db/write-transaction'
import type { ScanRecorder } from '../history/scan-recorder'
import { queueDeskAction } from '../inventree/outbox'
import type { BarcodeLinks } from './barcode-links'

interface ItemKey {
  model: ModelType
  pk: number
}

export class LinkActions {
  constructor(
    private readonly db: Db,
    private readonly links: BarcodeLinks,
    private readonly recorder: ScanRecorder,
  ) {}

  /** Link a barcode printed by someone else to an item, refusing one that already means something. */
  link(input: MethodInput<'link'>): LinkResult {
    return this.logged(
      'link',
      input,
      () => this.links.link(input),
      () => input.data,
    )
  }

  unlink(input: MethodInput<'unlink'>): MethodOutputs['unlink'] {
    return this.logged(
      'unlink',
      input,
      () => this.links.unlink(input),
      (result) => result.removed,
    )
  }

  /** Runs the change and writes its history row (with the barcode it concerned) in one transaction. */
  private logged<R extends object>(
    action: 'link' | 'unlink',
    item: ItemKey,
    change: () => R,
    barcodeOf: (result: R) => string,
  ): R {
    const started = performance.now()
    return writeTransaction(this.db, () => {
      const result = change()
      const barcode = barcodeOf(result)
      queueDeskAction(
        this.db,
        { kind: action, model: item.model, pk: item.pk, barcode },
        `${action === 'link' ? 'Linked' : 'Unlinked'} a barcode ${action === 'link' ? 'to' : 'from'} ${item.model} ${item.pk}`,
        null,
      )
      this.recorder.record({ data: barcode, source: 'manual' }, started, result, {
        action,
        result: 'match',
        plugin: null,
        tried: [],
        model: item.model,
        pk: item.pk,
      })
      return result
    })
  }
}
