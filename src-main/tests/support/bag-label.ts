/**
 * A photo of a supplier's bag label, made here so that no photo from outside is needed: a white label with its
 * printed lines, a Code 128 of one field and the ISO/IEC 15434 DataMatrix that carries them all, laid on a grey,
 * slightly mottled bench and then seen as a phone or webcam sees it (turned a few degrees, tilted away, a little
 * out of focus, JPEG). The same options give the same bytes, so nothing needs committing.
 */
import bwipjs from 'bwip-js/node'
import sharp from 'sharp'
import { seededRandom } from '../../core/random'
import type { RgbaImage } from '../../../src-shared/decode/types'
import { flatten, perspective } from './generated-barcodes'

const GS = '\x1d'
const RS = '\x1e'
const EOT = '\x04'

export interface BagLabel {
  vendor: string
  /** The printed lines, top to bottom, beside the codes. */
  lines: string[]
  /** What the Code 128 holds (one field, as the vendor prints it under its caption). */
  linear: { caption: string; text: string }
  /** What the DataMatrix holds: the whole label. */
  dataMatrix: string
}

/**
 * A DigiKey bag label for an NE555P on customer order 4500012345, as DigiKey prints it: the DigiKey part number as
 * a Code 128, and the DataMatrix with P (their part number, where the customer gave none), 1P, 30P, K, 1K, 10K,
 * 9D, 1T, 11K, 4L, Q and their own 11Z–20Z fields.
 */
export const DIGIKEY_BAG: BagLabel = {
  vendor: 'DIGIKEY',
  lines: [
    'CUST PO: 4500012345',
    'DK PART: 296-1173-1-ND',
    'MFG PART: NE555P',
    'DESC: IC OSC SINGLE TIMER 100KHZ 8DIP',
    'QTY: 10    COO: MY    LOT: 2231A7',
  ],
  linear: { caption: 'DIGI-KEY PART NUMBER', text: '296-1173-1-ND' },
  dataMatrix:
    `[)>${RS}06${GS}P296-1173-1-ND${GS}1PNE555P${GS}30P296-1173-1-ND${GS}K4500012345${GS}1K75512233` +
    `${GS}10K88120934${GS}9D2231${GS}1T2231A7${GS}11K1${GS}4LMY${GS}Q10${GS}11ZPICK${GS}12Z6104471` +
    `${GS}13Z998877${GS}20Z0000000000000000${RS}${EOT}`,
}

/**
 * A Mouser bag label for an STM32F103C8T6 on the demo's order PO-0002: the Mouser part number as a Code 128 and
 * the DataMatrix in Mouser's older `>[)>06` form (K, 14K, 1P, Q, 11K, 4L, 1V).
 */
export const MOUSER_BAG: BagLabel = {
  vendor: 'MOUSER ELECTRONICS',
  lines: [
    'CUST PO: PO-0002   LINE: 001',
    'MOUSER #: 511-STM32F103C8T6',
    'MFR #: STM32F103C8T6',
    'DESC: ARM MCU 64KB FLASH LQFP-48',
    'QTY: 50    COO: CN',
  ],
  linear: { caption: 'MOUSER #', text: '511-STM32F103C8T6' },
  dataMatrix: `>[)>06${GS}KPO-0002${GS}14K001${GS}1PSTM32F103C8T6${GS}Q50${GS}11K066521234${GS}4LCN${GS}1VSTMicroelectronics`,
}

export interface PhotoOptions {
  /** Degrees the label is turned on the bench. */
  rotate?: number
  /** How much narrower the far edge looks (0 = square on). */
  tilt?: number
  /** Gaussian blur sigma in pixels: focus and hand shake. */
  blur?: number
  quality?: number
  seed?: number
}

export interface BagPhoto {
  jpeg: Buffer
  image: RgbaImage
}

const LABEL = { width: 760, height: 400 }
const PHOTO = { width: 960, height: 720 }

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

