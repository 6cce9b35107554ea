/**
 * Brother QL raster language (QL-700/800 series, 720 dots a line at 300 dpi): the job a label becomes, and the
 * 32-byte reply to a status request. Media geometry (printable dots and where they sit on the head) follows
 * Brother's raster command reference: a label narrower than the head is printed right-aligned with an offset,
 * and each raster line is sent mirrored, the head's first dot being the label's right edge.
 */
import type { PrinterConfig } from '../../../contract'
import { ConflictError } from '../../errors'
import type { Bitmap } from './bitmap'

export const HEAD_DOTS = 720
export const LINE_BYTES = HEAD_DOTS / 8
export const BROTHER_DPI = 300

export type BrotherMediaId = Extract<PrinterConfig, { kind: 'brother-ql' }>['media']

export interface BrotherMedia {
  id: BrotherMediaId
  /** Width across the tape, mm; length along it (0 for continuous tape). */
  widthMm: number
  lengthMm: number
  continuous: boolean
  /** The whole label and the part of it the head reaches, in dots (length 0 for continuous tape). */
  totalDots: [number, number]
  printableDots: [number, number]
  /** Dots between the head's right end and the printable area. */
  offsetRight: number
}

const m = (
  id: BrotherMediaId,
  widthMm: number,
  lengthMm: number,
  totalDots: [number, number],
  printableDots: [number, number],
  offsetRight: number,
): BrotherMedia => ({ id, widthMm, lengthMm, continuous: lengthMm === 0, totalDots, printableDots, offsetRight })

export const BROTHER_MEDIA: Record<BrotherMediaId, BrotherMedia> = {
  '29': m('29', 29, 0, [342, 0], [306, 0], 6),
  '38': m('38', 38, 0, [449, 0], [413, 0], 12),
  '50': m('50', 50, 0, [590, 0], [554, 0], 12),
  '62': m('62', 62, 0, [732, 0], [696, 0], 12),
  '29x90': m('29x90', 29, 90, [342, 1061], [306, 991], 6),
  '38x90': m('38x90', 38, 90, [449, 1061], [413, 991], 12),
  '62x29': m('62x29', 62, 29, [732, 341], [696, 271], 12),
  '62x100': m('62x100', 62, 100, [732, 1179], [696, 1109], 12),
}

export const describeMedia = (media: { widthMm: number; lengthMm: number }): string =>
  media.lengthMm === 0
    ? `${media.widthMm} mm continuous tape`
    : `${media.widthMm} × ${media.lengthMm} mm die-cut labels`

/** Feed before and after a label on continuous tape, in dots (Brother's default 3 mm). */
const CONTINUOUS_FEED_DOTS = 35

export const STATUS_REQUEST = Buffer.from([0x1b, 0x69, 0x53])
/** What a printer in an unknown state needs before a job: 200 NULs end any half-received command. */
const INVALIDATE = Buffer.alloc(200)

export class BrotherJobError extends ConflictError {}

/**
 * Cuts a label bitmap (the whole label, `totalDots`) to the part the head prints. Refuses when ink falls outside
 * it: the printer would silently drop it, and the label would lose part of its text or barcode.
 */
export function printableArea(label: Bitmap, media: BrotherMedia): Bitmap {
  const [pw, pl] = media.printableDots
  const height = media.continuous ? label.height : pl
  const left = Math.floor((label.width - pw) / 2)
  const top = media.continuous ? 0 : Math.floor((label.height - pl) / 2)
  const out: Bitmap = { width: pw, height, dark: new Uint8Array(pw * height) }
  let lost: { x: number; y: number } | null = null
  for (let y = 0; y < label.height; y++) {
    for (let x = 0; x < label.width; x++) {
      if (!label.dark[y * label.width + x]) continue
      const ox = x - left
      const oy = y - top
      if (ox < 0 || ox >= pw || oy < 0 || oy >= height) lost ??= { x, y }
      else out.dark[oy * pw + ox] = 1
    }
  }
  if (lost) {
    const mm = (dots: number): string => ((dots * 25.4) / BROTHER_DPI).toFixed(1)
    throw new BrotherJobError(
      `The label has print ${mm(lost.x)} mm from its left and ${mm(lost.y)} mm from its top edge, outside the ` +
        `${mm(pw)} × ${media.continuous ? 'any' : mm(pl)} mm a Brother QL prints on ${describeMedia(media)}; ` +
        `use a template with wider margins`,
    )
  }
  return out
}

