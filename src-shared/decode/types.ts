/**
 * Types of the decode pipeline. The pipeline is pure: it needs nothing from the DOM beyond the shape of an
 * ImageData, so the same code runs in the renderer's Web Worker and in Node (CLI, bench, tests).
 */

/** An RGBA image, four bytes a pixel, rows top to bottom (the shape of the DOM's ImageData). */
export interface RgbaImage {
  data: Uint8ClampedArray | Uint8Array
  width: number
  height: number
}

/** Canonical format names (zxing-cpp's names, which the station reports for both engines). */
export type BarcodeFormatName =
  | 'EAN13'
  | 'EAN8'
  | 'UPCA'
  | 'UPCE'
  | 'Code128'
  | 'Code39'
  | 'Code93'
  | 'Codabar'
  | 'ITF'
  | 'QRCode'
  | 'MicroQRCode'
  | 'DataMatrix'
  | 'PDF417'
  | 'Aztec'
  | 'DataBar'
  | (string & {})

export interface DecodeResult {
  text: string
  format: BarcodeFormatName
  /** AIM symbology identifier, e.g. `]E0` EAN-13, `]C0` Code 128, `]Q1` QR, `]d1` DataMatrix. */
  symbologyId: string
}

/** Which engine produced a result (kept out of DecodeResult so callers see one shape). */
export type EngineName = 'quagga2' | 'zxing'
