/**
 * Label templates: editable JSON files (resources/labels/*.json, schema documented in resources/labels/README.md),
 * checked with zod when loaded. Every length is in millimetres, font sizes in points. A bad file is refused with
 * an error that names the file and the field (`texts[1].fontSize: …`), never half-used.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import type { ModelType } from '../../contract'
import { ConflictError } from '../errors'

/** The model types that have label templates (the issue's five). */
export const labelModels = [
  'part',
  'stockitem',
  'stocklocation',
  'supplierpart',
  'purchaseorder',
] as const satisfies readonly ModelType[]
export type LabelModel = (typeof labelModels)[number]

/** Paper sizes for sheets of labels, in mm. */
export const PAPER_SIZES = { A4: [210, 297], Letter: [215.9, 279.4] } as const

const mm = z.number().finite().nonnegative()
const positiveMm = z.number().finite().positive()

/** `{title}`, `{subtitle}`, `{barcode}`, `{model}`, `{pk}`, `{json}`, `{short}`, `{linked}`, `{field:Label}`. */
export const PLACEHOLDER = /\{([a-z]+)(?::([^{}]+))?\}/g
export const PLACEHOLDER_NAMES = [
  'title',
  'subtitle',
  'barcode',
  'model',
  'pk',
  'json',
  'short',
  'linked',
  'field',
] as const

const TextTemplate = z.string().superRefine((text, ctx) => {
  for (const m of text.matchAll(PLACEHOLDER)) {
    const name = m[1] as (typeof PLACEHOLDER_NAMES)[number]
    if (!PLACEHOLDER_NAMES.includes(name)) {
      ctx.addIssue({
        code: 'custom',
        message: `unknown placeholder {${m[1]}}; use one of ${PLACEHOLDER_NAMES.map((n) => (n === 'field' ? '{field:Label}' : `{${n}}`)).join(', ')}`,
      })
    } else if (name === 'field' && !m[2]?.trim()) {
      ctx.addIssue({ code: 'custom', message: "{field:…} needs the field's label, e.g. {field:Batch}" })
    } else if (name !== 'field' && m[2] !== undefined) {
      ctx.addIssue({ code: 'custom', message: `{${name}} takes no argument (only {field:Label} does)` })
    }
  }
})

export const TextElementSchema = z.strictObject({
  /** What to print: literal text with placeholders, e.g. "Batch {field:Batch}". */
  text: TextTemplate,
  x: mm,
  y: mm,
  width: positiveMm,
  height: positiveMm,
  /** The size to print at when the text fits (points). */
  fontSize: z.number().positive().max(200),
  /** The smallest size the text may shrink to before it is cut with an ellipsis (default 60% of fontSize, at least 4 pt). */
  minFontSize: z.number().positive().max(200).optional(),
  bold: z.boolean().default(false),
  align: z.enum(['left', 'center', 'right']).default('left'),
  /** Lines the text may wrap onto (default 1). */
  maxLines: z.number().int().min(1).max(20).default(1),
})

export const symbologies = ['qr', 'datamatrix', 'code128'] as const
export type Symbology = (typeof symbologies)[number]

export const BarcodeElementSchema = z.strictObject({
  symbology: z.enum(symbologies),
  /** `internal`: the item's own barcode; `linked`: the external barcode linked to it (error if none). */
  source: z.enum(['internal', 'linked']).default('internal'),
  /** For `internal`: which form (default the station's preferred form, the `barcode.form` setting). */
  form: z.enum(['preferred', 'json', 'short']).default('preferred'),
  /** The box the symbol, its quiet zone and its human-readable text must fit in. */
  x: mm,
  y: mm,
  width: positiveMm,
  height: positiveMm,
  /** Quiet zone in modules (defaults: QR 4, DataMatrix 1, Code 128 10, as their standards ask). */
  quietZone: z.number().int().min(0).max(20).optional(),
  /** Horizontal placement of the symbol in its box. */
  align: z.enum(['left', 'center', 'right']).default('center'),
  /** The encoded text under the symbol: `setting` follows the station's `barcode.showText` setting. */
  humanReadable: z.union([z.boolean(), z.literal('setting')]).default('setting'),
  /** Size of that text in points. */
  textSize: z.number().positive().max(72).default(6),
})

const PrinterSchema = z.strictObject({
  /** The printer's resolution: modules are snapped to whole dots and verification rasterises at this resolution. */
  dpi: z.number().int().min(72).max(2400).default(300),
  /** A module narrower than this many printer dots is refused (1-dot lines print unevenly on thermal heads). */
  minModuleDots: z.number().int().min(1).max(20).default(2),
})

const RollPage = z.strictObject({
  /** A roll or fan-fold of single labels: one label per PDF page, the page the size of the label. */
  kind: z.literal('roll'),
  width: positiveMm,
  height: positiveMm,
})

