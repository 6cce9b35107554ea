/**
 * Verify by re-scan: before a label is offered, its barcode is rasterised the way the printer will print it (at the
 * template's dpi, each dot black or white, from the same rectangles the PDF draws) and read back with the
 * station's own decoder (the pipeline the webcam uses). A label whose barcode does not read back as exactly the
 * intended text, or whose modules are thinner than the printer can print reliably, is refused with the reason.
 * `rasterisePdf` offers the independent check (poppler's pdftoppm on the PDF itself) that the tests use.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { decodeImageBytes, setupNodeDecoder } from '../decode/node'
import { decodeImage } from '../../../src-shared/decode/pipeline'
import type { DecodeResult, RgbaImage } from '../../../src-shared/decode/types'
import { symbologyName, type LabelLayout } from './layout'
import type { Rect } from './symbol'

export type Verification =
  | { ok: true; decoded: DecodeResult; ms: number }
  | { ok: false; reason: string; decoded?: DecodeResult | null; ms: number }

export type Decoder = (image: RgbaImage) => Promise<DecodeResult | null>

export interface VerifyOptions {
  /** The decoder to read with (default: the station's pipeline, `decodeImage`, thorough). */
  decode?: Decoder
}

/** The format names the decoder reports for each symbology. */
const EXPECTED_FORMAT = { qr: 'QRCode', datamatrix: 'DataMatrix', code128: 'Code128' } as const

const defaultDecoder: Decoder = (image) => {
  setupNodeDecoder()
  return decodeImage(image, { effort: 'thorough' })
}

/**
 * The label as a binary printer prints it: a dot is black when its centre falls in a dark rectangle. Only the
 * barcode is drawn (templates keep text out of its box), on a label-sized white page.
 */
export function rasteriseBarcode(l: LabelLayout): RgbaImage {
  const dot = 25.4 / l.dpi
  const width = Math.max(1, Math.round(l.width / dot))
  const height = Math.max(1, Math.round(l.height / dot))
  const data = new Uint8ClampedArray(width * height * 4).fill(255)
  const first = (mm: number): number => Math.max(0, Math.ceil(mm / dot - 0.5 - 1e-9))
  for (const r of l.barcode.rects as Rect[]) {
    const x0 = first(r.x)
    const x1 = Math.min(width, first(r.x + r.w))
    const y0 = first(r.y)
    const y1 = Math.min(height, first(r.y + r.h))
    for (let y = y0; y < y1; y++) {
      const row = y * width * 4
      for (let x = x0; x < x1; x++) {
        const i = row + x * 4
        data[i] = 0
        data[i + 1] = 0
        data[i + 2] = 0
      }
    }
  }
  return { data, width, height }
}

const mm2 = (v: number): string => `${Math.round(v * 100) / 100} mm`

/** Why a barcode of this size may fail, and what box would do (for the refusal's reason). */
function sizeAdvice(l: LabelLayout): string {
  const b = l.barcode
  const s = b.symbol
  const dot = 25.4 / l.dpi
  const across = s.columns + 2 * s.quietZone
  const modules = s.linear
    ? `${s.columns} modules plus a ${s.quietZone}-module quiet zone each side`
    : `${s.columns} × ${s.rows} modules plus a ${s.quietZone}-module quiet zone`
  const need = across * l.minModuleDots * dot
  const dims = s.linear ? `${mm2(need)} wide` : `${mm2(need)} square`
  return (
    `its modules are ${mm2(b.module)} = ${Math.round(b.moduleDots * 100) / 100} printer dots at ${l.dpi} dpi (${modules}); ` +
    `at ${l.minModuleDots} dots a module it needs a box at least ${dims}, or shorter data`
  )
}

/** Renders the layout's barcode as the printer would and decodes it with the station's decoder. */
export async function verifyLayout(l: LabelLayout, options: VerifyOptions = {}): Promise<Verification> {
  const started = performance.now()
  const decode = options.decode ?? defaultDecoder
  const name = symbologyName(l)
  const ms = (): number => Math.round((performance.now() - started) * 10) / 10
  const decoded = await decode(rasteriseBarcode(l))
  if (!decoded) {
    return {
      ok: false,
      decoded,
      ms: ms(),
      reason: `The station's decoder cannot read this label's ${name} back from a ${l.dpi} dpi print: ${sizeAdvice(l)}`,
    }
  }
  if (decoded.text !== l.data) {
    return {
      ok: false,
      decoded,
      ms: ms(),
      reason: `The label's ${name} reads back as ${JSON.stringify(decoded.text)}, not ${JSON.stringify(l.data)}`,
    }
  }
  const expected = EXPECTED_FORMAT[l.barcode.symbol.symbology]
  if (decoded.format !== expected) {
    return {
      ok: false,
      decoded,
      ms: ms(),
      reason: `The label's ${name} reads back as a ${decoded.format}, not a ${expected}`,
    }
  }
  if (l.barcode.moduleDots < l.minModuleDots - 1e-9) {
    return {
      ok: false,
      decoded,
      ms: ms(),
      reason: `The label's ${name} is too small to print reliably: ${sizeAdvice(l)}`,
    }
  }
  return { ok: true, decoded, ms: ms() }
}

// ---- pdftoppm --------------------------------------------------------------------------------------------------------

export class PdftoppmMissing extends Error {
  constructor() {
    super('pdftoppm was not found: install poppler-utils (apt-get install poppler-utils) to rasterise label PDFs')
  }
}

/** Rasterises one page of a PDF with poppler's pdftoppm (`-r DPI -png`) and returns the PNG bytes. */
export async function rasterisePdfPng(pdf: Buffer, dpi = 300, page = 1, bin = 'pdftoppm'): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'scan-station-label-'))
  try {
    const input = join(dir, 'label.pdf')
    writeFileSync(input, pdf)
    const out = join(dir, 'page')
    await new Promise<void>((resolve, reject) => {
      const child = spawn(
        bin,
        ['-r', String(dpi), '-png', '-f', String(page), '-l', String(page), '-singlefile', input, out],
        { stdio: ['ignore', 'ignore', 'pipe'] },
      )
      let err = ''
      child.stderr.on('data', (d: Buffer) => (err += d.toString()))
      child.on('error', (e: NodeJS.ErrnoException) => reject(e.code === 'ENOENT' ? new PdftoppmMissing() : e))
      child.on('close', (code) =>
        code === 0 ? resolve() : reject(new Error(`pdftoppm exited ${code}: ${err.trim()}`)),
      )
    })
    return readFileSync(`${out}.png`)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export async function rasterisePdf(pdf: Buffer, dpi = 300, page = 1): Promise<RgbaImage> {
  return decodeImageBytes(await rasterisePdfPng(pdf, dpi, page))
}
