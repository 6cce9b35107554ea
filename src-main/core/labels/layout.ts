/**
 * Label layout: a template plus an item's data → every element's final position, font size and lines, and the
 * barcode's rectangles, all in millimetres. The PDF renderer and the SVG preview only draw a layout, so they
 * cannot disagree, and text is fitted here once: shrunk down to its minimum size, then cut with an ellipsis, so it
 * never leaves its box (and its box never leaves the label: the template schema checks that).
 */
import PDFDocument from 'pdfkit'
import { join } from 'node:path'
import type { ItemDetail, ModelType } from '../../contract'
import { ConflictError, NotFoundError } from '../errors'
import { localDateTime } from '../../../src-shared/local-time'
import { encode, place, SYMBOLOGY_NAMES, type PlacedSymbol, type Rect } from './symbol'
import { defaultLabelsDir, PLACEHOLDER, TemplateError, type LabelTemplate, type TextElement } from './template'

export const PT_PER_MM = 72 / 25.4
/** Line height as a multiple of the font size (DejaVu Sans: ascent 0.928 + descent 0.236 em). */
export const LINE_HEIGHT = 1.17
const ASCENT = 0.928
const ELLIPSIS = '…'
/** The one barcode generator built in (InvenTree's name for it, the `barcode.generationPlugin` setting). */
export const BUILTIN_GENERATOR = 'InvenTreeBarcode'

export interface TextLine {
  text: string
  /** Left edge and baseline, mm. */
  x: number
  baseline: number
  /** Measured width, mm. */
  width: number
}

export interface PlacedText {
  lines: TextLine[]
  fontSize: number
  bold: boolean
  /** The element's box: drawing is clipped to it as a last guard. */
  box: Rect
  /** True when the text was cut with an ellipsis. */
  truncated: boolean
}

export interface LabelLayout {
  template: string
  model: ModelType
  pk: number
  /** The label's size, mm. */
  width: number
  height: number
  dpi: number
  minModuleDots: number
  /** The exact text the barcode encodes (what verification must read back). */
  data: string
  barcode: PlacedSymbol
  /** The human-readable line under the barcode, when shown. */
  barcodeText: PlacedText | null
  texts: PlacedText[]
}

/** The facts about an item a label can show. */
export interface LabelData {
  detail: ItemDetail
  linked: string | null
  showText: boolean
  /** The zone dates print in: the station machine's, taken when the item is read (a render worker may not share it). */
  timeZone: string
}

/** A label that cannot be made for this item (data the symbology cannot encode, a missing form). */
export class LabelError extends ConflictError {}

// ---- fonts and measuring ----------------------------------------------------------------------------------------

export interface Fonts {
  regular: string
  bold: string
}

export function defaultFonts(dir = defaultLabelsDir()): Fonts {
  return { regular: join(dir, 'fonts', 'DejaVuSans.ttf'), bold: join(dir, 'fonts', 'DejaVuSans-Bold.ttf') }
}

/** Widths of strings in points, from the same font files the PDF embeds. */
export class Measurer {
  private readonly doc: PDFKit.PDFDocument
  private readonly cache = new Map<string, number>()

  constructor(readonly fonts: Fonts = defaultFonts()) {
    this.doc = new PDFDocument({ autoFirstPage: false })
    this.doc.registerFont('regular', fonts.regular)
    this.doc.registerFont('bold', fonts.bold)
  }

  /** Width in points at `size` points. */
  width(text: string, size: number, bold: boolean): number {
    const key = `${bold ? 'b' : 'r'}${text}`
    let unit = this.cache.get(key)
    if (unit === undefined) {
      unit =
        this.doc
          .font(bold ? 'bold' : 'regular')
          .fontSize(1000)
          .widthOfString(text) / 1000
      if (this.cache.size > 5000) this.cache.clear()
      this.cache.set(key, unit)
    }
    return unit * size
  }
}

let sharedMeasurer: Measurer | null = null
export function measurer(): Measurer {
  return (sharedMeasurer ??= new Measurer())
}

// ---- data -------------------------------------------------------------------------------------------------------

/**
 * What a label needs from the station: an item's detail (which carries its barcode forms and linked barcode) and
 * the two label settings. Labels never see the Station itself, so the Station can load them lazily.
 */
export interface LabelSource {
  item(model: ModelType, pk: number): ItemDetail
  /** The `barcode.generationPlugin` setting. */
  generator: string
  /** The `barcode.showText` setting: the barcode's text under it. */
  showText: boolean
}

export function labelData(source: LabelSource, model: ModelType, pk: number): LabelData {
  if (source.generator !== BUILTIN_GENERATOR) {
    throw new LabelError(
      `The barcode generation plugin "${source.generator}" (setting barcode.generationPlugin) is not available: this station generates ${BUILTIN_GENERATOR} barcodes only`,
    )
  }
  const detail = source.item(model, pk)
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone
  return { detail, linked: detail.linked, showText: source.showText, timeZone }
}