const SheetPage = z.strictObject({
  /** A sheet of labels in a grid, filled row by row. */
  kind: z.literal('sheet'),
  paper: z.enum(['A4', 'Letter']),
  /** One label's size. */
  width: positiveMm,
  height: positiveMm,
  columns: z.number().int().min(1).max(20),
  rows: z.number().int().min(1).max(40),
  marginLeft: mm.default(0),
  marginTop: mm.default(0),
  gapX: mm.default(0),
  gapY: mm.default(0),
})

export const LabelTemplateSchema = z
  .strictObject({
    /** A short description shown in pickers. */
    title: z.string().min(1),
    /** The model types this template can print. */
    models: z.array(z.enum(labelModels)).min(1),
    /** Model types for which this is the template used when none is named. */
    defaultFor: z.array(z.enum(labelModels)).default([]),
    page: z.discriminatedUnion('kind', [RollPage, SheetPage]),
    printer: PrinterSchema.default({ dpi: 300, minModuleDots: 2 }),
    texts: z.array(TextElementSchema).default([]),
    barcode: BarcodeElementSchema,
  })
  .superRefine((t, ctx) => {
    const { width: W, height: H } = t.page
    const inside = (e: { x: number; y: number; width: number; height: number }, path: (string | number)[]) => {
      if (e.x + e.width > W + 1e-9)
        ctx.addIssue({
          code: 'custom',
          path: [...path, 'width'],
          message: `x + width = ${round(e.x + e.width)} mm runs off the ${W} mm wide label`,
        })
      if (e.y + e.height > H + 1e-9)
        ctx.addIssue({
          code: 'custom',
          path: [...path, 'height'],
          message: `y + height = ${round(e.y + e.height)} mm runs off the ${H} mm high label`,
        })
    }
    inside(t.barcode, ['barcode'])
    t.texts.forEach((e, i) => {
      inside(e, ['texts', i])
      if (e.minFontSize !== undefined && e.minFontSize > e.fontSize)
        ctx.addIssue({
          code: 'custom',
          path: ['texts', i, 'minFontSize'],
          message: `minFontSize ${e.minFontSize} is larger than fontSize ${e.fontSize}`,
        })
      if (overlaps(e, t.barcode))
        ctx.addIssue({
          code: 'custom',
          path: ['texts', i],
          message: 'overlaps the barcode box (text over a barcode or its quiet zone stops it scanning)',
        })
    })
    for (const [i, m] of t.defaultFor.entries()) {
      if (!t.models.includes(m))
        ctx.addIssue({ code: 'custom', path: ['defaultFor', i], message: `"${m}" is not in this template's models` })
    }
    if (t.page.kind === 'sheet') {
      const p = t.page
      const [pw, ph] = PAPER_SIZES[p.paper]
      const gridW = p.marginLeft + p.columns * p.width + (p.columns - 1) * p.gapX
      const gridH = p.marginTop + p.rows * p.height + (p.rows - 1) * p.gapY
      if (gridW > pw + 1e-6)
        ctx.addIssue({
          code: 'custom',
          path: ['page', 'columns'],
          message: `${p.columns} columns of ${p.width} mm need ${round(gridW)} mm; ${p.paper} is ${pw} mm wide`,
        })
      if (gridH > ph + 1e-6)
        ctx.addIssue({
          code: 'custom',
          path: ['page', 'rows'],
          message: `${p.rows} rows of ${p.height} mm need ${round(gridH)} mm; ${p.paper} is ${ph} mm high`,
        })
    }
  })

export type LabelTemplateSpec = z.output<typeof LabelTemplateSchema>
export type TextElement = z.output<typeof TextElementSchema>
export type BarcodeElement = z.output<typeof BarcodeElementSchema>

export interface LabelTemplate extends LabelTemplateSpec {
  /** The file's base name without `.json`: what `--template` and the API take. */
  name: string
  file: string
}

export interface TemplateInfo {
  name: string
  title: string
  models: LabelModel[]
  defaultFor: LabelModel[]
  page: LabelTemplateSpec['page']
  symbology: Symbology
  source: BarcodeElement['source']
}

/** A template that cannot be used (bad file, wrong model, unknown field): the transports report it as `conflict`. */
export class TemplateError extends ConflictError {}

const round = (n: number): number => Math.round(n * 100) / 100

function overlaps(
  a: { x: number; y: number; width: number; height: number },
  b: { x: number; y: number; width: number; height: number },
): boolean {
  const eps = 1e-9
  return (
    a.x < b.x + b.width - eps && b.x < a.x + a.width - eps && a.y < b.y + b.height - eps && b.y < a.y + a.height - eps
  )
}