/** One mirrored raster line: printable dot p of the row lands at head dot offsetRight + (width − 1 − p). */
function rasterLine(row: Uint8Array, media: BrotherMedia): Buffer {
  const line = Buffer.alloc(LINE_BYTES)
  const w = row.length
  for (let p = 0; p < w; p++) {
    if (!row[p]) continue
    const dot = media.offsetRight + (w - 1 - p)
    line[dot >> 3]! |= 0x80 >> (dot & 7)
  }
  return line
}

/** The complete job for some labels, each a bitmap of the printable area: one page a label, cut after each. */
export function brotherJob(pages: Bitmap[], media: BrotherMedia): Buffer {
  const parts: Buffer[] = [INVALIDATE, Buffer.from([0x1b, 0x40]), Buffer.from([0x1b, 0x69, 0x61, 0x01])]
  pages.forEach((page, index) => {
    if (page.width !== media.printableDots[0]) {
      throw new BrotherJobError(`A ${page.width}-dot page does not fit ${describeMedia(media)}`)
    }
    const info = Buffer.alloc(13)
    info.set([0x1b, 0x69, 0x7a], 0)
    // Valid: recovery on, media type and width given, quality first; the length only for die-cut labels, as in
    // Brother's reference (continuous tape has no length for the printer to check against the loaded roll).
    info[3] = 0x80 | 0x02 | 0x04 | (media.continuous ? 0 : 0x08) | 0x40
    info[4] = media.continuous ? 0x0a : 0x0b
    info[5] = media.widthMm
    info[6] = media.lengthMm
    info.writeUInt32LE(page.height, 7)
    info[11] = index === 0 ? 0 : 1
    info[12] = 0
    parts.push(info)
    parts.push(Buffer.from([0x1b, 0x69, 0x4d, 0x40])) // auto cut
    parts.push(Buffer.from([0x1b, 0x69, 0x41, 0x01])) // cut every label
    parts.push(Buffer.from([0x1b, 0x69, 0x4b, 0x08])) // cut at end
    const margin = media.continuous ? CONTINUOUS_FEED_DOTS : 0
    parts.push(Buffer.from([0x1b, 0x69, 0x64, margin & 0xff, margin >> 8]))
    parts.push(Buffer.from([0x4d, 0x00])) // no compression
    for (let y = 0; y < page.height; y++) {
      const row = page.dark.subarray(y * page.width, (y + 1) * page.width)
      parts.push(Buffer.from([0x67, 0x00, LINE_BYTES]), rasterLine(row, media))
    }
    parts.push(Buffer.from([index === pages.length - 1 ? 0x1a : 0x0c]))
  })
  return Buffer.concat(parts)
}

// ---- status ------------------------------------------------------------------------------------------------------

export interface BrotherStatus {
  /** Media width and length in mm as the printer reads them from the roll (length 0: continuous). */
  widthMm: number
  lengthMm: number
  mediaType: 'continuous' | 'die-cut' | 'none' | 'unknown'
  errors: string[]
}

const ERRORS_1 = [
  'no media: load a DK roll',
  'end of media',
  'cutter jam: clear the cutter',
  '',
  'printer in use',
  'printer turned off',
  '',
  'fan error',
]
const ERRORS_2 = [
  'wrong media: replace the roll',
  'expansion buffer full',
  'communication error',
  '',
  'cover open: close it',
  '',
  'media cannot be fed: check the roll',
  'system error: switch the printer off and on',
]

export class BrotherStatusError extends Error {}

export function parseBrotherStatus(reply: Buffer): BrotherStatus {
  if (reply.length < 32 || reply[0] !== 0x80 || reply[1] !== 0x20 || reply[2] !== 0x42) {
    throw new BrotherStatusError(
      `The printer’s status reply is not a Brother QL one (${reply.length} bytes, starting ${reply.subarray(0, 3).toString('hex') || 'with nothing'})`,
    )
  }
  const bits = (byte: number, names: string[]): string[] => names.filter((n, i) => n && byte & (1 << i))
  const type = reply[11]
  return {
    widthMm: reply[10]!,
    lengthMm: reply[17]!,
    mediaType: type === 0x0a ? 'continuous' : type === 0x0b ? 'die-cut' : type === 0x00 ? 'none' : 'unknown',
    errors: [...bits(reply[8]!, ERRORS_1), ...bits(reply[9]!, ERRORS_2)],
  }
}