/** The text a template's barcode encodes for an item. */
export function barcodeData(template: LabelTemplate, data: LabelData): string {
  const { detail } = data
  const b = template.barcode
  if (b.source === 'linked') {
    if (!data.linked)
      throw new NotFoundError(
        `${detail.model} ${detail.pk} (${detail.title}) has no linked barcode; template ${template.name} prints the linked one`,
      )
    return data.linked
  }
  if (b.form === 'json') return detail.barcode.json
  if (b.form === 'short') {
    if (!detail.barcode.short)
      throw new LabelError(`${detail.model} has no short barcode form; template ${template.name} asks for it`)
    return detail.barcode.short
  }
  return detail.barcode.preferred
}

/** Control characters (GS, RS, EOT in supplier barcodes) shown as their Unicode pictures. */
export const printable = (s: string): string =>
  // eslint-disable-next-line no-control-regex -- supplier barcodes carry GS/RS/EOT: showing them is the point
  s.replace(/[\u0000-\u001f]/g, (c) => String.fromCharCode(0x2400 + c.charCodeAt(0)))

/** Fills `{title}`, `{field:Batch}`…; an unknown field is an error naming the element. */
export function fillText(text: string, data: LabelData, encoded: string, where: string): string {
  const { detail } = data
  return text.replace(PLACEHOLDER, (_m, name: string, arg: string | undefined) => {
    switch (name) {
      case 'title':
        return detail.title
      case 'subtitle':
        return detail.subtitle
      case 'barcode':
        return printable(encoded)
      case 'model':
        return detail.model
      case 'pk':
        return String(detail.pk)
      case 'json':
        return detail.barcode.json
      case 'short':
        return detail.barcode.short ?? ''
      case 'linked':
        return printable(data.linked ?? '')
      case 'field': {
        const label = arg!.trim()
        const field = detail.fields.find((f) => f.label === label)
        if (!field) {
          // "Linked barcode" exists only on linked items: absent means empty, not a typo.
          if (label === 'Linked barcode') return ''
          throw new TemplateError(
            `${where}: ${detail.model} has no field "${label}" (its fields: ${detail.fields.map((f) => f.label).join(', ')})`,
          )
        }
        if (field.value === null) return ''
        return typeof field.value === 'string'
          ? printable(localDateTime(field.value, { timeZone: data.timeZone }))
          : printable(String(field.value))
      }
      default:
        return ''
    }
  })
}

/**
 * Why a template cannot make a label for this item (another model type, no linked barcode to print, a field the
 * item does not have), or null when it can: a picker offers only templates that can, so no choice ends in a refusal.
 */
export function whyTemplateDoesNotFit(template: LabelTemplate, data: LabelData): string | null {
  const { detail } = data
  if (!(template.models as string[]).includes(detail.model)) return `it is for ${template.models.join(', ')}`
  if (template.barcode.source === 'linked' && !data.linked) return 'it prints the linked barcode, and there is none'
  if (template.barcode.source === 'internal' && template.barcode.form === 'short' && !detail.barcode.short)
    return 'it prints the short barcode form, which this item has not'
  const labels = new Set(detail.fields.map((f) => f.label))
  for (const el of template.texts) {
    for (const m of el.text.matchAll(PLACEHOLDER)) {
      const label = m[1] === 'field' ? m[2]?.trim() : undefined
      // "Linked barcode" is absent on items without one, which prints as empty (see fillText).
      if (label && label !== 'Linked barcode' && !labels.has(label)) return `it prints the field "${label}"`
    }
  }
  return null
}

/** True when `text` has placeholders and every one of them is empty for this item. */
function placeholdersEmpty(text: string, data: LabelData, encoded: string): boolean {
  const found = [...text.matchAll(PLACEHOLDER)]
  return found.length > 0 && found.every((m) => fillText(m[0], data, encoded, '').trim() === '')
}

// ---- text fitting -------------------------------------------------------------------------------------------------

/** Greedy word wrap into at most `maxLines` lines; returns null when the text needs more. */
function wrap(
  text: string,
  widthPt: number,
  size: number,
  bold: boolean,
  maxLines: number,
  m: Measurer,
): string[] | null {
  const words = text.split(/\s+/).filter(Boolean)
  const lines: string[] = []
  let line = ''
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word
    if (m.width(candidate, size, bold) <= widthPt) {
      line = candidate
      continue
    }
    if (line) lines.push(line)
    if (lines.length >= maxLines) return null
    if (m.width(word, size, bold) <= widthPt) {
      line = word
      continue
    }
    // A single word wider than the box: break it by characters.
    let rest = word
    while (m.width(rest, size, bold) > widthPt) {
      let n = rest.length - 1
      while (n > 1 && m.width(rest.slice(0, n), size, bold) > widthPt) n--
      lines.push(rest.slice(0, n))
      if (lines.length >= maxLines) return null
      rest = rest.slice(n)
    }
    line = rest
  }
  if (line) lines.push(line)
  return lines.length <= maxLines ? lines : null
}

