/**
 * The labels API for the contract, the CLI and Electron's printing:
 *   listTemplates(model?)                         templates (name, title, models, page, symbology) for pickers
 *   previewSvg(source, {model, pk, template?})    one label as SVG, for the live preview
 *   labelPdf(source, {model, pk, template?})      one verified label as a PDF Buffer
 *   labelsPdf(source, items, template?)           many verified labels in one PDF (a session, a receipt)
 * `source` is a LabelSource: how to get an item's detail, and the label settings (the Station's `labelSource()`).
 * Every label is verified by re-scan before its PDF is returned; a label that does not read back throws
 * LabelRefusedError with the reason (a ConflictError, so the transports answer `conflict` with that message).
 */
import type { ModelType } from '../../contract'
import { ConflictError } from '../errors'
import { labelData, layoutLabel, type LabelLayout, type LabelSource } from './layout'
import { renderPdf, renderSvg, type PdfOptions } from './render'
import { TemplateStore, type LabelTemplate, type TemplateInfo } from './template'
import { verifyLayout, type Verification, type VerifyOptions } from './verify'

export { LabelError, type LabelSource } from './layout'
export { renderSvg as renderLabelSvg } from './render'
export { TemplateError, TemplateStore, type TemplateInfo } from './template'
export { type Verification } from './verify'

export interface LabelRequest {
  model: ModelType
  pk: number
  /** Template name (a file in resources/labels without `.json`); default: the model's default template. */
  template?: string
}

export class LabelRefusedError extends ConflictError {
  constructor(
    message: string,
    readonly item: { model: ModelType; pk: number },
  ) {
    super(message)
  }
}

let store = new TemplateStore()

/** Where templates come from (default: resources/labels). The lead can add a user folder after the built-ins. */
export function setTemplateDirs(dirs: string[]): void {
  store = new TemplateStore(dirs)
}

export function templateStore(): TemplateStore {
  return store
}

export function listTemplates(model?: ModelType): TemplateInfo[] {
  return store.list(model)
}

/** Lays out one label (no verification). */
export function layout(
  source: LabelSource,
  request: LabelRequest,
  template?: LabelTemplate,
): { template: LabelTemplate; layout: LabelLayout } {
  const t = template ?? store.get(request.template, request.model)
  return { template: t, layout: layoutLabel(t, labelData(source, request.model, request.pk)) }
}

export function previewSvg(source: LabelSource, request: LabelRequest): string {
  return renderSvg(layout(source, request).layout)
}

export interface CheckedLabel {
  template: LabelTemplate
  layout: LabelLayout
  verification: Verification
}

/** Lays out and verifies one label; never throws for an unreadable barcode (see `verification`). */
export async function checkLabel(
  source: LabelSource,
  request: LabelRequest,
  options: VerifyOptions = {},
): Promise<CheckedLabel> {
  const made = layout(source, request)
  return { ...made, verification: await verifyLayout(made.layout, options) }
}

/** Why a label that did not read back is refused, naming the item and the template. */
export const refusalMessage = (l: LabelLayout, v: Verification): string =>
  `Label refused for ${l.model} ${l.pk} (template ${l.template}): ${v.ok ? '' : v.reason}`

function refuse(l: LabelLayout, v: Verification): never {
  throw new LabelRefusedError(refusalMessage(l, v), { model: l.model, pk: l.pk })
}

export async function labelPdf(
  source: LabelSource,
  request: LabelRequest,
  options: PdfOptions & VerifyOptions = {},
): Promise<Buffer> {
  const { template, layout: l, verification } = await checkLabel(source, request, options)
  if (!verification.ok) refuse(l, verification)
  return renderPdf(template, [l], { title: `${l.model} ${l.pk}`, ...options })
}

/** Many items on one template (default: the first item's model's default) → one PDF; any refusal refuses all. */
export async function labelsPdf(
  source: LabelSource,
  items: { model: ModelType; pk: number }[],
  templateName?: string,
  options: PdfOptions & VerifyOptions = {},
): Promise<Buffer> {
  if (items.length === 0) throw new ConflictError('No items to print labels for')
  const template = store.get(templateName, items[0]!.model)
  const layouts: LabelLayout[] = []
  for (const item of items) {
    const l = layoutLabel(template, labelData(source, item.model, item.pk))
    const v = await verifyLayout(l, options)
    if (!v.ok) refuse(l, v)
    layouts.push(l)
  }
  return renderPdf(template, layouts, { title: `${layouts.length} labels`, ...options })
}
