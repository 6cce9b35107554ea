/**
 * The desk's label printers, behind two calls: `printerStatus(config)` asks the printer what it has loaded and
 * what stops it, and `printToPrinter(layouts, config)` turns verified label layouts into the printer's own
 * language (ZPL for a Zebra, raster lines for a Brother QL) and sends them, after refusing a job the printer
 * would print wrong or not at all: paper out, head open, or media of another size than the template's.
 * The system printer (Electron's PDF printing) stays with the caller: it prints the PDF, not a layout.
 */
import type { PrinterConfig, PrinterStatusView } from '../../../contract'
import { ConflictError } from '../../errors'
import type { LabelLayout } from '../layout'
import { layoutBitmap, rotateRight } from './bitmap'
import {
  BROTHER_DPI,
  BROTHER_MEDIA,
  brotherJob,
  describeMedia,
  parseBrotherStatus,
  printableArea,
  STATUS_REQUEST,
  type BrotherMedia,
  type BrotherStatus,
} from './brother-ql'
import { cupsSend, tcpQuery, tcpSend } from './transport'
import { dotsPerMm, layoutToZpl } from './zpl'
import { HOST_STATUS_QUERY, hostStatusStrings, parseHostStatus, zebraProblems, type ZebraStatus } from './zebra-status'

export { CupsMissingError, PrinterUnreachableError } from './transport'

type Zebra = Extract<PrinterConfig, { kind: 'zpl-tcp' }>
type Brother = Extract<PrinterConfig, { kind: 'brother-ql' }>
type Network = Zebra | Brother

export interface PrinterOptions {
  /** How long to wait for the printer to connect and answer, ms (default 3 s). */
  timeoutMs?: number
  /** The `lp` command (tests point it elsewhere). */
  lp?: string
}

/** A job the printer would print wrong or not at all; the message names what to fix. */
export class PrintRefusedError extends ConflictError {}

export function printerName(config: PrinterConfig): string {
  switch (config.kind) {
    case 'system':
      return config.name ? `system printer "${config.name}"` : 'the system print dialog'
    case 'zpl-tcp':
      return `Zebra at ${config.host}:${config.port}`
    case 'zpl-cups':
      return `Zebra on CUPS queue "${config.queue}"`
    case 'brother-ql':
      return `Brother ${config.model} at ${config.host}:${config.port}`
  }
}

const target = (config: Network, options: PrinterOptions) => ({
  host: config.host,
  port: config.port,
  timeoutMs: options.timeoutMs,
})

const mm1 = (v: number): string => (Math.round(v * 10) / 10).toString()
const size = (l: LabelLayout): string => `${mm1(l.width)} × ${mm1(l.height)} mm`

// ---- Zebra -----------------------------------------------------------------------------------------------------

export async function zebraStatus(config: Zebra, options: PrinterOptions = {}): Promise<ZebraStatus> {
  const reply = await tcpQuery(target(config, options), Buffer.from(HOST_STATUS_QUERY, 'latin1'), (r) =>
    Boolean(hostStatusStrings(r)),
  )
  return parseHostStatus(reply)
}

/** A label length the printer measured matches a template within a millimetre (its gap sensor's tolerance). */
const LENGTH_TOLERANCE_MM = 1

function checkZebraMedia(config: Zebra, status: ZebraStatus, layouts: LabelLayout[]): void {
  const dpmm = dotsPerMm(config.dpi)
  const loaded = status.labelLengthDots / dpmm
  for (const l of layouts) {
    if (Math.abs(l.height - loaded) > LENGTH_TOLERANCE_MM) {
      throw new PrintRefusedError(
        `Template ${l.template} is ${size(l)}, but the ${printerName(config)} has ${mm1(loaded)} mm long labels ` +
          `loaded (${status.labelLengthDots} dots at ${dpmm} dots/mm): load ${size(l)} labels and calibrate, or ` +
          `choose a template of ${mm1(loaded)} mm`,
      )
    }
  }
}

// ---- Brother QL ------------------------------------------------------------------------------------------------

export async function brotherStatus(config: Brother, options: PrinterOptions = {}): Promise<BrotherStatus> {
  const reply = await tcpQuery(target(config, options), STATUS_REQUEST, (r) => r.length >= 32)
  return parseBrotherStatus(reply)
}

function loadedMedia(config: Brother, status: BrotherStatus): BrotherMedia {
  const media = Object.values(BROTHER_MEDIA).find(
    (m) => m.widthMm === status.widthMm && m.lengthMm === (status.mediaType === 'continuous' ? 0 : status.lengthMm),
  )
  if (!media) {
    throw new PrintRefusedError(
      `The ${printerName(config)} has ${status.widthMm} mm ${status.mediaType} media loaded, which the station cannot print on`,
    )
  }
  return media
}

