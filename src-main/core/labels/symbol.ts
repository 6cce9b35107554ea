/**
 * Barcode symbols as geometry: bwip-js encodes the data (its `raw` output: the module matrix of a 2D symbol, the
 * bar/space widths of a linear one), and this module turns that into dark rectangles in millimetres, placed in
 * the template's box with the module size snapped to whole printer dots. The PDF, the SVG preview and the
 * verification raster are all drawn from these same rectangles, so what is verified is what is printed.
 */
import bwipjs from 'bwip-js/node'
import { ConflictError } from '../errors'
import type { BarcodeElement, Symbology } from './template'

/** A dark rectangle, in mm from the label's top-left corner. */
export interface Rect {
  x: number
  y: number
  w: number
  h: number
}

export interface Symbol {
  symbology: Symbology
  /** Modules across and down (without quiet zone); a linear symbol is 1 module high. */
  columns: number
  rows: number
  quietZone: number
  /** Dark runs in module units, relative to the symbol's top-left corner (quiet zone excluded). */
  runs: Rect[]
  linear: boolean
}

export interface PlacedSymbol {
  symbol: Symbol
  /** Module width in mm (and its height for 2D symbols). */
  module: number
  /** The module width in printer dots (fractional when the box is too small for one dot a module). */
  moduleDots: number
  /** Where the symbol (without quiet zone) sits, in mm. */
  x: number
  y: number
  width: number
  height: number
  /** The dark rectangles in mm. */
  rects: Rect[]
  /** The area verification must keep clear (the symbol plus its quiet zone), in mm. */
  zone: Rect
}

/** bwip-js's raw output: a 2D module matrix, or a linear symbol's bar/space widths (bar first). */
type RawSymbol = { pixs: number[]; pixx: number; pixy: number } | { sbs: number[]; bhs: number[]; bbs: number[] }

const BCID: Record<Symbology, string> = { qr: 'qrcode', datamatrix: 'datamatrix', code128: 'code128' }
const DEFAULT_QUIET: Record<Symbology, number> = { qr: 4, datamatrix: 1, code128: 10 }
export const SYMBOLOGY_NAMES: Record<Symbology, string> = {
  qr: 'QR code',
  datamatrix: 'DataMatrix',
  code128: 'Code 128',
}

export class EncodeError extends ConflictError {}

/** Encodes `text`; throws EncodeError with bwip-js's reason when the data cannot be encoded in that symbology. */
export function encode(symbology: Symbology, text: string, quietZone?: number): Symbol {
  let raw: RawSymbol[]
  try {
    // Code 128: no `parse`/`parsefnc`, so `^` and control characters are data (GS stays GS, as scanners send it).
    raw = bwipjs.raw(BCID[symbology], text, symbology === 'qr' ? ({ eclevel: 'M' } as never) : {}) as RawSymbol[]
  } catch (err) {
    throw new EncodeError(
      `Cannot encode ${JSON.stringify(text)} as ${SYMBOLOGY_NAMES[symbology]}: ${err instanceof Error ? err.message : String(err)}`,
    )
  }
  const first = raw[0]
  if (!first) throw new EncodeError(`bwip-js returned no ${SYMBOLOGY_NAMES[symbology]} symbol`)
  const quiet = quietZone ?? DEFAULT_QUIET[symbology]
  if ('pixs' in first) {
    const runs: Rect[] = []
    for (let r = 0; r < first.pixy; r++) {
      // Merge horizontal runs of dark modules into one rectangle each: fewer, larger paths, no hairline seams.
      let start = -1
      for (let c = 0; c <= first.pixx; c++) {
        const dark = c < first.pixx && first.pixs[r * first.pixx + c] === 1
        if (dark && start < 0) start = c
        if (!dark && start >= 0) {
          runs.push({ x: start, y: r, w: c - start, h: 1 })
          start = -1
        }
      }
    }
    return { symbology, columns: first.pixx, rows: first.pixy, quietZone: quiet, runs, linear: false }
  }
  const runs: Rect[] = []
  let x = 0
  first.sbs.forEach((w, i) => {
    if (i % 2 === 0) runs.push({ x, y: 0, w, h: 1 })
    x += w
  })
  return { symbology, columns: x, rows: 1, quietZone: quiet, runs, linear: true }
}

const MM_PER_INCH = 25.4

/**
 * Places a symbol in a box: the largest whole number of printer dots a module that fits the symbol and its quiet
 * zone, or (when not even one dot fits) the exact fractional size, which verification will then refuse.
 * A linear symbol fills the box's height (less `reserveBottom`, kept for the human-readable text).
 */
export function place(
  symbol: Symbol,
  box: Pick<BarcodeElement, 'x' | 'y' | 'width' | 'height' | 'align'>,
  dpi: number,
  reserveBottom = 0,
): PlacedSymbol {
  const dot = MM_PER_INCH / dpi
  const totalX = symbol.columns + 2 * symbol.quietZone
  const totalY = symbol.rows + 2 * symbol.quietZone
  const availH = Math.max(0, box.height - reserveBottom)
  const fitMm = symbol.linear ? box.width / totalX : Math.min(box.width / totalX, availH / totalY)
  const wholeDots = Math.floor(fitMm / dot + 1e-9)
  const module = wholeDots >= 1 ? wholeDots * dot : fitMm
  const width = symbol.columns * module
  const height = symbol.linear ? Math.max(0, availH - 0) : symbol.rows * module
  const quiet = symbol.quietZone * module
  const free = box.width - width - 2 * quiet
  const x = box.x + quiet + (box.align === 'left' ? 0 : box.align === 'right' ? free : free / 2)
  const y = symbol.linear ? box.y : box.y + quiet + Math.max(0, (availH - height - 2 * quiet) / 2)
  const rects = symbol.runs.map((r) => ({
    x: x + r.x * module,
    y: y + r.y * (symbol.linear ? height : module),
    w: r.w * module,
    h: symbol.linear ? height : r.h * module,
  }))
  const zone = symbol.linear
    ? { x: x - quiet, y, w: width + 2 * quiet, h: height }
    : { x: x - quiet, y: y - quiet, w: width + 2 * quiet, h: height + 2 * quiet }
  return { symbol, module, moduleDots: module / dot, x, y, width, height, rects, zone }
}
