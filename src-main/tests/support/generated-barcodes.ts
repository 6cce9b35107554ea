/**
 * A decoding test set the project makes itself, so that decoding is measured (and tested) without any photo from
 * outside: every symbology the desk reads, rendered by bwip-js with seeded random contents, placed on a
 * 640×480 paper-grey frame and degraded by sharp (blur, rotation, perspective, low contrast, glare, JPEG, small
 * size) at known levels. The same seed gives the same images, so nothing needs committing; the truth of each image
 * is the text it was rendered from, in the form the pipeline reports (UPC-A 12 digits, UPC-E 8, GS1-128 without
 * its leading FNC1).
 */
import bwipjs from 'bwip-js/node'
import sharp from 'sharp'
import type { RgbaImage } from '../../../src-shared/decode/types'
import { seededRandom } from '../../core/random'

const GS = '\x1d'
const RS = '\x1e'
const EOT = '\x04'

export const FRAME = { width: 640, height: 480 }

function digits(rand: () => number, n: number): string {
  let s = ''
  for (let i = 0; i < n; i++) s += Math.floor(rand() * 10)
  return s
}

function fromAlphabet(rand: () => number, alphabet: string, n: number): string {
  let s = ''
  for (let i = 0; i < n; i++) s += alphabet[Math.floor(rand() * alphabet.length)]
  return s
}

/** GS1 mod-10 check digit of the digits given (without the check). */
function gs1Check(body: string): string {
  let sum = 0
  for (let i = 0; i < body.length; i++) {
    const d = body.charCodeAt(body.length - 1 - i) - 48
    sum += i % 2 === 0 ? d * 3 : d
  }
  return String((10 - (sum % 10)) % 10)
}