/** The label's bitmap oriented for the media: the template's width across the tape, or turned when it is long. */
function brotherPage(config: Brother, media: BrotherMedia, l: LabelLayout): ReturnType<typeof layoutBitmap> {
  const fits = (across: number, along: number): boolean =>
    Math.abs(across - media.widthMm) <= LENGTH_TOLERANCE_MM &&
    (media.continuous || Math.abs(along - media.lengthMm) <= LENGTH_TOLERANCE_MM)
  const bitmap = layoutBitmap(l, BROTHER_DPI)
  if (fits(l.width, l.height)) return bitmap
  if (fits(l.height, l.width)) return rotateRight(bitmap)
  throw new PrintRefusedError(
    `Template ${l.template} is ${size(l)}, but the ${printerName(config)} has ${describeMedia(media)} loaded: ` +
      `load media of that size or choose a template for ${describeMedia(media)}`,
  )
}

// ---- status ------------------------------------------------------------------------------------------------------

function view(
  config: PrinterConfig,
  fields: Omit<PrinterStatusView, 'kind' | 'printer' | 'message'>,
): PrinterStatusView {
  const printer = printerName(config)
  const message = !fields.reachable
    ? `${printer}: not reachable`
    : fields.ready
      ? `Ready${fields.media ? `, ${fields.media}` : ''}`
      : `${printer} cannot print: ${fields.problems.join('; ')}`
  return { kind: config.kind, printer, message, ...fields }
}

/** What the printer says about itself; never throws for a printer that is off or unreachable (that is a status). */
export async function printerStatus(config: PrinterConfig, options: PrinterOptions = {}): Promise<PrinterStatusView> {
  try {
    switch (config.kind) {
      case 'system':
        return {
          ...view(config, { reachable: true, ready: true, problems: [], media: null }),
          message: `Prints through ${printerName(config)}; the system's print queue shows its state`,
        }
      case 'zpl-cups':
        return {
          ...view(config, { reachable: true, ready: true, problems: [], media: null }),
          message: `Prints through ${printerName(config)}; CUPS reports no media, so the label size is not checked`,
        }
      case 'zpl-tcp': {
        const s = await zebraStatus(config, options)
        const problems = zebraProblems(s)
        const media = `${mm1(s.labelLengthDots / dotsPerMm(config.dpi))} mm long labels`
        return view(config, { reachable: true, ready: problems.length === 0, problems, media })
      }
      case 'brother-ql': {
        const s = await brotherStatus(config, options)
        const media =
          s.mediaType === 'none'
            ? null
            : describeMedia({ widthMm: s.widthMm, lengthMm: s.mediaType === 'continuous' ? 0 : s.lengthMm })
        const problems = s.mediaType === 'none' && s.errors.length === 0 ? ['no media: load a DK roll'] : s.errors
        return view(config, { reachable: true, ready: problems.length === 0, problems, media })
      }
    }
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err)
    return {
      kind: config.kind,
      printer: printerName(config),
      reachable: false,
      ready: false,
      problems: [message],
      media: null,
      message,
    }
  }
}

// ---- printing ----------------------------------------------------------------------------------------------------

export interface PrintResult {
  printed: number
  printer: string
  /** How many bytes went to the printer. */
  bytes: number
}

/**
 * Prints verified layouts on a Zebra or a Brother QL. Asks the printer's status first and refuses (with what to
 * fix) rather than send a job that a paused, empty or wrongly loaded printer would lose or misprint.
 */
export async function printToPrinter(
  layouts: LabelLayout[],
  config: Exclude<PrinterConfig, { kind: 'system' }>,
  options: PrinterOptions = {},
): Promise<PrintResult> {
  if (layouts.length === 0) throw new ConflictError('No labels to print')
  const printer = printerName(config)
  switch (config.kind) {
    case 'zpl-tcp': {
      const status = await zebraStatus(config, options)
      const problems = zebraProblems(status)
      if (problems.length) throw new PrintRefusedError(`The ${printer} cannot print: ${problems.join('; ')}`)
      checkZebraMedia(config, status, layouts)
      const job = Buffer.from(layouts.map((l) => layoutToZpl(l, config.dpi)).join('\n'), 'utf8')
      await tcpSend(target(config, options), job)
      return { printed: layouts.length, printer, bytes: job.length }
    }
    case 'zpl-cups': {
      const job = Buffer.from(layouts.map((l) => layoutToZpl(l, config.dpi)).join('\n'), 'utf8')
      await cupsSend(config.queue, job, options.lp)
      return { printed: layouts.length, printer, bytes: job.length }
    }
    case 'brother-ql': {
      const status = await brotherStatus(config, options)
      if (status.errors.length) throw new PrintRefusedError(`The ${printer} cannot print: ${status.errors.join('; ')}`)
      if (status.mediaType === 'none') throw new PrintRefusedError(`The ${printer} has no media loaded: load a DK roll`)
      const media = loadedMedia(config, status)
      const pages = layouts.map((l) => printableArea(brotherPage(config, media, l), media))
      const job = brotherJob(pages, media)
      await tcpSend(target(config, options), job)
      return { printed: layouts.length, printer, bytes: job.length }
    }
  }
}
