/**
 * `label [--db FILE] MODEL PK [--template T] --out FILE.pdf`: lays out the item's label, verifies it by re-scan
 * (the station's decoder must read the barcode back), and writes the PDF. Prints one JSON line on success.
 * Exit codes: 0 written, 1 refused by verification or item not found (or no linked barcode), 2 usage or a bad
 * template. `label --list [MODEL]` lists the templates.
 */
import { writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { modelTypes, type ModelType } from '../contract'
import { ConflictError, NotFoundError } from '../core/errors'
import { checkLabel, LabelError, listTemplates, TemplateError } from '../core/labels/index'
import { renderPdf } from '../core/labels/render'
import { defaultDatabasePath } from '../core/paths'
import { closeCliStation, openCliStation } from './open-station'

export const LABEL_USAGE = `Usage: label [--db FILE] MODEL PK [--template T] --out FILE.pdf
       label --list [MODEL]
  MODEL is part, stockitem, stocklocation, supplierpart or purchaseorder; T a template name (label --list).
  The label is verified by re-scan before it is written: exit 0 written, 1 refused or not found, 2 usage.`

export interface LabelIo {
  out: (text: string) => void
  err: (text: string) => void
}

const processIo: LabelIo = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) }

export async function labelCommand(args: string[], io: LabelIo = processIo): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args,
      options: {
        db: { type: 'string' },
        template: { type: 'string' },
        out: { type: 'string' },
        list: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      strict: true,
    })
  } catch (err) {
    io.err(`${err instanceof Error ? err.message : String(err)}\n\n${LABEL_USAGE}\n`)
    return 2
  }
  const { values, positionals } = parsed
  if (values.help) {
    io.out(`${LABEL_USAGE}\n`)
    return 0
  }
  const usage = (message: string): number => {
    io.err(`${message}\n\n${LABEL_USAGE}\n`)
    return 2
  }
  if (values.list) {
    const model = positionals[0]
    if (model !== undefined && !(modelTypes as readonly string[]).includes(model))
      return usage(`Unknown model type "${model}"`)
    io.out(`${JSON.stringify(listTemplates(model as ModelType | undefined), null, 2)}\n`)
    return 0
  }
  if (positionals.length !== 2) return usage('label takes MODEL PK')
  const [model, pkText] = positionals as [string, string]
  if (!(modelTypes as readonly string[]).includes(model))
    return usage(`Unknown model type "${model}" (one of ${modelTypes.join(', ')})`)
  const pk = Number(pkText)
  if (!/^\d+$/.test(pkText) || !Number.isSafeInteger(pk) || pk < 1)
    return usage(`PK must be a positive whole number, not "${pkText}"`)
  if (!values.out) return usage('--out FILE.pdf is required')

  const station = openCliStation(values.db ?? defaultDatabasePath())
  try {
    const started = performance.now()
    const { template, layout, verification } = await checkLabel(station.labelSource(), {
      model: model as ModelType,
      pk,
      template: values.template,
    })
    if (!verification.ok) {
      io.err(`Label refused for ${model} ${pk} (template ${template.name}): ${verification.reason}\n`)
      return 1
    }
    const pdf = await renderPdf(template, [layout], { title: `${model} ${pk}` })
    writeFileSync(values.out, pdf)
    io.out(
      `${JSON.stringify({
        file: values.out,
        model,
        pk,
        template: template.name,
        symbology: layout.barcode.symbol.symbology,
        barcode: layout.data,
        verified: { decoded: verification.decoded.text, format: verification.decoded.format, ms: verification.ms },
        moduleMm: Math.round(layout.barcode.module * 1000) / 1000,
        bytes: pdf.length,
        ms: Math.round(performance.now() - started),
      })}\n`,
    )
    return 0
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err)
    io.err(`${message}\n`)
    if (err instanceof TemplateError) return 2
    if (err instanceof NotFoundError || err instanceof LabelError || err instanceof ConflictError) return 1
    throw err
  } finally {
    await closeCliStation(station)
  }
}