function printedText(label: BagLabel, codeTop: number): Buffer {
  const text = (x: number, y: number, size: number, s: string, weight = 'normal') =>
    `<text x="${x}" y="${y}" font-family="DejaVu Sans, sans-serif" font-size="${size}" font-weight="${weight}" fill="#1a1a1a">${escapeXml(s)}</text>`
  const rows = label.lines.map((line, i) => text(24, 70 + i * 24, 16, line)).join('')
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${LABEL.width}" height="${LABEL.height}">` +
    `<rect width="100%" height="100%" fill="#fbfbf8"/>` +
    text(24, 38, 24, label.vendor, 'bold') +
    rows +
    text(24, codeTop - 6, 12, label.linear.caption) +
    `<rect x="2" y="2" width="${LABEL.width - 4}" height="${LABEL.height - 4}" fill="none" stroke="#c8c8c0" stroke-width="2" rx="10"/>` +
    '</svg>'
  return Buffer.from(svg)
}

/** A grey bench with a faint mottle, so the label's edge and the codes are not on a flat field. */
async function bench(rand: () => number): Promise<sharp.Sharp> {
  const cells = 24 * 18
  const tile = Buffer.alloc(cells * 3)
  for (let i = 0; i < cells; i++) {
    const v = 150 + Math.floor(rand() * 40)
    tile[i * 3] = v
    tile[i * 3 + 1] = v - 3
    tile[i * 3 + 2] = v - 8
  }
  return sharp(tile, { raw: { width: 24, height: 18, channels: 3 } })
    .resize(PHOTO.width, PHOTO.height, { kernel: 'cubic' })
    .blur(6)
}

/** The label as printed: white stock, text, the Code 128 under its caption and the DataMatrix at the right. */
export async function renderBagLabel(label: BagLabel): Promise<Buffer> {
  const linear = await bwipjs.toBuffer({
    bcid: 'code128',
    text: label.linear.text,
    scale: 3,
    height: 10,
    includetext: true,
    textsize: 9,
    backgroundcolor: 'FFFFFF',
    paddingwidth: 10,
    paddingheight: 2,
  })
  const matrix = await bwipjs.toBuffer({
    bcid: 'datamatrix',
    text: label.dataMatrix,
    scale: 3,
    backgroundcolor: 'FFFFFF',
    paddingwidth: 4,
    paddingheight: 4,
  })
  const matrixMeta = await sharp(matrix).metadata()
  const codeTop = 250
  return sharp(printedText(label, codeTop))
    .composite([
      { input: linear, left: 20, top: codeTop },
      { input: matrix, left: LABEL.width - (matrixMeta.width ?? 0) - 24, top: 24 },
    ])
    .png()
    .toBuffer()
}

/** The label photographed on the bench: turned, tilted, softened and saved as a JPEG, then decoded to RGBA. */
export async function photographBagLabel(label: BagLabel, options: PhotoOptions = {}): Promise<BagPhoto> {
  const { rotate = 4, tilt = 0.08, blur = 0.8, quality = 80, seed = 7 } = options
  const rand = seededRandom(seed)
  const printed = await renderBagLabel(label)
  const turned = await sharp(printed)
    .rotate(rotate, { background: { r: 0, g: 0, b: 0, alpha: 0 } })
    .png()
    .toBuffer()
  const meta = await sharp(turned).metadata()
  const left = Math.round((PHOTO.width - (meta.width ?? 0)) / 2 + (rand() - 0.5) * 60)
  const top = Math.round((PHOTO.height - (meta.height ?? 0)) / 2 + (rand() - 0.5) * 60)
  const onBench = await flatten((await bench(rand)).composite([{ input: turned, left, top }]))
  const tilted = tilt > 0 ? await perspective(onBench, tilt) : onBench
  const jpeg = await (
    await flatten(blur >= 0.3 ? tilted.blur(blur) : tilted)
  )
    .removeAlpha()
    .jpeg({ quality, chromaSubsampling: '4:2:0' })
    .toBuffer()
  // sharp decodes the JPEG (what the camera would hand over) far faster than the CLI's pure-JS decoder.
  const { data, info } = await sharp(jpeg).ensureAlpha().raw().toBuffer({ resolveWithObject: true })
  return {
    jpeg,
    image: {
      data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength),
      width: info.width,
      height: info.height,
    },
  }
}
