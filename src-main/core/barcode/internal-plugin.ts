import type { Settings } from '../settings'
import { jsonBarcode, parseInternal, shortBarcode } from './internal'
import type { BarcodePlugin } from './plugin'

/** The station's own barcodes (JSON and short form); named as InvenTree names its built-in plugin. */
export function internalBarcodePlugin(settings: Settings): BarcodePlugin {
  return {
    name: 'InvenTreeBarcode',
    description: 'Internal barcodes in InvenTree JSON and short form',
    scan({ text }) {
      const ref = parseInternal(text, settings.get('barcode.prefix'))
      return ref
        ? {
            matches: [{ model: ref.model, pk: ref.pk }],
            format: ref.form === 'json' ? 'InvenTree JSON' : 'InvenTree short',
          }
        : null
    },
    generate(model, pk) {
      const short =
        settings.get('barcode.form') === 'short' ? shortBarcode(model, pk, settings.get('barcode.prefix')) : null
      return short ?? jsonBarcode(model, pk)
    },
  }
}
