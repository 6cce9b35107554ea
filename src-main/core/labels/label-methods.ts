/**
 * The contract's label methods (templates, preview, PDF, print) over a LabelSource. The label modules load pdfkit
 * and the decoders, so they are imported on first use: a station starts scanning without them.
 */
import type { LabelTemplateInfo, MethodInput, MethodOutputs, ModelType } from '../../contract'
import { ConflictError } from '../errors'
import type { LabelSource } from './layout'

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
  ) {}

  async templates(model?: ModelType): Promise<LabelTemplateInfo[]> {
    const { listTemplates } = await load()
    return listTemplates(model).map((t) => ({
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

  async pdf(input: MethodInput<'labelPdf'>): Promise<MethodOutputs['labelPdf']> {
    const { labelsPdf } = await load()
    const pdf = await labelsPdf(this.source(), input.items, input.template)
    return { pdfBase64: pdf.toString('base64'), labels: input.items.length, template: input.template ?? null }
  }

  async print(input: MethodInput<'printLabels'>): Promise<MethodOutputs['printLabels']> {
    if (!this.printer) throw new ConflictError('Printing needs the desktop app; download the PDF and print it instead')
    const { labelsPdf } = await load()
    const pdf = await labelsPdf(this.source(), input.items, input.template)
    const printer = await this.printer.print(pdf, input.printer)
    return { printed: input.items.length, printer }
  }
}
