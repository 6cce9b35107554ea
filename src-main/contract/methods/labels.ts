/** Label templates, the verified preview, PDFs and printing. */
import { z } from 'zod'
import type { LabelTemplateInfo } from '../domain'
import { PrinterConfigSchema, type PrinterStatusView } from '../printers'
import { ModelTypeSchema, PkSchema, returns, type MethodSpec } from './define'
import { JobIdSchema } from './jobs'

const LabelItemsSchema = z
  .array(z.strictObject({ model: ModelTypeSchema, pk: PkSchema }))
  .min(1)
  .max(2000)

export const labelMethods = {
  /** Label templates, for one model type or all; with `items`, only those that can label every one of them. */
  labelTemplates: {
    input: z.strictObject({ model: ModelTypeSchema.optional(), items: LabelItemsSchema.optional() }),
    output: returns<LabelTemplateInfo[]>(),
  },
  /** One label as SVG for the live preview, with the result of re-scanning its barcode. */
  labelPreview: {
    input: z.strictObject({ model: ModelTypeSchema, pk: PkSchema, template: z.string().max(100).optional() }),
    output: returns<{ svg: string; verified: boolean; reason: string | null; template: string }>(),
  },
  /**
   * Verified labels for many items as one PDF (base64); a label whose barcode does not read back is refused. A long
   * job: `jobProgress` events under `jobId`, stopped by cancelJob.
   */
  labelPdf: {
    input: z.strictObject({
      items: LabelItemsSchema,
      template: z.string().max(100).optional(),
      jobId: JobIdSchema.optional(),
    }),
    output: returns<{ pdfBase64: string; labels: number; template: string | null }>(),
  },
  /** Print verified labels on the desk's printer (desktop app only). */
  printLabels: {
    input: z.strictObject({
      items: LabelItemsSchema,
      template: z.string().max(100).optional(),
      printer: z.string().max(200).optional(),
      jobId: JobIdSchema.optional(),
    }),
    output: returns<{ printed: number; printer: string }>(),
  },
  /**
   * What the desk's printer (or the one given, to try a setting before saving it) reports: reachable, what stops
   * it (paper out, head open), the media it has loaded.
   */
  printerStatus: {
    input: z.strictObject({ printer: PrinterConfigSchema.optional() }),
    output: returns<PrinterStatusView>(),
  },
} satisfies Record<string, MethodSpec>