/** The longest prefix of `text` that fits with an ellipsis after it. */
function ellipsize(text: string, widthPt: number, size: number, bold: boolean, m: Measurer): string {
  if (m.width(text, size, bold) <= widthPt) return text
  let lo = 0
  let hi = text.length
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2)
    if (m.width(text.slice(0, mid).trimEnd() + ELLIPSIS, size, bold) <= widthPt) lo = mid
    else hi = mid - 1
  }
  return lo === 0 ? (m.width(ELLIPSIS, size, bold) <= widthPt ? ELLIPSIS : '') : text.slice(0, lo).trimEnd() + ELLIPSIS
}

export interface FitBox {
  x: number
  y: number
  width: number
  height: number
  fontSize: number
  minFontSize?: number
  bold: boolean
  align: 'left' | 'center' | 'right'
  maxLines: number
}

/** Shrinks the text until it fits its box, then (at the minimum size) cuts the last line with an ellipsis. */
export function fitText(text: string, el: FitBox, m: Measurer = measurer()): PlacedText {
  const widthPt = el.width * PT_PER_MM
  const heightPt = el.height * PT_PER_MM
  // The box's height caps the size too: one line must fit, whatever the template asked for.
  const tallest = heightPt / LINE_HEIGHT
  const max = Math.min(el.fontSize, tallest)
  const min = Math.min(max, el.minFontSize ?? Math.max(4, el.fontSize * 0.6))
  const linesAt = (size: number): number =>
    Math.max(1, Math.min(el.maxLines, Math.floor(heightPt / (size * LINE_HEIGHT) + 1e-9)))
  let size = max
  let lines: string[] | null = null
  let truncated = false
  for (let s = max; s >= min - 1e-9; s -= 0.25) {
    lines = wrap(text, widthPt, s, el.bold, linesAt(s), m)
    if (lines) {
      size = s
      break
    }
  }
  if (!lines) {
    size = min
    const n = linesAt(size)
    const all = wrap(text, widthPt, size, el.bold, 10_000, m) ?? [text]
    // The rest of the text goes on the last line, cut to fit (greedy wrapping broke it, so it does not fit whole).
    lines = [...all.slice(0, n - 1), ellipsize(all.slice(n - 1).join(' '), widthPt, size, el.bold, m)]
    truncated = true
  }
  const sizeMm = size / PT_PER_MM
  const placed = lines.map((line, i) => {
    const w = m.width(line, size, el.bold) / PT_PER_MM
    const x = el.align === 'left' ? el.x : el.align === 'right' ? el.x + el.width - w : el.x + (el.width - w) / 2
    return { text: line, x, baseline: el.y + sizeMm * (i * LINE_HEIGHT + ASCENT), width: w }
  })
  return {
    lines: placed,
    fontSize: size,
    bold: el.bold,
    box: { x: el.x, y: el.y, w: el.width, h: el.height },
    truncated,
  }
}

// ---- the label ----------------------------------------------------------------------------------------------------

export function layoutLabel(template: LabelTemplate, data: LabelData, m: Measurer = measurer()): LabelLayout {
  const { detail } = data
  if (!(template.models as string[]).includes(detail.model)) {
    throw new TemplateError(`Label template ${template.name} is for ${template.models.join(', ')}, not ${detail.model}`)
  }
  const encoded = barcodeData(template, data)
  const b = template.barcode
  const show = b.humanReadable === 'setting' ? data.showText : b.humanReadable
  const textH = show ? (b.textSize * LINE_HEIGHT) / PT_PER_MM : 0
  if (textH >= b.height)
    throw new TemplateError(
      `Label template ${template.name}: barcode.textSize ${b.textSize} pt leaves no room for the symbol in a ${b.height} mm box`,
    )
  let symbol
  try {
    symbol = encode(b.symbology, encoded, b.quietZone)
  } catch (err) {
    throw new LabelError(`Label template ${template.name}: ${err instanceof Error ? err.message : String(err)}`)
  }
  const barcode = place(symbol, b, template.printer.dpi, textH)
  const barcodeText = show
    ? fitText(
        printable(encoded),
        {
          x: b.x,
          y: b.y + b.height - textH,
          width: b.width,
          height: textH,
          fontSize: b.textSize,
          minFontSize: Math.min(b.textSize, 4),
          bold: false,
          align: 'center',
          maxLines: 1,
        },
        m,
      )
    : null
  const texts = template.texts
    .map((el: TextElement, i) => ({
      el,
      text: fillText(el.text, data, encoded, `Label template ${template.name} texts[${i}].text`),
      empty: placeholdersEmpty(el.text, data, encoded),
    }))
    // "Batch {field:Batch}" on an item without a batch prints nothing, not a dangling "Batch".
    .filter(({ text, empty }) => text.trim() !== '' && !empty)
    .map(({ el, text }) => fitText(text, el, m))
  return {
    template: template.name,
    model: detail.model,
    pk: detail.pk,
    width: template.page.width,
    height: template.page.height,
    dpi: template.printer.dpi,
    minModuleDots: template.printer.minModuleDots,
    data: encoded,
    barcode,
    barcodeText,
    texts,
  }
}

export const symbologyName = (l: LabelLayout): string => SYMBOLOGY_NAMES[l.barcode.symbol.symbology]
