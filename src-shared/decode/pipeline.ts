/**
 * The station's decode pipeline: zxing-wasm first (it reads QR and DataMatrix, which internal and supplier labels
 * use, and its 1D reads are rarely wrong), then quagga2 under several locator settings. quagga2 finds far more of
 * the blurry 1D codes a webcam sees, but a single quagga pass sometimes returns a wrong code that still passes
 * its check digit, so its result is taken only once it leads every other text by two passes. Measured on
 * ../shared/fixtures/quagga2 by bench/decode-accuracy.ts.
 */
import { decodeWithQuagga, type QuaggaOptions } from './quagga'
import { normalizeResult } from './normalize'
import { passesChecks } from './symbology'
import type { DecodeResult, RgbaImage } from './types'
import { readWithZxing } from './zxing'
import { scaleRgba } from './image'

export type DecodeEffort = 'fast' | 'thorough'

export interface PipelineOptions {
  /** `fast` for live camera frames (one zxing pass, two quagga passes), `thorough` for still images. */
  effort?: DecodeEffort
}

/** quagga2 passes in the order they are tried (the first ones decode the most fixtures on their own). */
export const QUAGGA_PASSES: Partial<QuaggaOptions>[] = [
  { size: 640, patchSize: 'large' },
  { size: 640 },
  { size: 800 },
  { size: 800, patchSize: 'large' },
  { size: 1280 },
  { size: 800, halfSample: false },
  { size: 1280, halfSample: false },
  { size: 800, patchSize: 'x-large' },
  { size: 640, halfSample: false },
]

const FAST_QUAGGA_PASSES = 2
/** A quagga text is accepted once it has this many more passes than any other text. */
const QUAGGA_MARGIN = 2
/** Small images get a second zxing pass at twice the size. */
const UPSCALE_BELOW = 1000

function acceptable(result: DecodeResult): boolean {
  return passesChecks(result.format, result.text)
}

/** zxing's first result that passes the format's checks, normalised. */
export async function zxingPass(image: RgbaImage): Promise<DecodeResult | null> {
  for (const found of await readWithZxing(image)) {
    const result = normalizeResult(strip(found))
    if (acceptable(result)) return result
  }
  return null
}

function strip(result: DecodeResult): DecodeResult {
  return { text: result.text, format: result.format, symbologyId: result.symbologyId }
}

/** Decodes one RGBA image: `{text, format, symbologyId}`, or null when no engine is sure. */
export async function decodeImage(image: RgbaImage, options: PipelineOptions = {}): Promise<DecodeResult | null> {
  const effort = options.effort ?? 'thorough'
  const first = await zxingPass(image)
  if (first) return first

  const passes = effort === 'fast' ? QUAGGA_PASSES.slice(0, FAST_QUAGGA_PASSES) : QUAGGA_PASSES
  const votes = new Map<string, { count: number; result: DecodeResult }>()
  for (const pass of passes) {
    const found = await decodeWithQuagga(image, pass)
    if (!found) continue
    const result = normalizeResult(strip(found))
    if (!acceptable(result)) continue
    const entry = votes.get(result.text) ?? { count: 0, result }
    entry.count++
    votes.set(result.text, entry)
    let others = 0
    for (const [text, other] of votes) if (text !== result.text) others = Math.max(others, other.count)
    if (entry.count - others >= QUAGGA_MARGIN) return entry.result
  }

  if (effort === 'thorough' && Math.max(image.width, image.height) < UPSCALE_BELOW) {
    const upscaled = await zxingPass(scaleRgba(image, 2))
    if (upscaled) return upscaled
  }
  return null
}

/** quagga2 alone, its own default settings (decodeSingle's: 800 px, half-sampled, medium patches, all 1D readers). */
export async function decodeQuaggaOnly(image: RgbaImage): Promise<DecodeResult | null> {
  const found = await decodeWithQuagga(image, { size: 800 })
  return found ? normalizeResult(strip(found)) : null
}

/** zxing-wasm alone, its default settings (tryHarder, tryRotate, tryInvert, tryDownscale; all formats). */
export async function decodeZxingOnly(image: RgbaImage): Promise<DecodeResult | null> {
  const [found] = await readWithZxing(image)
  return found ? normalizeResult(strip(found)) : null
}
