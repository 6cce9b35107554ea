/** Small image helpers on RGBA and grey buffers (no DOM). */
import type { RgbaImage } from './types'

/** Grey level per pixel (ITU-R BT.601 weights, integer arithmetic). */
export function toGray(image: RgbaImage): Uint8Array {
  const { data, width, height } = image
  const out = new Uint8Array(width * height)
  for (let i = 0, p = 0; i < out.length; i++, p += 4) {
    out[i] = (data[p]! * 77 + data[p + 1]! * 150 + data[p + 2]! * 29) >> 8
  }
  return out
}

/** A rectangle in pixels. */
export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

/** Copies a rectangle out of an RGBA image (clamped to the image). */
export function cropRgba(image: RgbaImage, rect: Rect): RgbaImage {
  const x0 = Math.max(0, Math.floor(rect.x))
  const y0 = Math.max(0, Math.floor(rect.y))
  const x1 = Math.min(image.width, Math.floor(rect.x + rect.width))
  const y1 = Math.min(image.height, Math.floor(rect.y + rect.height))
  const width = Math.max(0, x1 - x0)
  const height = Math.max(0, y1 - y0)
  const data = new Uint8ClampedArray(width * height * 4)
  for (let y = 0; y < height; y++) {
    const from = ((y0 + y) * image.width + x0) * 4
    data.set(image.data.subarray(from, from + width * 4), y * width * 4)
  }
  return { data, width, height }
}

/** The centred box covering `fraction` of each side (the region of interest of the webcam scanner). */
export function centreRect(width: number, height: number, fraction: number): Rect {
  const w = Math.round(width * fraction)
  const h = Math.round(height * fraction)
  return { x: Math.floor((width - w) / 2), y: Math.floor((height - h) / 2), width: w, height: h }
}

/** Resamples an RGBA image by `factor` with bilinear interpolation (factor < 1 shrinks, > 1 enlarges). */
export function scaleRgba(image: RgbaImage, factor: number): RgbaImage {
  const width = Math.max(1, Math.round(image.width * factor))
  const height = Math.max(1, Math.round(image.height * factor))
  const data = new Uint8ClampedArray(width * height * 4)
  const src = image.data
  const sx = image.width / width
  const sy = image.height / height
  for (let y = 0; y < height; y++) {
    const fy = Math.min(image.height - 1, Math.max(0, (y + 0.5) * sy - 0.5))
    const y0 = Math.floor(fy)
    const y1 = Math.min(image.height - 1, y0 + 1)
    const wy = fy - y0
    for (let x = 0; x < width; x++) {
      const fx = Math.min(image.width - 1, Math.max(0, (x + 0.5) * sx - 0.5))
      const x0 = Math.floor(fx)
      const x1 = Math.min(image.width - 1, x0 + 1)
      const wx = fx - x0
      const a = (y0 * image.width + x0) * 4
      const b = (y0 * image.width + x1) * 4
      const c = (y1 * image.width + x0) * 4
      const d = (y1 * image.width + x1) * 4
      const o = (y * width + x) * 4
      for (let k = 0; k < 4; k++) {
        const top = src[a + k]! + (src[b + k]! - src[a + k]!) * wx
        const bottom = src[c + k]! + (src[d + k]! - src[c + k]!) * wx
        data[o + k] = top + (bottom - top) * wy
      }
    }
  }
  return { data, width, height }
}
