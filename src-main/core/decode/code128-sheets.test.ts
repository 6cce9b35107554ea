/**
 * What the station prints in Code 128 reads back as what it means: each command of the command sheet is parsed
 * as the same command, and each scanner configuration barcode carries its vendor's menu text. The station's own
 * decoder stands in for the scanner (rendered small: a few milliseconds each).
 */
import bwipjs from 'bwip-js/node'
import { beforeAll, describe, expect, it } from 'vitest'
import { commandSheet, parseCommand } from '../../../src-shared/commands'
import { decodeSymbols } from '../../../src-shared/decode/pipeline'
import { SCANNER_VENDORS, programmingFor, type ProgrammingBarcode } from '../../../src-shared/scanner-programming'
import { decodeImageBytes, setupNodeDecoder } from './node'

async function readCode128(text: string, parsefnc: boolean): Promise<string[]> {
  const png = await bwipjs.toBuffer({
    bcid: 'code128',
    text,
    parsefnc,
    scale: 1,
    height: 6,
    paddingwidth: 10,
    paddingheight: 5,
    backgroundcolor: 'FFFFFF',
  })
  const { symbols } = await decodeSymbols(decodeImageBytes(png), { effort: 'fast' })
  return symbols.filter((s) => s.format === 'Code128').map((s) => s.text)
}

beforeAll(() => setupNodeDecoder())

describe('the command sheet in Code 128', () => {
  it('every command reads back as the same command', async () => {
    for (const { data } of commandSheet) {
      const reads = await readCode128(data, false)
      expect(reads, data).not.toEqual([])
      for (const read of reads) expect(parseCommand(read), data).toEqual(parseCommand(data))
    }
  })
})

describe('scanner configuration barcodes', () => {
  const everyBarcode = new Map<string, ProgrammingBarcode>()
  for (const { id } of SCANNER_VENDORS)
    for (const layout of ['us', 'uk', 'de', 'fr'])
      for (const steps of programmingFor(id, ['no-terminator', 'no-shift', 'unknown-layout'], layout))
        for (const code of steps.barcodes) everyBarcode.set(code.encode, code)

  it('each one reads back as its vendor text, FNC3 marking it a programming code and not data', async () => {
    expect([...everyBarcode.values()].map((c) => c.data).sort()).toEqual(
      ['92', '~DEFALT.', '~KBDCTY0.', '~KBDCTY3.', '~KBDCTY4.', '~KBDCTY7.'].sort(),
    )
    for (const code of everyBarcode.values())
      expect(await readCode128(code.encode, true), code.label).toEqual([code.data])
  })
})
