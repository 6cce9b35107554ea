import { afterEach, describe, expect, it } from 'vitest'
import { ready } from 'zpl-renderer-js'
import { decodeImage } from '../../../../src-shared/decode/pipeline'
import { dispatch } from '../../../dispatch'
import { closedPort, FakeLabelPrinter } from '../../../tests/support/fake-label-printer'
import { openTestStation, setSettingsAsAdmin } from '../../../tests/support/station'
import { tempDbPath } from '../../../tests/support/temp-db'
import { decodeImageBytes, setupNodeDecoder } from '../../decode/node'
import type { PrinterConfig } from '../../../contract'
import type { Station } from '../../station'
import { BROTHER_MEDIA, brotherJob, HEAD_DOTS, LINE_BYTES } from './brother-ql'
import { bitmapToRgba, type Bitmap } from './bitmap'

const printers: FakeLabelPrinter[] = []
afterEach(async () => {
  await Promise.all(printers.splice(0).map((p) => p.close()))
})

async function stationPrinting(printer: PrinterConfig): Promise<Station> {
  const station = openTestStation({ dbPath: tempDbPath(), startUserPlugins: false })
  await setSettingsAsAdmin(station, { 'printer.desk': printer })
  return station
}

/** The barcode a label of this item encodes (the station's preferred form). */
function itemBarcode(station: Station, pk: number, model: 'stockitem' | 'stocklocation' = 'stockitem'): string {
  return station.getItem({ model, pk }).barcode.preferred
}

const decode = async (rgba: Parameters<typeof decodeImage>[0]) => {
  setupNodeDecoder()
  return decodeImage(rgba, { effort: 'thorough' })
}

/** The pages of a captured Brother QL job, read back from its commands (framing checked on the way). */
function parseBrotherJob(job: Buffer): { media: { type: number; width: number; length: number }; pages: Bitmap[] } {
  let i = 0
  while (job[i] === 0x00) i++
  expect(i).toBeGreaterThanOrEqual(200)
  const pages: Bitmap[] = []
  let media = { type: 0, width: 0, length: 0 }
  let rows: Uint8Array[] = []
  let rasterNumber = 0
  const expectBytes = (...bytes: number[]): void => {
    expect([...job.subarray(i, i + bytes.length)]).toEqual(bytes)
    i += bytes.length
  }
  expectBytes(0x1b, 0x40)
  expectBytes(0x1b, 0x69, 0x61, 0x01)
  for (;;) {
    const op = job[i]
    if (op === 0x1b) {
      const cmd = job[i + 2]
      if (cmd === 0x7a) {
        media = { type: job[i + 4]!, width: job[i + 5]!, length: job[i + 6]! }
        rasterNumber = job.readUInt32LE(i + 7)
        i += 13
      } else if (cmd === 0x4d || cmd === 0x41 || cmd === 0x4b) i += 4
      else if (cmd === 0x64) i += 5
      else throw new Error(`unknown ESC i ${cmd?.toString(16)} at ${i}`)
    } else if (op === 0x4d) i += 2
    else if (op === 0x67) {
      expect(job[i + 1]).toBe(0x00)
      const n = job[i + 2]!
      expect(n).toBe(LINE_BYTES)
      rows.push(job.subarray(i + 3, i + 3 + n))
      i += 3 + n
    } else if (op === 0x0c || op === 0x1a) {
      expect(rows.length).toBe(rasterNumber)
      // Lines are mirrored on the head: dot d of a line is column HEAD_DOTS − 1 − d of the label.
      const bitmap: Bitmap = { width: HEAD_DOTS, height: rows.length, dark: new Uint8Array(HEAD_DOTS * rows.length) }
      rows.forEach((row, y) => {
        for (let d = 0; d < HEAD_DOTS; d++)
          if (row[d >> 3]! & (0x80 >> (d & 7))) bitmap.dark[y * HEAD_DOTS + (HEAD_DOTS - 1 - d)] = 1
      })
      pages.push(bitmap)
      rows = []
      i++
      if (op === 0x1a) break
    } else throw new Error(`unknown command ${op?.toString(16)} at ${i}`)
  }
  expect(i).toBe(job.length)
  return { media, pages }
}

