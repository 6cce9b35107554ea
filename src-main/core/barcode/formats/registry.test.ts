import { afterEach, describe, expect, it } from 'vitest'
import type { ScanResult } from '../../../contract'
import { openDatabase } from '../../db/connection'
import { Settings } from '../../settings'
import { Station } from '../../station'
import { parseOnly } from '../parse-only'
import { formatDeps } from '../plugin-chain'
import { supplierPlugin } from '../supplier/supplier-plugin'
import type { SupplierFormat } from './format'
import { barcodeFormats } from './index'

/** The names of the plugins a format provides, built against a throwaway database. */
function pluginNames(format: (typeof barcodeFormats)[number]): string[] {
  const db = openDatabase(':memory:')
  try {
    return format.plugins(formatDeps(db, new Settings(db))).map((p) => p.name)
  } finally {
    db.close()
  }
}

/** The plugin that decided a scan, or the first that recognised the data when nothing matched. */
const answeredBy = (r: ScanResult): string | null | undefined => r.plugin ?? r.recognised_by

/** Checks that a format is seen by `cli parse` and by a station's plugin chain, through its example label. */
function expectWired(format: (typeof barcodeFormats)[number], station: Station): void {
  expect(format.read(format.example, { prefix: 'INV-' }), `${format.name} reads its example`).not.toBeNull()
  const parsers = parseOnly(format.example).parsers.map((p) => p.parser)
  expect(
    parsers.some((p) => p.startsWith(format.name)),
    `cli parse of ${format.name}: ${parsers.join(', ')}`,
  ).toBe(true)
  const names = pluginNames(format)
  expect(names.length, `${format.name} provides a plugin`).toBeGreaterThan(0)
  const listed = station.plugins()
  for (const name of names) expect(listed).toContainEqual(expect.objectContaining({ name, builtIn: true }))
  expect(names).toContain(answeredBy(station.scan({ data: format.example, source: 'api' })))
}

describe('the barcode format registry', () => {
  it('is what both cli parse and the plugin chain read, format by format', () => {
    expect(barcodeFormats.length).toBeGreaterThanOrEqual(5)
    const station = Station.open({ dbPath: ':memory:' })
    try {
      for (const format of barcodeFormats) expectWired(format, station)
    } finally {
      station.close()
    }
  })

  describe('a format added to the list and nowhere else', () => {
    const farnell: SupplierFormat = {
      name: 'Farnell test label',
      example: 'FNL|2perc-RES-10K|Q12',
      read(text) {
        const m = /^FNL\|([^|]+)\|Q(\d+)$/.exec(text)
        return m
          ? { format: 'Farnell test label', fields: { supplier_part_number: m[1], quantity: Number(m[2]) }, notes: [] }
          : null
      },
      report(text, context) {
        const reading = this.read(text, context)
        return reading ? { parser: 'Farnell test label', fields: { ...reading.fields } } : null
      },
      plugins: (deps) => [supplierPlugin({ plugin: 'FarnellBarcode', supplier: 'Farnell', formats: [farnell] }, deps)],
    }
    afterEach(() => {
      const at = barcodeFormats.indexOf(farnell)
      if (at >= 0) barcodeFormats.splice(at, 1)
    })

    it('is seen by cli parse and by a new station’s chain', () => {
      const before = Station.open({ dbPath: ':memory:' })
      expect(before.plugins().map((p) => p.name)).not.toContain('FarnellBarcode')
      expect(parseOnly(farnell.example).parsers).toEqual([])
      before.close()

      barcodeFormats.push(farnell)
      const station = Station.open({ dbPath: ':memory:' })
      try {
        expectWired(farnell, station)
        expect(parseOnly(farnell.example).parsers).toEqual([
          { parser: 'Farnell test label', fields: { supplier_part_number: '2perc-RES-10K', quantity: 12 } },
        ])
        expect(station.scan({ data: farnell.example, source: 'api' })).toMatchObject({
          recognised_by: 'FarnellBarcode',
          format: 'Farnell test label',
          fields: { quantity: 12 },
        })
      } finally {
        station.close()
      }
    })
  })
})
