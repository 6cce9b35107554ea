/**
 * A label as the 1-bit image a raster printer prints: the preview's SVG rendered by resvg (the text in the same
 * DejaVu fonts the PDF embeds), then the barcode painted again dot by dot from the layout's rectangles, a dot
 * black when its centre falls in a dark module, so thresholding never thins or fattens a module.
 */
import { Resvg } from '@resvg/resvg-js'
import { defaultFonts, type Fonts, type LabelLayout } from '../layout'
import { renderSvg } from '../render'

/** One byte a dot: 1 black, 0 white; row after row from the label's top-left corner. */
export interface Bitmap {
  width: number
  height: number
  dark: Uint8Array
}

export function blankBitmap(width: number, height: number): Bitmap {
  return { width, height, dark: new Uint8Array(width * height) }
}

export function layoutBitmap(l: LabelLayout, dpi: number, fonts: Fonts = defaultFonts()): Bitmap {
  const dot = 25.4 / dpi
  const width = Math.round(l.width / dot)
  const height = Math.round(l.height / dot)
  const rendered = new Resvg(renderSvg(l), {
    fitTo: { mode: 'width', value: width },
    background: '#ffffff',
    font: { loadSystemFonts: false, fontFiles: [fonts.regular, fonts.bold], defaultFontFamily: 'DejaVu Sans' },
  }).render()
  // `pixels` is a getter that copies the whole image: read it once.
  const pixels = rendered.pixels
  const out = blankBitmap(width, height)
  const rows = Math.min(height, rendered.height)
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * rendered.width + x) * 4
      const luma = 0.299 * pixels[i]! + 0.587 * pixels[i + 1]! + 0.114 * pixels[i + 2]!
      out.dark[y * width + x] = luma < 128 ? 1 : 0
    }
  }
  const first = (mm: number): number => Math.max(0, Math.ceil(mm / dot - 0.5 - 1e-9))
  const fill = (r: { x: number; y: number; w: number; h: number }, value: 0 | 1): void => {
    const x1 = Math.min(width, first(r.x + r.w))
    const y1 = Math.min(height, first(r.y + r.h))
    for (let y = first(r.y); y < y1; y++) out.dark.fill(value, y * width + first(r.x), y * width + x1)
  }
  fill(l.barcode.zone, 0)
  for (const r of l.barcode.rects) fill(r, 1)
  return out
}

/** The bitmap turned a quarter to the right (for a label laid out across the tape rather than along it). */
export function rotateRight(b: Bitmap): Bitmap {
  const out = blankBitmap(b.height, b.width)
  for (let y = 0; y < b.height; y++)
    for (let x = 0; x < b.width; x++) out.dark[x * out.width + (b.height - 1 - y)] = b.dark[y * b.width + x]!
  return out
}

/** The bitmap as RGBA, for the station's decoder. */
export function bitmapToRgba(b: Bitmap): { data: Uint8ClampedArray; width: number; height: number } {
  const data = new Uint8ClampedArray(b.width * b.height * 4)
  for (let i = 0; i < b.dark.length; i++) {
    const v = b.dark[i] ? 0 : 255
    data[i * 4] = v
    data[i * 4 + 1] = v
    data[i * 4 + 2] = v
    data[i * 4 + 3] = 255
  }
  return { data, width: b.width, height: b.height }
}
