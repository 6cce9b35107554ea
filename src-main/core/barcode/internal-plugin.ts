import type { Settings } from '../settings'
import { parseInternal } from './internal'
import type { BarcodePlugin } from './plugin'

/** The station's own barcodes (JSON and short form); named as InvenTree names its built-in plugin. */
export function internalBarcodePlugin(settings: Settings): BarcodePlugin {
  return {
    name: 'InvenTreeBarcode',
    scan: (data) => parseInternal(data, settings.get('barcode.prefix')),
  }
}
