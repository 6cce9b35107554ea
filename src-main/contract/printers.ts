/**
 * The desk's label printer: the system printer through Electron, a Zebra spoken to in ZPL (raw TCP port 9100 or a
 * raw CUPS queue), or a Brother QL spoken to in its raster language over TCP. Kept in the `printer.desk` setting.
 */
import { z } from 'zod'
import { brotherMedia, brotherModels } from '../../src-shared/printers'

/** A host name or IPv4/IPv6 address; no scheme, path or spaces (it is handed to a socket, never to a shell). */
const HostSchema = z
  .string()
  .trim()
  .min(1, 'name the printer’s host or IP address')
  .max(253)
  .regex(/^[A-Za-z0-9.:_%-]+$/, 'a host name or IP address, without http:// or a path')

const PortSchema = z.number().int().min(1).max(65_535)

export { brotherMedia, brotherModels }

export const PrinterConfigSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('system'),
    /** The system printer's name; empty asks with the system dialog each time. */
    name: z.string().max(200),
  }),
  z.strictObject({
    kind: z.literal('zpl-tcp'),
    host: HostSchema,
    port: PortSchema,
    /** The print head's resolution: 203 dpi (8 dots/mm) or 300 dpi (12 dots/mm). */
    dpi: z.union([z.literal(203), z.literal(300)]),
  }),
  z.strictObject({
    kind: z.literal('zpl-cups'),
    /** A raw CUPS queue (`lp -d QUEUE -o raw`); CUPS reports no media, so the size check is skipped. */
    queue: z
      .string()
      .trim()
      .min(1, 'name the CUPS queue')
      .max(127)
      .regex(/^[A-Za-z0-9_.@-]+$/, 'a CUPS queue name: letters, digits, _ . @ -'),
    dpi: z.union([z.literal(203), z.literal(300)]),
  }),
  z.strictObject({
    kind: z.literal('brother-ql'),
    host: HostSchema,
    port: PortSchema,
    model: z.enum(brotherModels),
    /** The media the desk loads: "62" is 62 mm continuous tape, "29x90" die-cut 29 × 90 mm labels. */
    media: z.enum(brotherMedia),
  }),
])

export type PrinterConfig = z.output<typeof PrinterConfigSchema>
export type PrinterKind = PrinterConfig['kind']

/** What the printer says about itself, for the status next to the print button. */
export interface PrinterStatusView {
  kind: PrinterKind
  /** How the printer is named to a person: "Zebra at 10.0.0.5:9100". */
  printer: string
  /** False when the printer did not answer (or cannot be asked: the system printer, a CUPS queue). */
  reachable: boolean
  /** Reachable and reporting nothing that stops a job. */
  ready: boolean
  /** What stops a job, in words: "paper out", "head open", "paused". */
  problems: string[]
  /** The loaded media as the printer reports it ("50.0 mm labels", "62 mm continuous tape"), when it does. */
  media: string | null
  /** One line for a person: what is wrong and what to do, or "Ready". */
  message: string
}