interface Symbology {
  name: string
  bcid: string
  /** Module size in pixels at "clean" (bwip-js scale). */
  scale: number
  /** bwip-js text, the text the pipeline should report, and extra bwip-js options. */
  make(rand: () => number): { text: string; truth: string; options?: Record<string, unknown> }
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'

export const SYMBOLOGIES: Symbology[] = [
  {
    name: 'EAN-13',
    bcid: 'ean13',
    scale: 2,
    make: (r) => {
      const body = String(1 + Math.floor(r() * 9)) + digits(r, 11)
      return { text: body + gs1Check(body), truth: body + gs1Check(body) }
    },
  },
  {
    name: 'EAN-8',
    bcid: 'ean8',
    scale: 3,
    make: (r) => {
      const body = String(2 + Math.floor(r() * 7)) + digits(r, 6)
      return { text: body + gs1Check(body), truth: body + gs1Check(body) }
    },
  },
  {
    name: 'UPC-A',
    bcid: 'upca',
    scale: 2,
    make: (r) => {
      const body = String(1 + Math.floor(r() * 8)) + digits(r, 10)
      return { text: body + gs1Check(body), truth: body + gs1Check(body) }
    },
  },
  {
    name: 'UPC-E',
    bcid: 'upce',
    scale: 3,
    make: (r) => {
      // Six data digits ending 5–9: the expansion is the first five, four zeros, then the last.
      const d = digits(r, 5) + String(5 + Math.floor(r() * 5))
      const upca = `0${d.slice(0, 5)}0000${d[5]}`
      const upce = `0${d}${gs1Check(upca)}`
      return { text: upce, truth: upce }
    },
  },
  {
    name: 'Code 128',
    bcid: 'code128',
    scale: 2,
    make: (r) => {
      const t = `${fromAlphabet(r, ALNUM, 3)}-${digits(r, 6)}`
      return { text: t, truth: t }
    },
  },
  {
    name: 'GS1-128',
    bcid: 'gs1-128',
    scale: 2,
    make: (r) => {
      const gtin = `0950600${digits(r, 6)}`
      const lot = fromAlphabet(r, ALNUM, 5)
      return { text: `(01)${gtin}${gs1Check(gtin)}(10)${lot}`, truth: `01${gtin}${gs1Check(gtin)}10${lot}` }
    },
  },
  {
    name: 'Code 39',
    bcid: 'code39',
    scale: 2,
    make: (r) => {
      const t = fromAlphabet(r, ALNUM, 8)
      return { text: t, truth: t }
    },
  },
  {
    name: 'Code 93',
    bcid: 'code93',
    scale: 2,
    make: (r) => {
      const t = fromAlphabet(r, ALNUM, 8)
      return { text: t, truth: t }
    },
  },
  {
    name: 'Codabar',
    bcid: 'rationalizedCodabar',
    scale: 2,
    make: (r) => {
      const t = `A${digits(r, 8)}B`
      return { text: t, truth: t }
    },
  },
  {
    name: 'ITF',
    bcid: 'interleaved2of5',
    scale: 2,
    make: (r) => {
      const t = digits(r, 10)
      return { text: t, truth: t }
    },
  },
  {
    name: 'QR',
    bcid: 'qrcode',
    scale: 4,
    make: (r) => {
      const t = `{"stockitem": ${1 + Math.floor(r() * 99999)}}`
      return { text: t, truth: t }
    },
  },
  {
    name: 'DataMatrix',
    bcid: 'datamatrix',
    scale: 4,
    make: (r) => {
      const t = `[)>${RS}06${GS}P${digits(r, 3)}-${digits(r, 4)}-ND${GS}1P${fromAlphabet(r, ALNUM, 8)}${GS}Q${1 + Math.floor(r() * 500)}${RS}${EOT}`
      return { text: t, truth: t }
    },
  },
]

export interface Degradation {
  /** Kind of damage, the column a report groups by. */
  kind: string
  /** Its level in the kind's own unit. */
  level: string
  apply(frame: sharp.Sharp, rand: () => number): Promise<sharp.Sharp>
}

const raw = (s: sharp.Sharp) => s.ensureAlpha().raw().toBuffer({ resolveWithObject: true })
const fromRaw = (data: Buffer, width: number, height: number) => sharp(data, { raw: { width, height, channels: 4 } })

/** Re-encodes so the next operation starts from pixels (sharp otherwise folds operations together). */
export async function flatten(s: sharp.Sharp): Promise<sharp.Sharp> {
  const { data, info } = await raw(s)
  return fromRaw(data, info.width, info.height)
}

/** A homography mapping the unit square onto the four corners (Heckbert's closed form). */
function squareToQuad(q: [number, number][]): number[] {
  const [[x0, y0], [x1, y1], [x2, y2], [x3, y3]] = q as [
    [number, number],
    [number, number],
    [number, number],
    [number, number],
  ]
  const dx1 = x1 - x2
  const dx2 = x3 - x2
  const dy1 = y1 - y2
  const dy2 = y3 - y2
  const sx = x0 - x1 + x2 - x3
  const sy = y0 - y1 + y2 - y3
  const det = dx1 * dy2 - dx2 * dy1
  const g = (sx * dy2 - dx2 * sy) / det
  const h = (dx1 * sy - sx * dy1) / det
  return [x1 - x0 + g * x1, x3 - x0 + h * x3, x0, y1 - y0 + g * y1, y3 - y0 + h * y3, y0, g, h]
}

/**
 * The frame seen at an angle: the far edge shrunk by `shrink` of its length. sharp has no perspective warp, so
 * this one resamples the raw pixels itself (inverse mapping, nearest neighbour after a slight blur from sharp).
 */
export async function perspective(frame: sharp.Sharp, shrink: number): Promise<sharp.Sharp> {
  const { data, info } = await raw(frame)
  const { width: w, height: h } = info
  const inset = (w * shrink) / 2
  // Destination quad of the source's corners (top edge narrower: the label tilted away at its top).
  const [a, b, c, d, e, f, g, hh] = squareToQuad([
    [inset, h * 0.05],
    [w - inset, h * 0.05],
    [w, h],
    [0, h],
  ]) as [number, number, number, number, number, number, number, number]
  const out = Buffer.alloc(w * h * 4, 255)
  // Invert by solving per pixel: for each destination pixel find (u, v) in the unit square.
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      // Solve [a b c; d e f; g h 1] (u, v, 1) ∝ (x, y, 1) for u, v.
      const m00 = a - g * x
      const m01 = b - hh * x
      const m10 = d - g * y
      const m11 = e - hh * y
      const r0 = x - c
      const r1 = y - f
      const det = m00 * m11 - m01 * m10
      const u = (r0 * m11 - m01 * r1) / det
      const v = (m00 * r1 - r0 * m10) / det
      if (u < 0 || u >= 1 || v < 0 || v >= 1) continue
      const sx = Math.floor(u * w)
      const sy = Math.floor(v * h)
      data.copy(out, (y * w + x) * 4, (sy * w + sx) * 4, (sy * w + sx) * 4 + 4)
    }
  }
  return fromRaw(out, w, h)
}

