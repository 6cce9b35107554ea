import { describe, expect, it } from 'vitest'
import type { ScanMatch, ScanResult } from '../../contract'
import type { Station } from '../station'
import { dispatch } from '../../dispatch'
import { parseOnly } from './parse-only'
import { readUpcE } from './upc-e'
import { tempDbPath } from '../../tests/support/temp-db'
import { dbOf, openTestStation } from '../../tests/support/station'

/** A UPC-E that is no EAN-8 (its EAN-8 check digit would be 0); UPC-A 049000006582. */
const UPC_E = '04965802'
const UPC_A = '049000006582'
/** Eight digits that pass both check digits: EAN-8 01234565, or UPC-E for UPC-A 012345000065. */
const BOTH = '01234565'
const BOTH_UPC_A = '012345000065'

const open = (): Station => openTestStation({ dbPath: tempDbPath(), startUserPlugins: false })

function setGtin(station: Station, partId: number, gtin: string | null): void {
  dbOf(station).prepare('UPDATE part SET gtin = ? WHERE id = ?').run(gtin, partId)
}

const partOf = (r: ScanResult): number | undefined => (r.outcome === 'matched' ? (r as ScanMatch).part?.pk : undefined)

describe('readUpcE', () => {
  it('expands a valid UPC-E, and refuses number systems other than 0 and 1, a wrong check digit and EAN-8 ids', () => {
    expect(readUpcE(UPC_E)).toEqual({ upcE: UPC_E, upcA: UPC_A })
    expect(readUpcE(`]E0${BOTH}`)).toEqual({ upcE: BOTH, upcA: BOTH_UPC_A })
    expect(readUpcE('24965802')).toBeNull()
    expect(readUpcE('04965803')).toBeNull()
    expect(readUpcE(BOTH, ']E4')).toBeNull()
    expect(readUpcE(`]E4${BOTH}`)).toBeNull()
    expect(readUpcE(BOTH, ']C0')).toBeNull()
  })

  it('shows in cli parse as its UPC-A and GTIN-14', () => {
    expect(parseOnly(UPC_E).parsers).toContainEqual({
      parser: 'UPC-E',
      fields: { upc_e: UPC_E, upc_a: UPC_A, gtin: `00${UPC_A}` },
    })
  })
})

describe('a scanned UPC-E resolves through its UPC-A expansion', () => {
  it.each([
    ['GTIN-14', `00${UPC_A}`],
    ['EAN-13', `0${UPC_A}`],
    ['UPC-A', UPC_A],
  ])('to the part whose GTIN is stored as its %s; the history keeps the 8 digits', (_form, gtin) => {
    const station = open()
    try {
      setGtin(station, 2, gtin)
      const r = station.scan({ data: UPC_E, source: 'webcam' })
      expect(r).toMatchObject({ outcome: 'matched', plugin: 'UpcEBarcode', part: { pk: 2 }, format: 'UPC-E' })
      expect(station.history({ limit: 1 })[0]).toMatchObject({ data: UPC_E, model: 'part', pk: 2 })
    } finally {
      station.close()
    }
  })

  it('to the item whose linked barcode is its UPC-A or EAN-13 (a wedge scanner sending 8 digits)', () => {
    const station = open()
    try {
      station.link({ model: 'part', pk: 3, data: UPC_A })
      station.link({ model: 'supplierpart', pk: 5, data: `0${BOTH_UPC_A}` })
      expect(station.scan({ data: UPC_E, source: 'wedge' })).toMatchObject({
        outcome: 'matched',
        match: { model: 'part', pk: 3, via: 'linked' },
      })
      expect(station.scan({ data: BOTH, source: 'wedge' })).toMatchObject({
        outcome: 'matched',
        match: { model: 'supplierpart', pk: 5, via: 'linked' },
      })
      expect(station.history({ limit: 2 }).map((h) => h.data)).toEqual([BOTH, UPC_E])
    } finally {
      station.close()
    }
  })

  it('but 8 digits that are also an EAN-8 resolve as the EAN-8 a part carries, and as UPC-E only without one', () => {
    const station = open()
    try {
      setGtin(station, 2, `000000${BOTH}`) // the EAN-8
      setGtin(station, 3, `00${BOTH_UPC_A}`) // the UPC-E's expansion
      expect(station.scan({ data: BOTH, source: 'webcam' })).toMatchObject({ plugin: 'GS1Barcode', part: { pk: 2 } })
      setGtin(station, 2, null)
      expect(partOf(station.scan({ data: BOTH, source: 'webcam' }))).toBe(3)
      expect(station.history({ limit: 2 }).map((h) => h.data)).toEqual([BOTH, BOTH])
    } finally {
      station.close()
    }
  })

  it('and when the scanner names the symbology, that decides: ]E0 is UPC-E, ]E4 is EAN-8', async () => {
    const station = open()
    try {
      setGtin(station, 2, `000000${BOTH}`)
      setGtin(station, 3, `00${BOTH_UPC_A}`)
      const hid = (symbologyId: string) =>
        station.scanFromDevice({ data: BOTH, source: 'hid', device: 'hid:test', symbologyId })
      expect(partOf(hid(']E0'))).toBe(3)
      expect(partOf(hid(']E4'))).toBe(2)
      // A wedge scanner set to send the AIM id types it in front of the digits.
      expect(partOf(station.scan({ data: `]E0${BOTH}`, source: 'wedge' }))).toBe(3)
      expect(partOf(station.scan({ data: `]E4${BOTH}`, source: 'wedge' }))).toBe(2)
      // The webcam's decoder names the symbology beside the text, through the validated contract.
      const webcam = async (symbologyId: string) => {
        const reply = await dispatch(station, 'scan', { data: BOTH, source: 'webcam', symbologyId })
        return reply.ok ? partOf(reply.value as ScanResult) : reply.error.code
      }
      expect(await webcam(']E0')).toBe(3)
      expect(await webcam(']E4')).toBe(2)
      expect(station.history({ limit: 6 }).map((h) => h.data)).toEqual([
        BOTH,
        BOTH,
        `]E4${BOTH}`,
        `]E0${BOTH}`,
        BOTH,
        BOTH,
      ])
    } finally {
      station.close()
    }
  })

  it('is not read into 8 digits another symbology carried (a Code 128, ]C0)', () => {
    const station = open()
    try {
      setGtin(station, 3, `00${BOTH_UPC_A}`)
      const r = station.scanFromDevice({ data: BOTH, source: 'hid', device: 'hid:test', symbologyId: ']C0' })
      expect(r).toMatchObject({ outcome: 'no_match' })
      expect(partOf(station.scanFromDevice({ data: BOTH, source: 'hid', device: 'hid:test' }))).toBe(3)
    } finally {
      station.close()
    }
  })
})