describe('label printers', () => {
  it('a ZPL label job captured from the Zebra path decodes back to the item’s barcode', async () => {
    // 62 × 29 mm labels on a 300 dpi head: 29 mm × 12 dots/mm = 348 dots.
    const zebra = await FakeLabelPrinter.zebra({ labelLengthDots: 348 })
    printers.push(zebra)
    const station = await stationPrinting({ kind: 'zpl-tcp', host: '127.0.0.1', port: zebra.port, dpi: 300 })
    const expected = itemBarcode(station, 3)

    const reply = await dispatch(station, 'printLabels', { items: [{ model: 'stockitem', pk: 3 }] })
    expect(reply).toMatchObject({ ok: true, value: { printed: 1, printer: `Zebra at 127.0.0.1:${zebra.port}` } })
    expect(zebra.jobs).toHaveLength(1)
    const zpl = zebra.jobs[0]!.toString('utf8')
    expect(zpl).toMatch(/^\^XA/)
    expect(zpl).toContain('^PW744')
    expect(zpl).toContain('^LL348')
    expect(zpl).toMatch(/\^BQN,2,\d+/)

    const { api } = await ready
    const png = Buffer.from(await api.zplToBase64Async(zpl, 62, 29, 12), 'base64')
    const decoded = await decode(decodeImageBytes(png))
    expect(decoded?.format).toBe('QRCode')
    expect(decoded?.text).toBe(expected)
  })

  it('draws DataMatrix and Code 128 natively too, and each reads back', async () => {
    const cases = [
      { template: 'stockitem-50x25', format: 'DataMatrix', native: /\^BXN,\d+,200,/, w: 50, h: 25 },
      {
        template: 'stocklocation-62x29',
        format: 'Code128',
        native: /\^BCN,\d+,N,N,N,A/,
        w: 62,
        h: 29,
        model: 'stocklocation' as const,
      },
    ]
    for (const c of cases) {
      const zebra = await FakeLabelPrinter.zebra({ labelLengthDots: c.h * 8 })
      printers.push(zebra)
      const station = await stationPrinting({ kind: 'zpl-tcp', host: '127.0.0.1', port: zebra.port, dpi: 203 })
      const model = c.model ?? 'stockitem'
      const expected = itemBarcode(station, 1, model)
      const reply = await dispatch(station, 'printLabels', { items: [{ model, pk: 1 }], template: c.template })
      expect(reply.ok, JSON.stringify(reply)).toBe(true)
      const zpl = zebra.jobs[0]!.toString('utf8')
      expect(zpl).toMatch(c.native)
      const { api } = await ready
      const png = Buffer.from(await api.zplToBase64Async(zpl, c.w, c.h, 8), 'base64')
      const decoded = await decode(decodeImageBytes(png))
      expect(decoded, c.template).toMatchObject({ format: c.format, text: expected })
    }
  })

  it('refuses a job whose template does not match the Zebra’s labels, naming both sizes', async () => {
    // The printer measured 38 mm labels (304 dots at 8 dots/mm); the template is 62 × 29 mm.
    const zebra = await FakeLabelPrinter.zebra({ labelLengthDots: 304 })
    printers.push(zebra)
    const station = await stationPrinting({ kind: 'zpl-tcp', host: '127.0.0.1', port: zebra.port, dpi: 203 })
    const reply = await dispatch(station, 'printLabels', { items: [{ model: 'stockitem', pk: 3 }] })
    expect(reply).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        message: expect.stringMatching(/is 62 × 29 mm, but the Zebra .* has 38 mm long labels loaded/),
      },
    })
    expect(zebra.jobs).toHaveLength(0)
  })

  it('refuses to print on a Zebra that reports paper out, and its status says so', async () => {
    const zebra = await FakeLabelPrinter.zebra({ labelLengthDots: 232, paperOut: true, headOpen: true })
    printers.push(zebra)
    const station = await stationPrinting({ kind: 'zpl-tcp', host: '127.0.0.1', port: zebra.port, dpi: 203 })
    const reply = await dispatch(station, 'printLabels', { items: [{ model: 'stockitem', pk: 3 }] })
    expect(reply).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/cannot print: paper out: load labels; print head open: close it/) },
    })
    expect(zebra.jobs).toHaveLength(0)
    const status = await dispatch(station, 'printerStatus', {})
    expect(status).toMatchObject({
      ok: true,
      value: {
        reachable: true,
        ready: false,
        media: '29 mm long labels',
        problems: ['paper out: load labels', 'print head open: close it'],
      },
    })
  })

  it('says clearly when the printer is unreachable, within the timeout', async () => {
    const port = await closedPort()
    const station = await stationPrinting({ kind: 'zpl-tcp', host: '127.0.0.1', port, dpi: 203 })
    const reply = await dispatch(station, 'printLabels', { items: [{ model: 'stockitem', pk: 3 }] })
    expect(reply).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        message: `Cannot reach the printer: 127.0.0.1:${port} refused the connection: is it switched on, and is raw printing on port ${port} enabled?`,
      },
    })
    const status = await dispatch(station, 'printerStatus', {})
    expect(status).toMatchObject({
      ok: true,
      value: { reachable: false, ready: false, message: expect.stringMatching(/refused the connection/) },
    })
  })

  it('prints on a Brother QL in its raster language; the captured page decodes to the item’s barcode', async () => {
    const brother = await FakeLabelPrinter.brother({ widthMm: 62, lengthMm: 0, continuous: true })
    printers.push(brother)
    const station = await stationPrinting({
      kind: 'brother-ql',
      host: '127.0.0.1',
      port: brother.port,
      model: 'QL-820NWB',
      media: '62',
    })
    const expected = itemBarcode(station, 3)
    const status = await dispatch(station, 'printerStatus', {})
    expect(status).toMatchObject({ ok: true, value: { ready: true, media: '62 mm continuous tape' } })

    const reply = await dispatch(station, 'printLabels', { items: [{ model: 'stockitem', pk: 3 }] })
    expect(reply).toMatchObject({ ok: true, value: { printed: 1 } })
    expect(brother.jobs).toHaveLength(1)
    const { media, pages } = parseBrotherJob(brother.jobs[0]!)
    expect(media).toEqual({ type: 0x0a, width: 62, length: 0 })
    expect(pages).toHaveLength(1)
    // 29 mm of label at 300 dpi along the tape.
    expect(pages[0]!.height).toBe(Math.round((29 * 300) / 25.4))
    const decoded = await decode(bitmapToRgba(pages[0]!))
    expect(decoded).toMatchObject({ format: 'QRCode', text: expected })
    // The printed dots sit inside the 62 mm tape's printable band of the head.
    const band = BROTHER_MEDIA['62']
    const page = pages[0]!
    for (let y = 0; y < page.height; y++)
      for (let x = 0; x < page.width; x++)
        if (page.dark[y * page.width + x]) {
          const fromRight = HEAD_DOTS - 1 - x
          expect(fromRight).toBeGreaterThanOrEqual(band.offsetRight)
          expect(fromRight).toBeLessThan(band.offsetRight + band.printableDots[0])
        }
  })

  it('refuses a Brother QL job for media of another size, and one with the cover open', async () => {
    const brother = await FakeLabelPrinter.brother({ widthMm: 29, lengthMm: 90, continuous: false })
    printers.push(brother)
    const config = {
      kind: 'brother-ql',
      host: '127.0.0.1',
      port: brother.port,
      model: 'QL-820NWB',
      media: '62',
    } as const
    const station = await stationPrinting(config)
    expect(await dispatch(station, 'printLabels', { items: [{ model: 'stockitem', pk: 3 }] })).toMatchObject({
      ok: false,
      error: {
        message: expect.stringMatching(
          /is 62 × 29 mm, but the Brother QL-820NWB .* has 29 × 90 mm die-cut labels loaded/,
        ),
      },
    })
    const open = await FakeLabelPrinter.brother({ widthMm: 62, lengthMm: 0, continuous: true, error2: 0x10 })
    printers.push(open)
    expect(await dispatch(station, 'printerStatus', { printer: { ...config, port: open.port } })).toMatchObject({
      ok: true,
      value: { ready: false, problems: ['cover open: close it'] },
    })
    expect(brother.jobs).toHaveLength(0)
    expect(open.jobs).toHaveLength(0)
  })
  it('tells a Brother QL die-cut labels from continuous tape: media flags, length and feed margin', () => {
    const blank = (width: number, height: number): Bitmap => ({ width, height, dark: new Uint8Array(width * height) })
    const command = (job: Buffer, head: number[], length: number): number[] => {
      const at = job.indexOf(Buffer.from(head))
      expect(at).toBeGreaterThan(0)
      return [...job.subarray(at, at + length)]
    }
    const PRINT_INFO = [0x1b, 0x69, 0x7a]
    const MARGIN = [0x1b, 0x69, 0x64]

    // DK-11209, 62 × 29 mm die-cut: 696 × 271 printable dots, the length checked against the roll, no feed margin.
    const dieCut = BROTHER_MEDIA['62x29']
    expect(dieCut.printableDots).toEqual([696, 271])
    const labels = brotherJob([blank(696, 271)], dieCut)
    expect(command(labels, PRINT_INFO, 13)).toEqual([
      ...PRINT_INFO,
      0xce, // recovery, media type, width, length, quality
      0x0b, // die-cut labels
      62,
      29,
      0x0f,
      0x01,
      0x00,
      0x00, // 271 raster lines
      0x00, // first page
      0x00,
    ])
    expect(command(labels, MARGIN, 5)).toEqual([...MARGIN, 0x00, 0x00])

    // DK-11201, 29 × 90 mm die-cut: 306 × 991 dots.
    const address = BROTHER_MEDIA['29x90']
    expect(address.printableDots).toEqual([306, 991])
    expect(command(brotherJob([blank(306, 991)], address), PRINT_INFO, 13).slice(3, 11)).toEqual([
      0xce, 0x0b, 29, 90, 0xdf, 0x03, 0x00, 0x00,
    ])

    // 62 mm continuous tape: no length to check, and the 3 mm (35 dots) feed before and after the label.
    const tape = BROTHER_MEDIA['62']
    const strip = brotherJob([blank(696, 342)], tape)
    expect(command(strip, PRINT_INFO, 13)).toEqual([
      ...PRINT_INFO,
      0xc6, // recovery, media type, width, quality
      0x0a, // continuous length tape
      62,
      0,
      0x56,
      0x01,
      0x00,
      0x00, // 342 raster lines
      0x00,
      0x00,
    ])
    expect(command(strip, MARGIN, 5)).toEqual([...MARGIN, 35, 0x00])
  })
})
