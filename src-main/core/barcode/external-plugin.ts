import type { Db } from '../db/connection'
import type { InternalModel } from './internal'
import { barcodeHash } from './hash'
import type { BarcodePlugin } from './plugin'

/** Barcodes printed by someone else and linked to an item: one probe of the unique hash index. */
export function externalBarcodePlugin(db: Db): BarcodePlugin {
  const byHash = db.prepare<[string], { model_type: InternalModel; pk: number }>(
    'SELECT model_type, pk FROM barcodelink WHERE hash = ?',
  )
  return {
    name: 'InvenTreeExternalBarcode',
    description: 'Barcodes linked to items (InvenTree-compatible hash)',
    scan({ raw, text, hash }) {
      // The raw data first, so a label linked in InvenTree with its quirks intact still resolves.
      const row = byHash.get(hash) ?? (text !== raw ? byHash.get(barcodeHash(text)) : undefined)
      return row ? { matches: [{ model: row.model_type, pk: row.pk }], format: 'Linked barcode', via: 'linked' } : null
    },
  }
}
