/**
 * zxing-wasm (zxing-cpp compiled to WebAssembly) on a raw frame. Its wasm file must come from the package,
 * never from its default CDN: the host calls `configureZxing` once before the first decode (the worker passes the
 * Vite-bundled URL of the wasm file, Node passes the file's bytes read from node_modules).
 */
import {
  prepareZXingModule,
  readBarcodes,
  type ReaderOptions,
  type ReadResult,
  type ZXingModuleOverrides,
} from 'zxing-wasm/reader'
import type { Rect } from './image'
import { defaultSymbologyId } from './symbology'
import type { DecodeResult, RgbaImage } from './types'

let configured = false

/** Points zxing-wasm at its wasm file (a URL through `locateFile`, or the bytes through `wasmBinary`). */
export function configureZxing(overrides: ZXingModuleOverrides): void {
  prepareZXingModule({ overrides, fireImmediately: false })
  configured = true
}

export function zxingConfigured(): boolean {
  return configured
}

export const DEFAULT_ZXING_OPTIONS: ReaderOptions = {
  tryHarder: true,
  tryRotate: true,
  tryInvert: true,
  tryDownscale: true,
  maxNumberOfSymbols: 4,
  // The raw data, as a scanner sends it: GS/RS/EOT stay control characters (the default, HRI, turns them into
  // Unicode "control pictures" and GS1 data into "(01)…").
  textMode: 'Plain',
}

export interface ZxingDecode extends DecodeResult {
  /** Number of scan lines that agreed (linear formats), 0 for matrix codes. */
  lineCount: number
  /** The symbol's bounding box in the image's pixels. */
  region: Rect
}

function toDecode(result: ReadResult): ZxingDecode {
  const { topLeft, topRight, bottomLeft, bottomRight } = result.position
  const xs = [topLeft.x, topRight.x, bottomLeft.x, bottomRight.x]
  const ys = [topLeft.y, topRight.y, bottomLeft.y, bottomRight.y]
  const x = Math.min(...xs)
  const y = Math.min(...ys)
  return {
    text: result.text,
    format: result.format,
    symbologyId: result.symbologyIdentifier || defaultSymbologyId(result.format),
    lineCount: result.lineCount,
    region: { x, y, width: Math.max(1, Math.max(...xs) - x), height: Math.max(1, Math.max(...ys) - y) },
  }
}

/** Every valid symbol zxing finds in the image. */
export async function readWithZxing(image: RgbaImage, options: ReaderOptions = {}): Promise<ZxingDecode[]> {
  if (!configured) throw new Error('zxing-wasm is not configured: call configureZxing() with the wasm location first')
  const results = await readBarcodes(
    { data: image.data, width: image.width, height: image.height } as unknown as Parameters<typeof readBarcodes>[0],
    { ...DEFAULT_ZXING_OPTIONS, ...options },
  )
  return results.filter((r) => r.isValid && r.text.length > 0).map(toDecode)
}

/** The first symbol zxing finds, or null. */
export async function decodeWithZxing(image: RgbaImage, options: ReaderOptions = {}): Promise<ZxingDecode | null> {
  return (await readWithZxing(image, options))[0] ?? null
}
