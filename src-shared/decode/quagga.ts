/**
 * quagga2 on a raw frame. quagga2's public API decodes only from a URL, a file or a live <video> (decodeSingle
 * needs `Image` and a canvas in the browser, get-pixels/sharp in Node), none of which a Web Worker or a CLI that
 * already holds pixels wants. Its `init(config, cb, imageWrapper, instance)` does accept a ready grey
 * ImageWrapper (the path its old worker support used): it builds the locator and decoder on it without any
 * input stream. We take the Quagga class from the one place the bundle hands an instance out (decodeSingle
 * passes a fresh one to `this.init`, which we point at a capturing stub), then call the instance's own
 * `getBoundingBoxes()` and `decoder.decodeFromBoundingBoxes()`. Same code in the browser bundle and in Node.
 */
import QuaggaImport from '@ericblade/quagga2'
import { toGray } from './image'
import { QUAGGA_FORMATS } from './symbology'
import type { DecodeResult, RgbaImage } from './types'

export type QuaggaReader =
  | 'ean_reader'
  | 'ean_8_reader'
  | 'upc_reader'
  | 'upc_e_reader'
  | 'code_128_reader'
  | 'code_39_reader'
  | 'code_93_reader'
  | 'codabar_reader'
  | 'i2of5_reader'

export type PatchSize = 'x-small' | 'small' | 'medium' | 'large' | 'x-large'

export interface QuaggaOptions {
  readers: QuaggaReader[]
  /** Long side of the image quagga works on, in pixels (the image is resampled to it); 0 keeps the size. */
  size: number
  /** Let the locator find the barcode; without it the whole image is one box, read through its middle. */
  locate: boolean
  halfSample: boolean
  patchSize: PatchSize
}

export const ALL_QUAGGA_READERS: QuaggaReader[] = [
  'ean_reader',
  'ean_8_reader',
  'upc_reader',
  'upc_e_reader',
  'code_128_reader',
  'code_39_reader',
  'code_93_reader',
  'codabar_reader',
  'i2of5_reader',
]

export const DEFAULT_QUAGGA_OPTIONS: QuaggaOptions = {
  readers: ALL_QUAGGA_READERS,
  size: 800,
  locate: true,
  halfSample: true,
  patchSize: 'medium',
}

export interface QuaggaCodeResult {
  code: string | null
  format: string
  start: number
  end: number
  decodedCodes: { error?: number }[]
}

interface QuaggaBoxResult {
  codeResult?: QuaggaCodeResult
  /** The grey levels sampled along the scan line (the located box's axis, extended by a tenth each way). */
  pattern?: ArrayLike<number>
  box?: [number, number][]
}

interface QuaggaInstance {
  context: { decoder: { decodeFromBoundingBoxes(boxes: unknown): Promise<QuaggaBoxResult | null> } }
  getBoundingBoxes(): unknown
}

interface QuaggaStatic {
  init(
    config: object,
    cb: ((err?: unknown) => void) | undefined,
    imageWrapper: unknown,
    instance: QuaggaInstance,
  ): Promise<void> | undefined
  decodeSingle(config: object): Promise<unknown>
  ImageWrapper: new (size: { x: number; y: number }, data: Uint8Array) => unknown
}

// The Node build is CommonJS with a `default` getter; bundlers may hand us either the namespace or the object.
const Quagga: QuaggaStatic = ((QuaggaImport as unknown as { default?: QuaggaStatic }).default ??
  QuaggaImport) as unknown as QuaggaStatic

let QuaggaClass: (new () => QuaggaInstance) | null = null

function quaggaClass(): new () => QuaggaInstance {
  if (QuaggaClass) return QuaggaClass
  const capture = {
    init(_config: object, _cb: unknown, _wrapper: unknown, instance: QuaggaInstance) {
      QuaggaClass = instance.constructor as new () => QuaggaInstance
    },
  }
  // decodeSingle calls this.init synchronously inside its Promise executor; the stub never calls back, so the
  // returned promise stays pending and is dropped.
  void Quagga.decodeSingle.call(capture, { src: '' })
  if (!QuaggaClass) throw new Error('quagga2: could not obtain its decoder class')
  return QuaggaClass
}

