/**
 * Linking and unlinking an external barcode as a user does it: the change and its history row in one
 * transaction, so the history shows who changed what a barcode means, and a failed change leaves no row.
 */
import { performance } from 'node:perf_hooks'
import type { LinkResult, MethodInput, MethodOutputs } from '../../contract'
import type { Db } from '../db/connection'
import { writeTransaction } from '../db/write-transaction'
import type { ScanRecorder } from '../history/scan-recorder'
import type { BarcodeLinks } from './barcode-links'

export class LinkActions {
  constructor(
    private readonly db: Db,
    private readonly links: BarcodeLinks,
    private readonly recorder: ScanRecorder,
  ) {}

  /** Link a barcode printed by someone else to an item, refusing one that already means something. */
  link(input: MethodInput<'link'>): LinkResult {
    const started = performance.now()
    return writeTransaction(this.db, () => {
      const result = this.links.link(input)
      this.recorder.record({ data: input.data, source: 'manual' }, started, result, {
        action: 'link',
        result: 'match',
        plugin: null,
        tried: [],
        model: input.model,
        pk: input.pk,
      })
      return result
    })
  }

  unlink(input: MethodInput<'unlink'>): MethodOutputs['unlink'] {
    const started = performance.now()
    return writeTransaction(this.db, () => {
      const result = this.links.unlink(input)
      this.recorder.record({ data: result.removed, source: 'manual' }, started, result, {
        action: 'unlink',
        result: 'match',
        plugin: null,
        tried: [],
        model: input.model,
        pk: input.pk,
      })
      return result
    })
  }
}