/** Human text for a zod issue path: `texts[1].fontSize`. */
function pathText(path: readonly PropertyKey[]): string {
  let out = ''
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `${out ? '.' : ''}${String(p)}`
  return out || '(template)'
}

/** Parses a template from its JSON text; throws TemplateError naming the file and each bad field. */
export function parseTemplate(jsonText: string, file: string): LabelTemplate {
  let raw: unknown
  try {
    raw = JSON.parse(jsonText)
  } catch (err) {
    throw new TemplateError(
      `Label template ${file}: not valid JSON (${err instanceof Error ? err.message : String(err)})`,
    )
  }
  const parsed = LabelTemplateSchema.safeParse(raw)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${pathText(i.path)}: ${i.message}`)
    throw new TemplateError(`Label template ${file}: ${problems.join('; ')}`)
  }
  return { ...parsed.data, name: basename(file).replace(/\.json$/i, ''), file }
}

export function loadTemplateFile(path: string): LabelTemplate {
  return parseTemplate(readFileSync(path, 'utf8'), path)
}

/**
 * The folder of the built-in templates and fonts: `SCAN_STATION_LABELS` when set, the packaged app's
 * `resources/labels` (Electron's `process.resourcesPath`), else the repository's `resources/labels`.
 */
export function defaultLabelsDir(): string {
  const candidates: string[] = []
  if (process.env.SCAN_STATION_LABELS) candidates.push(process.env.SCAN_STATION_LABELS)
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath
  if (resourcesPath) candidates.push(join(resourcesPath, 'labels'))
  // src-main/core/labels/ in the sources, out/main/ once bundled.
  for (const up of ['../../../resources/labels', '../../resources/labels']) {
    try {
      candidates.push(fileURLToPath(new URL(up, import.meta.url)))
    } catch {
      // not a file: URL (bundled into something else): skip
    }
  }
  candidates.push(join(process.cwd(), 'resources', 'labels'))
  return candidates.find((dir) => existsSync(join(dir, 'fonts'))) ?? candidates[candidates.length - 1]!
}

/**
 * The templates in one or more folders (later folders override earlier ones by name, so a user's folder can
 * replace a built-in template). Files are read on every call: an edited template shows up in the next preview.
 */
export class TemplateStore {
  readonly dirs: string[]

  constructor(dirs: string[] = [defaultLabelsDir()]) {
    this.dirs = dirs
  }

  /** Every valid template, plus the files that failed with their errors (an editor shows them). */
  loadAll(): { templates: LabelTemplate[]; errors: { file: string; message: string }[] } {
    const byName = new Map<string, LabelTemplate>()
    const errors: { file: string; message: string }[] = []
    for (const dir of this.dirs) {
      if (!existsSync(dir)) continue
      for (const entry of readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort()) {
        const file = join(dir, entry)
        try {
          const t = loadTemplateFile(file)
          byName.set(t.name, t)
        } catch (err) {
          errors.push({ file, message: err instanceof Error ? err.message : String(err) })
        }
      }
    }
    return { templates: [...byName.values()], errors }
  }

  list(model?: ModelType): TemplateInfo[] {
    return this.loadAll()
      .templates.filter((t) => !model || (t.models as string[]).includes(model))
      .map((t) => ({
        name: t.name,
        title: t.title,
        models: t.models,
        defaultFor: t.defaultFor,
        page: t.page,
        symbology: t.barcode.symbology,
        source: t.barcode.source,
      }))
  }

  /** One template by name (its own errors thrown), or the default for a model type when no name is given. */
  get(name: string | undefined, model: ModelType): LabelTemplate {
    if (!(labelModels as readonly string[]).includes(model)) {
      throw new TemplateError(`No label templates for ${model}; labels are made for ${labelModels.join(', ')}`)
    }
    if (name) {
      if (!/^[\w.-]+$/.test(name)) throw new TemplateError(`Bad template name "${name}"`)
      for (const dir of [...this.dirs].reverse()) {
        const file = join(dir, `${name}.json`)
        if (existsSync(file)) {
          const t = loadTemplateFile(file)
          if (!(t.models as string[]).includes(model))
            throw new TemplateError(`Label template ${name} is for ${t.models.join(', ')}, not ${model}`)
          return t
        }
      }
      throw new TemplateError(
        `No label template named "${name}" (have: ${
          this.list(model)
            .map((t) => t.name)
            .join(', ') || 'none'
        })`,
      )
    }
    const { templates } = this.loadAll()
    const chosen =
      templates.find((t) => (t.defaultFor as string[]).includes(model)) ??
      templates.find((t) => (t.models as string[]).includes(model))
    if (!chosen) throw new TemplateError(`No label template for ${model}`)
    return chosen
  }
}