/** Bilinear resample of a grey image. */
function scaleGray(src: Uint8Array, width: number, height: number, outW: number, outH: number): Uint8Array {
  const out = new Uint8Array(outW * outH)
  const sx = width / outW
  const sy = height / outH
  for (let y = 0; y < outH; y++) {
    const fy = Math.min(height - 1, Math.max(0, (y + 0.5) * sy - 0.5))
    const y0 = fy | 0
    const y1 = Math.min(height - 1, y0 + 1)
    const wy = fy - y0
    for (let x = 0; x < outW; x++) {
      const fx = Math.min(width - 1, Math.max(0, (x + 0.5) * sx - 0.5))
      const x0 = fx | 0
      const x1 = Math.min(width - 1, x0 + 1)
      const wx = fx - x0
      const top = src[y0 * width + x0]! * (1 - wx) + src[y0 * width + x1]! * wx
      const bottom = src[y1 * width + x0]! * (1 - wx) + src[y1 * width + x1]! * wx
      out[y * outW + x] = top * (1 - wy) + bottom * wy
    }
  }
  return out
}

// quagga2's locator keeps module-level state: one decode at a time.
let queue: Promise<unknown> = Promise.resolve()

/** Average per-character error quagga reports (lower is better), or 1 when it reports none. */
export function quaggaError(result: QuaggaCodeResult): number {
  const errors = result.decodedCodes.map((c) => c.error).filter((e): e is number => typeof e === 'number')
  return errors.length ? errors.reduce((a, b) => a + b, 0) / errors.length : 1
}

export interface QuaggaDecode extends DecodeResult {
  /** quagga's mean character error (lower is better). */
  error: number
  /**
   * Share of the scan line through the located bars that the decoded symbol spans. A whole symbol spans most of
   * it (the line runs a tenth past the box at each end); a short code read inside a longer one spans far less.
   */
  span: number
  /** The located barcode's corners in the input image's pixels. */
  box: { x: number; y: number }[]
}

async function decodeOnce(image: RgbaImage, options: QuaggaOptions): Promise<QuaggaDecode | null> {
  let gray = toGray(image)
  let width = image.width
  let height = image.height
  let factor = 1
  if (options.size > 0 && Math.max(width, height) !== options.size) {
    factor = options.size / Math.max(width, height)
    const w = Math.max(1, Math.round(width * factor))
    const h = Math.max(1, Math.round(height * factor))
    gray = scaleGray(gray, width, height, w, h)
    width = w
    height = h
  }
  // The locator works in square patches: keep both sides multiples of 16 (8 after half-sampling).
  const w = width - (width % 16)
  const h = height - (height % 16)
  if (w < 32 || h < 32) return null
  const x0 = ((width - w) / 2) | 0
  const y0 = ((height - h) / 2) | 0
  if (w !== width || h !== height) {
    const cropped = new Uint8Array(w * h)
    for (let y = 0; y < h; y++) cropped.set(gray.subarray((y0 + y) * width + x0, (y0 + y) * width + x0 + w), y * w)
    gray = cropped
  }
  const Ctor = quaggaClass()
  const instance = new Ctor()
  const wrapper = new Quagga.ImageWrapper({ x: w, y: h }, gray)
  await Quagga.init(
    {
      inputStream: { type: 'ImageStream', size: Math.max(w, h) },
      locate: options.locate,
      numOfWorkers: 0,
      locator: { halfSample: options.halfSample, patchSize: options.patchSize },
      decoder: { readers: options.readers, multiple: false },
    },
    () => {},
    wrapper,
    instance,
  )
  const boxes = instance.getBoundingBoxes()
  if (!boxes) return null
  const result = await instance.context.decoder.decodeFromBoundingBoxes(boxes)
  const code = result?.codeResult
  if (!code || !code.code) return null
  const known = QUAGGA_FORMATS[code.format]
  const lineLength = result.pattern?.length ?? 0
  return {
    text: code.code,
    format: known?.format ?? code.format,
    symbologyId: known?.symbologyId ?? ']X0',
    error: quaggaError(code),
    span: lineLength > 0 ? Math.abs(code.end - code.start) / lineLength : 1,
    box: (result.box ?? []).map(([x, y]) => ({ x: (x + x0) / factor, y: (y + y0) / factor })),
  }
}

/** Runs quagga2 on one RGBA image. Calls are serialised (quagga2's locator is a module singleton). */
export function decodeWithQuagga(image: RgbaImage, options: Partial<QuaggaOptions> = {}): Promise<QuaggaDecode | null> {
  const opts = { ...DEFAULT_QUAGGA_OPTIONS, ...options }
  // quagga2's readers throw on some damaged patterns (its Code 93 check reads past the end): that is no read.
  const attempt = () => decodeOnce(image, opts).catch(() => null)
  const run = queue.then(attempt, attempt)
  queue = run.catch(() => null)
  return run
}
