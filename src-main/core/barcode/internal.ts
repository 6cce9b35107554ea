/**
 * The station's own barcodes, in InvenTree's two forms, so InvenTree's own labels scan here too:
 *   JSON  `{"stockitem": 5}`  — key is the model type, value the pk (a numeric string is accepted)
 *   short `INV-SI5`           — prefix + two-letter model code + pk, matched case-sensitively
 * (pks below zero are rows made at this desk on an InvenTree replica that the server has not numbered yet)
 * An unknown model code is not an error: the data may be an EAN or a supplier label, so it falls through.
 */
import type { ModelType } from '../../contract'
import { modelTypes } from '../../../src-shared/models'

/** InvenTree's short codes. Model types the station does not stock (sales orders, builds…) still parse. */
export const MODEL_CODES = {
  PA: 'part',
  SI: 'stockitem',
  SL: 'stocklocation',
  SP: 'supplierpart',
  MP: 'manufacturerpart',
  PO: 'purchaseorder',
  SO: 'salesorder',
  RO: 'returnorder',
  SS: 'salesordershipment',
  BO: 'build',
} as const satisfies Record<string, string>

export type CodedModel = (typeof MODEL_CODES)[keyof typeof MODEL_CODES]
export type InternalModel = ModelType | CodedModel

const CODE_OF = Object.fromEntries(Object.entries(MODEL_CODES).map(([code, model]) => [model, code])) as Partial<
  Record<InternalModel, string>
>

/** Model types accepted as JSON keys: ours plus the InvenTree ones we recognise but do not stock. */
const JSON_MODELS = new Set<string>([...modelTypes, ...Object.values(MODEL_CODES)])

export interface InternalRef {
  model: InternalModel
  pk: number
  form: 'json' | 'short'
}

/** Internal JSON barcodes are tiny; anything longer is not one, and is not worth parsing. */
const MAX_JSON_LENGTH = 200

export function parseInternal(data: string, prefix: string): InternalRef | null {
  const text = data.trim()
  if (text.startsWith('{')) return parseJsonForm(text)
  return parseShortForm(text, prefix)
}

function parseJsonForm(text: string): InternalRef | null {
  if (text.length > MAX_JSON_LENGTH) return null
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return null
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null
  const entries = Object.entries(value)
  if (entries.length !== 1) return null
  const [key, raw] = entries[0]!
  if (!JSON_MODELS.has(key)) return null
  const pk = toPk(raw)
  return pk === null ? null : { model: key as InternalModel, pk, form: 'json' }
}

function parseShortForm(text: string, prefix: string): InternalRef | null {
  if (!text.startsWith(prefix)) return null
  const rest = text.slice(prefix.length)
  const match = /^([A-Z]{2})(-?\d{1,16})$/.exec(rest)
  if (!match) return null
  const model = (MODEL_CODES as Record<string, CodedModel>)[match[1]!]
  if (!model) return null
  const pk = toPk(match[2]!)
  return pk === null ? null : { model, pk, form: 'short' }
}

/**
 * A negative pk names a row this desk made on an InvenTree replica before the server made it (its label was
 * printed offline); the scan finds the server's row it became.
 */
function toPk(raw: unknown): number | null {
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^-?\d{1,16}$/.test(raw) ? Number(raw) : NaN
  return Number.isSafeInteger(n) && n !== 0 ? n : null
}

export function jsonBarcode(model: InternalModel, pk: number): string {
  // Python's json.dumps spacing, so the text is byte-identical to InvenTree's labels.
  return `{"${model}": ${pk}}`
}

export function shortBarcode(model: InternalModel, pk: number, prefix: string): string | null {
  const code = CODE_OF[model]
  return code ? `${prefix}${code}${pk}` : null
}
