/**
 * Drawing laid-out labels: to PDF with pdfkit (barcodes as filled vector rectangles, never a raster image; text in
 * the embedded DejaVu Sans so Ω, µ and ² print), and to SVG for the renderer's live preview. Roll templates get
 * one label per page, the page the size of the label; sheet templates fill the grid row by row.
 */
import PDFDocument from 'pdfkit'
import type { LabelLayout, PlacedText } from './layout'
import { defaultFonts, PT_PER_MM, type Fonts } from './layout'
import type { Rect } from './symbol'
import { PAPER_SIZES, type LabelTemplate } from './template'

export interface PdfOptions {
  /** Sheet templates: labels already used on the first sheet (printing starts after them). */
  skip?: number
  fonts?: Fonts
  /** Document title in the PDF's info. */
  title?: string
  /** Hears how many labels are drawn so far (a job's progress). */
  onLabel?: (done: number) => void
}

const pt = (mm: number): number => mm * PT_PER_MM

function drawText(doc: PDFKit.PDFDocument, t: PlacedText, ox: number, oy: number): void {
  doc.save()
  doc.rect(pt(ox + t.box.x), pt(oy + t.box.y), pt(t.box.w), pt(t.box.h)).clip()
  doc
    .font(t.bold ? 'bold' : 'regular')
    .fontSize(t.fontSize)
    .fillColor('black')
  for (const line of t.lines) {
    doc.text(line.text, pt(ox + line.x), pt(oy + line.baseline), { lineBreak: false, baseline: 'alphabetic' })
  }
  doc.restore()
}

function drawLabel(doc: PDFKit.PDFDocument, l: LabelLayout, ox: number, oy: number): void {
  // The barcode: one path of rectangles, filled black (non-zero winding; the runs never overlap).
  for (const r of l.barcode.rects) doc.rect(pt(ox + r.x), pt(oy + r.y), pt(r.w), pt(r.h))
  doc.fillColor('black').fill()
  for (const t of l.texts) drawText(doc, t, ox, oy)
  if (l.barcodeText) drawText(doc, l.barcodeText, ox, oy)
}

/** Renders labels (all laid out with `template`) to one PDF. */
export function renderPdf(template: LabelTemplate, layouts: LabelLayout[], options: PdfOptions = {}): Promise<Buffer> {
  const page = template.page
  const size: [number, number] =
    page.kind === 'roll'
      ? [pt(page.width), pt(page.height)]
      : [pt(PAPER_SIZES[page.paper][0]), pt(PAPER_SIZES[page.paper][1])]
  const doc = new PDFDocument({
    autoFirstPage: false,
    size,
    margin: 0,
    info: {
      Title: options.title ?? `Labels (${template.name})`,
      Creator: 'Scan Station',
      Producer: 'Scan Station (pdfkit)',
    },
  })
  const fonts = options.fonts ?? defaultFonts()
  doc.registerFont('regular', fonts.regular)
  doc.registerFont('bold', fonts.bold)
  const chunks: Buffer[] = []
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  if (page.kind === 'roll') {
    layouts.forEach((l, i) => {
      doc.addPage({ size, margin: 0 })
      drawLabel(doc, l, 0, 0)
      options.onLabel?.(i + 1)
    })
  } else {
    const perSheet = page.columns * page.rows
    const skip = Math.max(0, Math.min(options.skip ?? 0, perSheet - 1))
    layouts.forEach((l, i) => {
      const slot = (i + skip) % perSheet
      if (i === 0 || slot === 0) doc.addPage({ size, margin: 0 })
      const col = slot % page.columns
      const row = Math.floor(slot / page.columns)
      drawLabel(
        doc,
        l,
        page.marginLeft + col * (page.width + page.gapX),
        page.marginTop + row * (page.height + page.gapY),
      )
      options.onLabel?.(i + 1)
    })
  }
  if (layouts.length === 0) doc.addPage({ size, margin: 0 })
  doc.end()
  return done
}

// ---- SVG preview --------------------------------------------------------------------------------------------------

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
const n = (v: number): string => String(Math.round(v * 1000) / 1000)

function rectPath(rects: Rect[]): string {
  return rects.map((r) => `M${n(r.x)} ${n(r.y)}h${n(r.w)}v${n(r.h)}h${n(-r.w)}z`).join('')
}

/** One label as a standalone SVG (user units are millimetres), for the renderer's live preview. */
export function renderSvg(l: LabelLayout): string {
  const parts: string[] = []
  const texts = [...l.texts, ...(l.barcodeText ? [l.barcodeText] : [])]
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(l.width)}mm" height="${n(l.height)}mm" viewBox="0 0 ${n(l.width)} ${n(l.height)}" data-template="${esc(l.template)}" data-barcode="${esc(l.data)}">`,
  )
  parts.push('<defs>')
  texts.forEach((t, i) =>
    parts.push(
      `<clipPath id="c${i}"><rect x="${n(t.box.x)}" y="${n(t.box.y)}" width="${n(t.box.w)}" height="${n(t.box.h)}"/></clipPath>`,
    ),
  )
  parts.push('</defs>')
  parts.push(`<rect width="${n(l.width)}" height="${n(l.height)}" fill="#fff"/>`)
  parts.push(`<path d="${rectPath(l.barcode.rects)}" fill="#000" shape-rendering="crispEdges"/>`)
  texts.forEach((t, i) => {
    const size = t.fontSize / PT_PER_MM
    parts.push(
      `<g clip-path="url(#c${i})" font-family="'DejaVu Sans', Verdana, sans-serif" font-size="${n(size)}"${t.bold ? ' font-weight="bold"' : ''} fill="#000">`,
    )
    // textLength pins each line to the width measured with the PDF's font, so the preview wraps and cuts alike.
    for (const line of t.lines)
      parts.push(
        `<text x="${n(line.x)}" y="${n(line.baseline)}" textLength="${n(line.width)}" lengthAdjust="spacingAndGlyphs">${esc(line.text)}</text>`,
      )
    parts.push('</g>')
  })
  parts.push('</svg>')
  return parts.join('')
}
