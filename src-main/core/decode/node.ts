/**
 * The Node side of the shared decode pipeline (src-shared/decode): image files to RGBA, and zxing-wasm's wasm read
 * from node_modules (never fetched from its default CDN). Core owns it because label verification decodes in Node;
 * the CLI's `decode` and the bench use it too.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import jpeg from 'jpeg-js'
import { PNG } from 'pngjs'
import { configureZxing, zxingConfigured } from '../../../src-shared/decode/zxing'
import type { RgbaImage } from '../../../src-shared/decode/types'

const require = createRequire(import.meta.url)

/** Configures zxing-wasm with the bytes of the package's own reader wasm. Idempotent. */
export function setupNodeDecoder(): void {
  if (zxingConfigured()) return
  const wasmPath = require.resolve('zxing-wasm/reader/zxing_reader.wasm')
  const bytes = readFileSync(wasmPath)
  const wasmBinary = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)
  configureZxing({ wasmBinary })
}

/** Decodes a JPEG or PNG held in memory (told apart by their signatures) to RGBA. */
export function decodeImageBytes(bytes: Uint8Array): RgbaImage {
  if (bytes[0] === 0xff && bytes[1] === 0xd8) {
    const image = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 1024 })
    return {
      data: new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.byteLength),
      width: image.width,
      height: image.height,
    }
  }
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) {
    const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
    return {
      data: new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.byteLength),
      width: png.width,
      height: png.height,
    }
  }
  throw new Error('not a JPEG or PNG image')
}

/** Reads a JPEG or PNG file to RGBA. Throws if the file is missing or is not a readable image. */
export function loadImageFile(path: string): RgbaImage {
  return decodeImageBytes(readFileSync(path))
}
