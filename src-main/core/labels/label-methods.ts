/**
 * The contract's label methods (templates, preview, PDF, print) over a LabelSource. The label modules load pdfkit
 * and the decoders, so they are imported on first use: a station starts scanning without them. PDFs and printing
 * are long jobs: the main thread reads the items' data in short slices, and the worker pool lays out, verifies and
 * renders, so scans are answered meanwhile.
 */
import type {
  LabelTemplateInfo,
  MethodArgs,
  MethodInput,
  MethodOutputs,
  ModelType,
  PrinterConfig,
} from '../../contract'
import { ConflictError, NotFoundError } from '../errors'
import type { JobContext, Jobs } from '../jobs/jobs'
import type { LabelData, LabelSource } from './layout'

/** Items read between two turns of the event loop: a few milliseconds of SQL. */
const GATHER_SLICE = 50

/** Sends a PDF of labels to a printer; returns the printer's name. */
export interface LabelPrinter {
  print(pdf: Buffer, printer?: string): Promise<string>
}

const load = (): Promise<typeof import('./index')> => import('./index')

export class LabelMethods {
  constructor(
    /** Read at each call, so the label settings are the current ones. */
    private readonly source: () => LabelSource,
    /** Electron's printing; null where there is none (web host, CLI). */
    private readonly printer: LabelPrinter | null,
    private readonly jobs: Jobs,
    /** The desk's printer setting, read at each call; without it, labels go to the system printer. */
    private readonly deskPrinter: () => PrinterConfig = () => ({ kind: 'system', name: '' }),
  ) {}

  async templates(model?: ModelType, items?: { model: ModelType; pk: number }[]): Promise<LabelTemplateInfo[]> {
    const { listTemplates } = await load()
    const fitting = items ? await this.fittingTemplates(items) : null
    return listTemplates(model)
      .filter((t) => !fitting || fitting.has(t.name))
      .map((t) => ({
        name: t.name,
        title: t.title,
        models: t.models,
        page:
          t.page.kind === 'roll'
            ? `${t.page.width} × ${t.page.height} mm roll`
            : `${t.page.paper} sheet ${t.page.columns} × ${t.page.rows}`,
        symbology: t.symbology,
        isDefaultFor: t.defaultFor,
      }))
  }

  /**
   * The templates that can label every item. The fields an item has depend on its model type only, so one item of
   * each type answers for the fields; whether an item has a linked barcode (or a short form) is asked of each, and
   * only when some template prints one.
   */
  private async fittingTemplates(items: { model: ModelType; pk: number }[]): Promise<Set<string>> {
    const { templateStore } = await load()
    const { labelData, whyTemplateDoesNotFit } = await import('./layout')
    const source = this.source()
    const models = new Set(items.map((i) => i.model))
    let candidates = templateStore()
      .loadAll()
      .templates.filter((t) => [...models].every((m) => (t.models as string[]).includes(m)))
    const seen = new Set<ModelType>()
    for (const item of items) {
      const perItem = candidates.some((t) => t.barcode.source === 'linked' || t.barcode.form === 'short')
      if (seen.has(item.model) && !perItem) continue
      seen.add(item.model)
      const data = labelData(source, item.model, item.pk)
      candidates = candidates.filter((t) => whyTemplateDoesNotFit(t, data) === null)
      if (candidates.length === 0) break
    }
    return new Set(candidates.map((t) => t.name))
  }

  async preview(input: MethodInput<'labelPreview'>): Promise<MethodOutputs['labelPreview']> {
    const { checkLabel, renderLabelSvg } = await load()
    const checked = await checkLabel(this.source(), input)
    return {
      svg: renderLabelSvg(checked.layout),
      verified: checked.verification.ok,
      reason: checked.verification.ok ? null : checked.verification.reason,
      template: checked.template.name,
    }
  }

  pdf(input: MethodArgs<'labelPdf'>): Promise<MethodOutputs['labelPdf']> {
    return this.jobs.run('labelPdf', input.jobId, async (job) => {
      const pdf = await this.render(input, job)
      return { pdfBase64: pdf.toString('base64'), labels: input.items.length, template: input.template ?? null }
    })
  }

  print(input: MethodArgs<'printLabels'>): Promise<MethodOutputs['printLabels']> {
    const desk = this.deskPrinter()
    if (desk.kind !== 'system') {
      return this.jobs.run('printLabels', input.jobId, async () => {
        const { printLabelsOn } = await import('./printers/print-labels')
        return printLabelsOn(this.source(), input, desk)
      })
    }
    const printer = this.printer
    if (!printer) throw new ConflictError('Printing needs the desktop app; download the PDF and print it instead')
    return this.jobs.run('printLabels', input.jobId, async (job) => {
      const pdf = await this.render(input, job)
      // Nothing reaches the printer once the job is cancelled.
      await job.pause()
      return {
        printed: input.items.length,
        printer: await printer.print(pdf, input.printer ?? (desk.name || undefined)),
      }
    })
  }

  /** Verified labels for the items as one PDF; any refusal refuses all. */
  private async render(
    input: { items: { model: ModelType; pk: number }[]; template?: string },
    job: JobContext,
  ): Promise<Buffer> {
    const { templateStore, LabelRefusedError } = await load()
    const { defaultFonts, labelData } = await import('./layout')
    const first = input.items[0]
    if (!first) throw new ConflictError('No items to print labels for')
    const template = templateStore().get(input.template, first.model)
    const source = this.source()
    const total = input.items.length
    const items: LabelData[] = []
    job.progress('gather', 0, total)
    for (const item of input.items) {
      items.push(labelData(source, item.model, item.pk))
      if (items.length % GATHER_SLICE === 0 && items.length < total) {
        job.progress('gather', items.length, total)
        await job.pause()
      }
    }
    job.progress('gather', total, total)
    const result = await job.inWorker({ kind: 'labels', template, fonts: defaultFonts(), items })
    if ('pdf' in result) return Buffer.from(result.pdf.buffer, result.pdf.byteOffset, result.pdf.byteLength)
    const { code, message, item } = result.failed
    if (code === 'not_found') throw new NotFoundError(message)
    if (item) throw new LabelRefusedError(message, item)
    throw new ConflictError(message)
  }

  async printerStatus(input: MethodInput<'printerStatus'>): Promise<MethodOutputs['printerStatus']> {
    const { printerStatus } = await import('./printers')
    return printerStatus(input.printer ?? this.deskPrinter())
  }
}
