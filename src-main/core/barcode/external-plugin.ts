import type { Db } from '../db/connection'
import type { InternalModel } from './internal'
import { barcodeHash } from './hash'
import type { BarcodePlugin } from './plugin'

/** Barcodes that were printed by someone else and linked to an item: one probe of the unique hash index. */
export function externalBarcodePlugin(db: Db): BarcodePlugin {
  const byHash = db.prepare<[string], { model_type: InternalModel; pk: number }>(
    'SELECT model_type, pk FROM barcodelink WHERE hash = ?',
  )
  return {
    name: 'InvenTreeExternalBarcode',
    scan(data) {
      const row = byHash.get(barcodeHash(data))
      return row ? { model: row.model_type, pk: row.pk } : null
    },
  }
}
