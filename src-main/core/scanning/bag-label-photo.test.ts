import { beforeAll, describe, expect, it } from 'vitest'
import type { ScanMatch } from '../../contract'
import { decodeImage, decodeSymbols, type DecodeReport } from '../../../src-shared/decode/pipeline'
import { setupNodeDecoder } from '../decode/node'
import {
  DIGIKEY_BAG,
  MOUSER_BAG,
  photographBagLabel,
  type BagLabel,
  type BagPhoto,
} from '../../tests/support/bag-label'
import { dbOf, openTestStation } from '../../tests/support/station'
import { tempDbPath } from '../../tests/support/temp-db'

const photos = new Map<BagLabel, BagPhoto & { report: DecodeReport }>()

// Each photo is made and decoded once (a still, so the thorough pass, as `cli decode` and label checks run it).
beforeAll(async () => {
  setupNodeDecoder()
  for (const label of [DIGIKEY_BAG, MOUSER_BAG]) {
    const photo = await photographBagLabel(label)
    photos.set(label, { ...photo, report: await decodeSymbols(photo.image, { effort: 'thorough' }) })
  }
})

const supplierPartId = (station: ReturnType<typeof openTestStation>, sku: string): number =>
  dbOf(station).prepare<[string], { id: number }>('SELECT id FROM supplierpart WHERE sku = ?').get(sku)!.id

describe.each([
  { vendor: 'DigiKey', label: DIGIKEY_BAG, plugin: 'DigiKeyBarcode', sku: '296-NE555P-ND', order: null },
  { vendor: 'Mouser', label: MOUSER_BAG, plugin: 'MouserBarcode', sku: '511-STM32F103C8T6', order: 'PO-0002' },
])('a photo of a $vendor bag label (a Code 128 and a DataMatrix)', ({ label, plugin, sku, order }) => {
  it('finds both symbols with their formats and chooses the DataMatrix', async () => {
    const { report, image } = photos.get(label)!
    expect(report.symbols.map((s) => ({ format: s.format, text: s.text }))).toEqual(
      expect.arrayContaining([
        { format: 'DataMatrix', text: label.dataMatrix },
        { format: 'Code128', text: label.linear.text },
      ]),
    )
    expect(report.chosen).toMatchObject({ format: 'DataMatrix', text: label.dataMatrix })
    // A live camera frame gets the quick pass only: it must not settle for the 1D code either.
    expect(await decodeImage(image, { effort: 'fast' })).toMatchObject({ format: 'DataMatrix' })
  })

  it('is one scan: one history row holding the DataMatrix text, resolved to the supplier part', async () => {
    const station = openTestStation({ dbPath: tempDbPath(), startUserPlugins: false })
    try {
      // What the webcam sends: the chosen symbol's text, once.
      const chosen = photos.get(label)!.report.chosen!
      const result = station.scan({ data: chosen.text, source: 'webcam' }) as ScanMatch
      const id = supplierPartId(station, sku)
      expect(result).toMatchObject({ outcome: 'matched', plugin, supplierpart: { pk: id } })
      if (order) expect(result.related?.purchaseorder?.name).toContain(order)
      const history = station.history({ limit: 10 })
      expect(history).toHaveLength(1)
      expect(history[0]).toMatchObject({
        data: label.dataMatrix,
        source: 'webcam',
        result: 'match',
        model: 'supplierpart',
        pk: id,
      })
    } finally {
      station.close()
    }
  })
})
