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

export interface Point {
  x: number
  y: number
}

/**
 * Resamples the rotated rectangle quagga2's locator reports (four corners; the barcode's axis runs from the middle
 * of corners 0–1 to the middle of corners 2–3) into an upright image with the bars vertical, `margin` of its
 * length added at each end for the quiet zones and its long side near `side` pixels (bilinear).
 */
export function alignedCrop(image: RgbaImage, box: Point[], side: number, margin = 0.2): RgbaImage | null {
  if (box.length !== 4) return null
  const [p0, p1, p2, p3] = box as [Point, Point, Point, Point]
  const a = { x: (p0.x + p1.x) / 2, y: (p0.y + p1.y) / 2 }
  const b = { x: (p2.x + p3.x) / 2, y: (p2.y + p3.y) / 2 }
  const length = Math.hypot(b.x - a.x, b.y - a.y)
  const barHeight = Math.hypot(p1.x - p0.x, p1.y - p0.y)
  if (length < 8 || barHeight < 4) return null
  const ux = (b.x - a.x) / length
  const uy = (b.y - a.y) / length
  const span = length * (1 + 2 * margin)
  const scale = Math.min(3, side / span)
  const width = Math.max(32, Math.round(span * scale))
  // The middle band of the bars is enough to read them, and fewer rows are faster to read.
  const height = Math.max(64, Math.min(Math.round(barHeight * scale), Math.round(width / 3)))
  const bandHeight = height / scale
  const cx = (a.x + b.x) / 2
  const cy = (a.y + b.y) / 2
  const gray = toGray(image)
  const data = new Uint8ClampedArray(width * height * 4)
  const w = image.width
  const maxX = w - 1
  const maxY = image.height - 1
  for (let j = 0; j < height; j++) {
    const dv = ((j + 0.5) / height - 0.5) * bandHeight
    for (let i = 0; i < width; i++) {
      const du = ((i + 0.5) / width - 0.5) * span
      // The bar direction is the axis turned a quarter: (-uy, ux).
      const fx = Math.min(maxX, Math.max(0, cx + du * ux - dv * uy))
      const fy = Math.min(maxY, Math.max(0, cy + du * uy + dv * ux))
      const x0 = fx | 0
      const y0 = fy | 0
      const x1 = Math.min(maxX, x0 + 1)
      const y1 = Math.min(maxY, y0 + 1)
      const wx = fx - x0
      const wy = fy - y0
      const top = gray[y0 * w + x0]! * (1 - wx) + gray[y0 * w + x1]! * wx
      const bottom = gray[y1 * w + x0]! * (1 - wx) + gray[y1 * w + x1]! * wx
      const v = top * (1 - wy) + bottom * wy
      const o = (j * width + i) * 4
      data[o] = v
      data[o + 1] = v
      data[o + 2] = v
      data[o + 3] = 255
    }
  }
  return { data, width, height }
}

/**
 * Unsharp mask on the grey levels: each pixel pushed away from its neighbourhood's mean (a box of `radius` each
 * way) by `amount`, which steepens the edges a defocused lens softens. Returns grey RGBA.
 */
export function sharpenRgba(image: RgbaImage, amount = 1.5, radius = 2): RgbaImage {
  const { width, height } = image
  const gray = toGray(image)
  // Box mean through a summed-area table: O(1) a pixel whatever the radius.
  const stride = width + 1
  const sums = new Float64Array(stride * (height + 1))
  for (let y = 0; y < height; y++) {
    let row = 0
    for (let x = 0; x < width; x++) {
      row += gray[y * width + x]!
      sums[(y + 1) * stride + x + 1] = sums[y * stride + x + 1]! + row
    }
  }
  const data = new Uint8ClampedArray(width * height * 4)
  for (let y = 0; y < height; y++) {
    const y0 = Math.max(0, y - radius)
    const y1 = Math.min(height, y + radius + 1)
    for (let x = 0; x < width; x++) {
      const x0 = Math.max(0, x - radius)
      const x1 = Math.min(width, x + radius + 1)
      const sum = sums[y1 * stride + x1]! - sums[y0 * stride + x1]! - sums[y1 * stride + x0]! + sums[y0 * stride + x0]!
      const mean = sum / ((y1 - y0) * (x1 - x0))
      const v = gray[y * width + x]!
      const o = (y * width + x) * 4
      data[o] = data[o + 1] = data[o + 2] = v + amount * (v - mean)
      data[o + 3] = 255
    }
  }
  return { data, width, height }
}
