import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import bwipjs from 'bwip-js/node'
import QRCode from 'qrcode'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { decodeImage, decodeQuaggaOnly, decodeZxingOnly } from '../../src-shared/decode/pipeline'
import { decodeCommand, visibleText } from './decode'
import { decodeImageBytes, loadImageFile, setupNodeDecoder } from '../core/decode/node'
import { sharedFolder } from '../tests/support/shared-fixtures'
import { DIGIKEY_BAG, photographBagLabel } from '../tests/support/bag-label'

// quagga2's test photos, read from ../shared beside the repo, never copied.
const photos = sharedFolder('fixtures/quagga2')
const photo = (set: string, name: string) => join(photos.dir, set, name)

const GS = '\x1d'
const RS = '\x1e'
const EOT = '\x04'
const SUPPLIER_LABEL = `[)>${RS}06${GS}P296-1173-1-ND${GS}1PNE555P${GS}Q10${GS}K4500012345${RS}${EOT}`

async function qrPng(text: string): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: 'png', margin: 4, scale: 6 })
}

async function dataMatrixPng(text: string): Promise<Buffer> {
  return bwipjs.toBuffer({
    bcid: 'datamatrix',
    text,
    scale: 5,
    paddingwidth: 10,
    paddingheight: 10,
    backgroundcolor: 'FFFFFF',
  })
}

class Collect extends Writable {
  text = ''
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString('utf8')
    done()
  }
}

beforeAll(() => setupNodeDecoder())

describe('decode pipeline (Node)', () => {
  it('reads a QR code it renders itself, with its AIM identifier', async () => {
    const result = await decodeImage(decodeImageBytes(await qrPng('{"stockitem": 1}')))
    expect(result).toEqual({ text: '{"stockitem": 1}', format: 'QRCode', symbologyId: ']Q1' })
  })

  it('reads a DataMatrix supplier label with its GS/RS/EOT separators intact', async () => {
    const result = await decodeImage(decodeImageBytes(await dataMatrixPng(SUPPLIER_LABEL)))
    expect(result?.format).toBe('DataMatrix')
    expect(result?.text).toBe(SUPPLIER_LABEL)
    expect(result?.symbologyId).toMatch(/^\]d[1-6]$/)
  })
})

describe.skipIf(!photos.present)('decode pipeline on photos (needs ../shared/fixtures/quagga2)', () => {
  it('quagga2 alone reads photos zxing misses', async () => {
    expect(await decodeZxingOnly(loadImageFile(photo('ean', 'image-001.jpg')))).toBeNull()
    expect(await decodeQuaggaOnly(loadImageFile(photo('ean', 'image-001.jpg')))).toEqual({
      text: '3574660239843',
      format: 'EAN13',
      symbologyId: ']E0',
    })
    expect((await decodeQuaggaOnly(loadImageFile(photo('code_39', 'image-004.jpg'))))?.text).toBe('QUAGGAJS')
  })

  it('zxing alone reads photos quagga2 misses', async () => {
    expect(await decodeQuaggaOnly(loadImageFile(photo('code_128', 'image-004.jpg')))).toBeNull()
    expect(await decodeZxingOnly(loadImageFile(photo('code_128', 'image-004.jpg')))).toMatchObject({
      text: '010210150301625334',
      format: 'Code128',
    })
    expect((await decodeZxingOnly(loadImageFile(photo('code_39', 'image-011.jpg'))))?.text).toBe('4')
  })

  it.each([
    ['ean', 'image-001.jpg', '3574660239843', 'EAN13', ']E0'],
    ['code_128', 'image-004.jpg', '010210150301625334', 'Code128', ']C0'],
    ['code_39', 'image-004.jpg', 'QUAGGAJS', 'Code39', ']A0'],
    ['upc', 'image-001.jpg', '882428015268', 'UPCA', ']E0'],
    ['upc_e', 'image-001.jpg', '04965802', 'UPCE', ']E0'],
    ['ean_8', 'image-006.jpg', '24036153', 'EAN8', ']E4'],
    ['code_93', 'image-007.jpg', 'VOFD1DB5A.1F6QU', 'Code93', ']G0'],
    ['codabar', 'image-001.jpg', 'A10/53+17-70D', 'Codabar', ']F0'],
    ['i2of5', 'image-004.jpg', '2167361334', 'ITF', ']I0'],
    // GS1-128: the leading FNC1 becomes the AIM id ]C1, the FNC1 separator inside stays GS.
    ['code_128', 'image-007.jpg', '42095747\x1d9499907123456123456781', 'Code128', ']C1'],
  ])('the pipeline reads %s/%s', async (set, name, text, format, symbologyId) => {
    expect(await decodeImage(loadImageFile(photo(set, name)))).toEqual({ text, format, symbologyId })
  })

  it('finds nothing on the photo without a barcode, with every engine', async () => {
    const image = loadImageFile(photo('no_code', 'image-001.jpg'))
    expect(await decodeImage(image)).toBeNull()
    expect(await decodeImage(image, { effort: 'fast' })).toBeNull()
    expect(await decodeQuaggaOnly(image)).toBeNull()
    expect(await decodeZxingOnly(image)).toBeNull()
  })
})

