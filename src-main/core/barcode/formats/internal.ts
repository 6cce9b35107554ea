/**
 * The station's own barcodes, InvenTree JSON (`{"stockitem": 5}`) and short form (`INV-SI5`); the plugin is
 * named as InvenTree names its built-in one and also makes the barcodes printed on labels.
 */
import { jsonBarcode, parseInternal, shortBarcode, type InternalModel } from '../internal'
import type { BarcodeFormat } from './format'

export const internalFormat: BarcodeFormat<{ model: InternalModel; pk: number }> = {
  name: 'InvenTree internal',
  example: '{"stockitem": 1}',
  own: true,
  read(text, { prefix }) {
    const ref = parseInternal(text, prefix)
    return ref
      ? {
          format: ref.form === 'json' ? 'InvenTree JSON' : 'InvenTree short',
          fields: { model: ref.model, pk: ref.pk },
          notes: [],
        }
      : null
  },
  report(text, { prefix }) {
    const ref = parseInternal(text, prefix)
    return ref ? { parser: `InvenTree internal (${ref.form})`, fields: { model: ref.model, pk: ref.pk } } : null
  },
  plugins: ({ settings }) => [
    {
      name: 'InvenTreeBarcode',
      description: 'Internal barcodes in InvenTree JSON and short form',
      // Parsed directly rather than through `read`: the commonest scan builds no reading it would throw away.
      scan({ text }) {
        const ref = parseInternal(text, settings.get('barcode.prefix'))
        return ref
          ? {
              matches: [{ model: ref.model, pk: ref.pk }],
              format: ref.form === 'json' ? 'InvenTree JSON' : 'InvenTree short',
              via: 'internal',
            }
          : null
      },
      generate(model, pk) {
        const short =
          settings.get('barcode.form') === 'short' ? shortBarcode(model, pk, settings.get('barcode.prefix')) : null
        return short ?? jsonBarcode(model, pk)
      },
    },
  ],
}