function glareSvg(width: number, height: number, cx: number, cy: number, radius: number, strength: number): Buffer {
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><radialGradient id="g">` +
      `<stop offset="0" stop-color="#fff" stop-opacity="${strength}"/><stop offset="1" stop-color="#fff" stop-opacity="0"/>` +
      `</radialGradient></defs><ellipse cx="${cx}" cy="${cy}" rx="${radius * 1.6}" ry="${radius}" fill="url(#g)"/></svg>`,
  )
}

export const DEGRADATIONS: Degradation[] = [
  { kind: 'clean', level: '-', apply: async (s) => s },
  ...[1, 2, 3].map((sigma): Degradation => ({
    kind: 'blur',
    level: `σ ${sigma} px`,
    apply: async (s) => s.blur(sigma),
  })),
  ...[10, 30, 80].map((deg): Degradation => ({
    kind: 'rotation',
    level: `${deg}°`,
    apply: async (s) =>
      (await flatten(s.rotate(deg, { background: '#e8e6e0' }))).resize(FRAME.width, FRAME.height, {
        fit: 'cover',
      }),
  })),
  ...[0.2, 0.4].map((shrink): Degradation => ({
    kind: 'perspective',
    level: `far edge −${shrink * 100}%`,
    apply: async (s) => perspective(await flatten(s.blur(0.6)), shrink),
  })),
  ...[0.35, 0.2].map((contrast): Degradation => ({
    kind: 'low contrast',
    level: `${contrast * 100}% of full`,
    apply: async (s) => s.linear(contrast, 128 * (1 - contrast) + 30),
  })),
  ...[0.7, 0.95].map((strength): Degradation => ({
    kind: 'glare',
    level: `${strength * 100}% white spot`,
    apply: async (s, rand) => {
      const svg = glareSvg(
        FRAME.width,
        FRAME.height,
        FRAME.width * (0.4 + 0.2 * rand()),
        FRAME.height * (0.4 + 0.2 * rand()),
        90,
        strength,
      )
      return s.composite([{ input: svg, blend: 'screen' }])
    },
  })),
  ...[20, 8].map((quality): Degradation => ({
    kind: 'JPEG',
    level: `quality ${quality}`,
    apply: async (s) => sharp(await s.jpeg({ quality, chromaSubsampling: '4:2:0' }).toBuffer()),
  })),
  ...[0.6, 0.4].map((factor): Degradation => ({
    kind: 'small',
    level: `×${factor}`,
    apply: async (s) => {
      const w = Math.round(FRAME.width * factor)
      const h = Math.round(FRAME.height * factor)
      return (await flatten(s.resize(w, h, { kernel: 'lanczos3' }))).resize(FRAME.width, FRAME.height, {
        kernel: 'cubic',
      })
    },
  })),
]

export interface GeneratedImage {
  symbology: string
  degradation: Degradation
  /** What the pipeline should report. */
  truth: string
  image: RgbaImage
}

/** The symbol rendered and placed on a paper-grey frame at a seeded position, before any degradation. */
async function renderFrame(sym: Symbology, rand: () => number): Promise<{ frame: sharp.Sharp; truth: string }> {
  const { text, truth, options } = sym.make(rand)
  const png = await bwipjs.toBuffer({
    bcid: sym.bcid,
    text,
    scale: sym.scale,
    height: 12,
    includetext: false,
    backgroundcolor: 'FFFFFF',
    paddingwidth: 8,
    paddingheight: 4,
    ...options,
  } as Parameters<typeof bwipjs.toBuffer>[0])
  const meta = await sharp(png).metadata()
  const width = meta.width ?? 0
  const height = meta.height ?? 0
  const left = Math.floor(rand() * Math.max(1, FRAME.width - width - 40)) + 20
  const top = Math.floor(rand() * Math.max(1, FRAME.height - height - 40)) + 20
  const frame = sharp({
    create: { width: FRAME.width, height: FRAME.height, channels: 4, background: '#e8e6e0' },
  }).composite([{ input: png, left: Math.max(0, left), top: Math.max(0, top) }])
  return { frame: await flatten(frame), truth }
}

/**
 * Every symbology under every degradation, `perCell` images each, from `seed`. About 0.7 MB of pixels an image;
 * the images are made one at a time by the generator, never kept on disk.
 */
export async function* generateBarcodeSet(seed = 13, perCell = 1): AsyncGenerator<GeneratedImage> {
  const rand = seededRandom(seed)
  for (const sym of SYMBOLOGIES) {
    for (const degradation of DEGRADATIONS) {
      for (let n = 0; n < perCell; n++) {
        const { frame, truth } = await renderFrame(sym, rand)
        const degraded = await degradation.apply(frame, rand)
        const { data, info } = await raw(degraded)
        yield {
          symbology: sym.name,
          degradation,
          truth,
          image: {
            data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength),
            width: info.width,
            height: info.height,
          },
        }
      }
    }
  }
}
