/**
 * The contract's printLabels on a Zebra or Brother QL: the same verified layouts the PDF is drawn from (a label
 * whose barcode does not read back is refused before anything is sent), then printToPrinter.
 */
import type { MethodInput, MethodOutputs, PrinterConfig } from '../../../contract'
import { ConflictError } from '../../errors'
import { LabelRefusedError, templateStore } from '../index'
import { labelData, layoutLabel, type LabelLayout, type LabelSource } from '../layout'
import { verifyLayout } from '../verify'
import { printToPrinter, type PrinterOptions } from './index'

export async function printLabelsOn(
  source: LabelSource,
  input: MethodInput<'printLabels'>,
  config: Exclude<PrinterConfig, { kind: 'system' }>,
  options: PrinterOptions = {},
): Promise<MethodOutputs['printLabels']> {
  const first = input.items[0]
  if (!first) throw new ConflictError('No items to print labels for')
  const template = templateStore().get(input.template, first.model)
  const layouts: LabelLayout[] = []
  for (const item of input.items) {
    const l = layoutLabel(template, labelData(source, item.model, item.pk))
    const v = await verifyLayout(l)
    if (!v.ok)
      throw new LabelRefusedError(`Label refused for ${l.model} ${l.pk} (template ${l.template}): ${v.reason}`, item)
    layouts.push(l)
  }
  const { printed, printer } = await printToPrinter(layouts, config, options)
  return { printed, printer }
}