describe.skipIf(!photos.present)('decode command (needs ../shared/fixtures/quagga2)', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'scan-station-decode-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('prints one JSON line per file and exits 0 when all decode', async () => {
    const qr = join(dir, 'qr.png')
    writeFileSync(qr, await qrPng('INV-SI5'))
    const out = new Collect()
    const code = await decodeCommand([qr, photo('ean', 'image-001.jpg')], out)
    expect(code).toBe(0)
    expect(
      out.text
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as unknown),
    ).toMatchObject([
      {
        file: qr,
        text: 'INV-SI5',
        format: 'QRCode',
        symbologyId: ']Q1',
        symbols: [{ text: 'INV-SI5', format: 'QRCode', confirmed: true, chosen: true }],
      },
      {
        file: photo('ean', 'image-001.jpg'),
        text: '3574660239843',
        format: 'EAN13',
        symbologyId: ']E0',
        symbols: [{ text: '3574660239843', format: 'EAN13', confirmed: true, chosen: true }],
      },
    ])
  })

  it('reports no result (exit 1) and unreadable files (exit 2)', async () => {
    const junk = join(dir, 'junk.jpg')
    writeFileSync(junk, 'not an image')
    const none = photo('no_code', 'image-001.jpg')
    const missing = join(dir, 'missing.png')

    const out1 = new Collect()
    expect(await decodeCommand([none], out1)).toBe(1)
    expect(JSON.parse(out1.text)).toEqual({ file: none, result: null, symbols: [] })

    const out2 = new Collect()
    expect(await decodeCommand([none, junk, missing], out2)).toBe(2)
    const lines = out2.text
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(lines[0]).toEqual({ file: none, result: null, symbols: [] })
    expect(lines[1]).toMatchObject({ file: junk, error: expect.any(String) })
    expect(lines[2]).toMatchObject({ file: missing, error: expect.stringContaining('ENOENT') })
  })
})

describe('decode command on a photo of a DigiKey bag label', () => {
  let dir: string
  let bag: string
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'scan-station-decode-bag-'))
    bag = join(dir, 'bag.jpg')
    writeFileSync(bag, (await photographBagLabel(DIGIKEY_BAG)).jpeg)
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('--format text lists the Code 128 and the DataMatrix, separators shown, the DataMatrix marked chosen', async () => {
    const junk = join(dir, 'junk.png')
    writeFileSync(junk, 'not an image')
    const out = new Collect()
    expect(await decodeCommand([bag, junk], out, 'text')).toBe(2)
    const lines = out.text.trimEnd().split('\n')
    // The Code 128 may be left unconfirmed (quagga2 reads an EAN-8 inside its bars): listed all the same, with why.
    expect(lines[0]).toMatch(/^.*bag\.jpg: \d symbols, chose the DataMatrix$/)
    expect(lines).toContainEqual(
      expect.stringMatching(/^ {2}\* DataMatrix \]d\d {2}confirmed by its error correction$/),
    )
    expect(lines).toContainEqual(expect.stringMatching(/^ {4}Code128 \]C0 {2}(confirmed|not confirmed: .+)$/))
    // Under the chosen DataMatrix's line, its text: GS as \x1d, the RS EOT trailer as \x1e\x04.
    const chosen = lines.findIndex((l) => l.startsWith('  * '))
    expect(lines[chosen + 1]).toMatch(/^ {6}\[\)>\\x1e06\\x1dP296-1173-1-ND\\x1d1PNE555P\\x1d.*\\x1e\\x04$/)
    expect(lines).toContain('      296-1173-1-ND')
    // eslint-disable-next-line no-control-regex -- no raw separator may reach the terminal
    expect(out.text).not.toMatch(/[\x00-\x08\x1d\x1e]/)
    expect(lines.at(-1)!.startsWith(`${junk}: cannot read it: `)).toBe(true)
  })

  it('--format json (the default) lists both symbols and marks the DataMatrix chosen', async () => {
    const out = new Collect()
    expect(await decodeCommand([bag], out)).toBe(0)
    expect(JSON.parse(out.text)).toMatchObject({
      file: bag,
      format: 'DataMatrix',
      text: DIGIKEY_BAG.dataMatrix,
      symbols: expect.arrayContaining([
        {
          text: DIGIKEY_BAG.dataMatrix,
          format: 'DataMatrix',
          symbologyId: expect.any(String),
          confirmed: true,
          chosen: true,
        },
        { text: '296-1173-1-ND', format: 'Code128', symbologyId: ']C0', confirmed: expect.any(Boolean), chosen: false },
      ]),
    })
  })

  it('shows control characters as \\xNN and a backslash doubled', () => {
    expect(visibleText('a\\b\x1dc\x1e\x04\x7f\x85é')).toBe('a\\\\b\\x1dc\\x1e\\x04\\x7f\\x85é')
  })
})
