/**
 * A label layout as ZPL II: the same positions and lines the PDF draws, with the barcode as the printer's own
 * symbol (^BQ QR, ^BX DataMatrix, ^BC Code 128) so the head draws whole-dot modules rather than a scaled image.
 * Sizes are in the printer's dots: Zebra heads are 8 dots/mm ("203 dpi") or 12 dots/mm ("300 dpi").
 */
import { ConflictError } from '../../errors'
import type { LabelLayout, PlacedText } from '../layout'
import { PT_PER_MM } from '../layout'

/** Zebra's dots per millimetre for the two head resolutions. */
export const dotsPerMm = (dpi: 203 | 300): number => (dpi === 300 ? 12 : 8)

const ASCENT = 0.928
/** ^FH's hex indicator: field data carries `_XX` for every byte ZPL would otherwise read as a command. */
const HEX = '_'

/**
 * Field data safe inside ^FD: `^` and `~` start commands, the indicator itself and anything outside printable
 * ASCII go as their UTF-8 bytes in hex (^CI28 makes the printer read them back as UTF-8).
 */
export function fieldData(text: string): string {
  let out = ''
  for (const byte of Buffer.from(text, 'utf8')) {
    const c = String.fromCharCode(byte)
    out += byte < 0x20 || byte > 0x7e || c === '^' || c === '~' || c === HEX ? `${HEX}${hex(byte)}` : c
  }
  return out
}

const hex = (byte: number): string => byte.toString(16).toUpperCase().padStart(2, '0')

export class ZplError extends ConflictError {}

function textZpl(t: PlacedText, dpmm: number): string[] {
  const h = Math.max(10, Math.round((t.fontSize / PT_PER_MM) * dpmm))
  const align = (line: PlacedText['lines'][number]): 'L' | 'C' | 'R' => {
    const left = line.x - t.box.x
    const right = t.box.x + t.box.w - (line.x + line.width)
    return Math.abs(left - right) < 0.2 ? 'C' : left < right ? 'L' : 'R'
  }
  return t.lines.map((line) => {
    const top = Math.max(0, line.baseline - (t.fontSize / PT_PER_MM) * ASCENT)
    // A one-line field block the width of the element's box: the printer's font is not the PDF's, so its own
    // alignment keeps centred text centred, and the block keeps the text inside the box.
    return (
      `^FO${Math.round(t.box.x * dpmm)},${Math.round(top * dpmm)}^A0N,${h},${h}` +
      `^FB${Math.max(1, Math.round(t.box.w * dpmm))},1,0,${align(line)},0^FH${HEX}^FD${fieldData(line.text)}^FS`
    )
  })
}

/** A DataMatrix escape character the data does not contain (^BX reads its escape sequences in the data). */
function escapeFor(data: string): string {
  const free = ['~', '`', '|', '#', '!'].find((c) => !data.includes(c))
  if (!free) throw new ZplError('The barcode data uses every DataMatrix escape character the printer accepts')
  return free
}

function barcodeZpl(l: LabelLayout, dpmm: number): string[] {
  const b = l.barcode
  const s = b.symbol
  const zone = b.zone
  const across = s.columns + 2 * s.quietZone
  const down = s.rows + 2 * s.quietZone
  // Modules are re-snapped to whole dots of this printer, as large as the symbol's box allows.
  const fit = s.linear
    ? Math.floor((zone.w * dpmm) / across + 1e-9)
    : Math.floor(Math.min((zone.w * dpmm) / across, (zone.h * dpmm) / down) + 1e-9)
  const module = Math.min(10, fit)
  if (module < 1) {
    throw new ZplError(
      `The ${l.template} barcode box is too small for one ${dpmm} dots/mm dot a module (${across} modules across ${zone.w.toFixed(1)} mm)`,
    )
  }
  const symbolW = s.columns * module
  const symbolH = s.linear ? Math.round(b.height * dpmm) : s.rows * module
  const x = Math.round((zone.x + zone.w / 2) * dpmm - symbolW / 2)
  const y = s.linear ? Math.round(b.y * dpmm) : Math.round((zone.y + zone.h / 2) * dpmm - symbolH / 2)
  const data = fieldData(l.data)
  switch (s.symbology) {
    case 'qr':
      // Model 2, error correction M (what the PDF's symbol uses), automatic data mode.
      return [`^FO${x},${y}^BQN,2,${module}^FH${HEX}^FDMA,${data}^FS`]
    case 'datamatrix':
      // ECC 200 at the symbol size the preview shows, so the printed one has the same modules.
      return [`^FO${x},${y}^BXN,${module},200,${s.columns},${s.rows},6,${escapeFor(l.data)}^FH${HEX}^FD${data}^FS`]
    case 'code128':
      // Automatic subset choice; the human-readable line is the layout's own text, not the printer's.
      return [`^BY${module}^FO${x},${y}^BCN,${symbolH},N,N,N,A^FH${HEX}^FD${data}^FS`]
  }
}

/** One label as a complete ZPL format (^XA … ^XZ), sized to the template's page at the printer's resolution. */
export function layoutToZpl(l: LabelLayout, dpi: 203 | 300): string {
  const dpmm = dotsPerMm(dpi)
  const texts = [...l.texts, ...(l.barcodeText ? [l.barcodeText] : [])]
  return [
    '^XA',
    '^CI28',
    `^PW${Math.round(l.width * dpmm)}`,
    `^LL${Math.round(l.height * dpmm)}`,
    '^LH0,0',
    ...barcodeZpl(l, dpmm),
    ...texts.flatMap((t) => textZpl(t, dpmm)),
    '^PQ1',
    '^XZ',
  ].join('\n')
}
