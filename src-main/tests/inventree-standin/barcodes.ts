/**
 * The barcode endpoints, as InvenTree's BarcodeScan, BarcodeAssign and BarcodeUnassign views with its built-in
 * InvenTreeBarcode plugin (the only barcode plugin active on a new server) answer them.
 * The plugin reads, in this order: the short internal form (`INV-SI5`: prefix, two-character model code, pk; an
 * unknown code ends the plugin's scan with no match), the JSON form (`{"stockitem": 5}`), then the external
 * barcodes linked to objects, by the hash of the data. Link refuses a barcode the plugin already matches (whatever
 * it is linked to or whatever it encodes), then needs `change` on the model it links to; linking replaces an
 * object's earlier barcode. Unlink needs exactly one model field, and clears the object's barcode even when it has
 * none. These views answer 200 (the schema says 201, see schema-errata.ts), and DRF renders every value of a
 * ValidationError's dict as a string: the "no match" answer's `plugin` is the string "None".
 */
import { barcodeHash } from '../../core/barcode/hash'
import { BLANK, FieldErrors, invalidPk, pyStrip, Refusal, serverError } from './drf'
import { bodyOf, type Handler, type Schemas } from './handler'
import { allowed, type Table as PermissionTable } from './permissions'
import type { StandinState } from './state'
import type { Row, Table } from './table'

export const PLUGIN_NAME = 'InvenTreeBarcode'

interface Held {
  permission: PermissionTable
  api: string
  web: string
  out: (state: StandinState, pk: number) => unknown
  get: (state: StandinState, pk: number) => Row | undefined
  byHash: (state: StandinState, hash: string) => Row | undefined
  setBarcode: (state: StandinState, pk: number, barcode_data: string, barcode_hash: string) => void
}

interface BarcodeModel {
  /** The model's barcode type: its key in scan answers and link requests. */
  label: string
  /** Its short-form code (`INV-SI5`). */
  code: string
  /** How Python prints the model class, which InvenTree puts in its permission error. */
  pythonClass: string
  held?: Held
}

function held<T extends Row & { barcode_data?: string; updated?: string }>(
  table: (state: StandinState) => Table<T>,
  rest: Pick<Held, 'permission' | 'api' | 'web' | 'out'>,
): Held {
  return {
    ...rest,
    get: (state, pk) => table(state).get(pk),
    byHash: (state, hash) => table(state).byBarcodeHash(hash),
    setBarcode: (state, pk, barcode_data, barcode_hash) => {
      const rows = table(state)
      state.patch(rows, rows.get(pk)!, { barcode_data, barcode_hash } as Partial<T>)
    },
  }
}

/** InvenTree's barcode models, in the order it tries them; the stand-in holds six of them. */
const MODELS: BarcodeModel[] = [
  { label: 'build', code: 'BO', pythonClass: 'build.models.Build' },
  {
    label: 'manufacturerpart',
    code: 'MP',
    pythonClass: 'company.models.ManufacturerPart',
    held: held((s) => s.manufacturerParts, {
      permission: 'company_manufacturerpart',
      api: '/api/company/part/manufacturer/',
      web: '/web/purchasing/manufacturer-part/',
      out: (s, pk) => s.manufacturerPartOut(pk),
    }),
  },
  {
    label: 'supplierpart',
    code: 'SP',
    pythonClass: 'company.models.SupplierPart',
    held: held((s) => s.supplierParts, {
      permission: 'company_supplierpart',
      api: '/api/company/part/',
      web: '/web/purchasing/supplier-part/',
      out: (s, pk) => s.supplierPartOut(pk),
    }),
  },
  {
    label: 'purchaseorder',
    code: 'PO',
    pythonClass: 'order.models.PurchaseOrder',
    held: held((s) => s.purchaseOrders, {
      permission: 'order_purchaseorder',
      api: '/api/order/po/',
      web: '/web/purchasing/purchase-order/',
      out: (s, pk) => s.purchaseOrderOut(pk),
    }),
  },
  { label: 'returnorder', code: 'RO', pythonClass: 'order.models.ReturnOrder' },
  { label: 'salesorder', code: 'SO', pythonClass: 'order.models.SalesOrder' },
  { label: 'salesordershipment', code: 'SS', pythonClass: 'order.models.SalesOrderShipment' },
  { label: 'transferorder', code: 'TO', pythonClass: 'order.models.TransferOrder' },
  {
    label: 'part',
    code: 'PA',
    pythonClass: 'part.models.Part',
    held: held((s) => s.parts, {
      permission: 'part_part',
      api: '/api/part/',
      web: '/web/part/',
      out: (s, pk) => s.partOut(pk),
    }),
  },
  {
    label: 'stockitem',
    code: 'SI',
    pythonClass: 'stock.models.StockItem',
    held: held((s) => s.stock, {
      permission: 'stock_stockitem',
      api: '/api/stock/',
      web: '/web/stock/item/',
      out: (s, pk) => s.stockOut(pk),
    }),
  },
  {
    label: 'stocklocation',
    code: 'SL',
    pythonClass: 'stock.models.StockLocation',
    held: held((s) => s.locations, {
      permission: 'stock_stocklocation',
      api: '/api/stock/location/',
      web: '/web/stock/location/',
      out: (s, pk) => s.locationOut(pk),
    }),
  },
]

const LABELS = MODELS.map((m) => m.label)

interface Match {
  model: BarcodeModel
  pk: number
}

/** The plugin raised (Python's int() of null or a list): the scan view skips the plugin, the link view fails. */
class PluginError extends Error {}

/** Python's int() of a JSON value, as the plugin applies it to `{"stockitem": …}`; null for a ValueError. */
function pyInt(value: unknown): number | null {
  if (typeof value === 'boolean') return value ? 1 : 0
  if (typeof value === 'number') return Math.trunc(value)
  if (typeof value === 'string') {
    const text = value.trim().replaceAll('_', '')
    return /^[+-]?\d+$/.test(text) ? Number(text) : null
  }
  throw new PluginError(`int() argument must be a string or a number, not ${JSON.stringify(value)}`)
}

const rowOf = (state: StandinState, model: BarcodeModel, pk: number): Row | undefined => model.held?.get(state, pk)

/** The InvenTreeBarcode plugin's scan(): the object a barcode points at, or null. */
function scanInternal(state: StandinState, barcode: string): Match | null {
  const prefix = state.setting('SHORT_BARCODE_PREFIX').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const short = new RegExp(`^${prefix}([0-9A-Z $%*+,\\-./:]{2})(\\d+)$`).exec(barcode)
  if (short) {
    const model = MODELS.find((m) => m.code === short[1])
    if (!model) return null
    if (rowOf(state, model, Number(short[2]))) return { model, pk: Number(short[2]) }
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(barcode)
  } catch {
    parsed = null
  }
  if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
    const dict = parsed as Record<string, unknown>
    for (const model of MODELS) {
      if (!(model.label in dict)) continue
      const pk = pyInt(dict[model.label])
      if (pk !== null && rowOf(state, model, pk)) return { model, pk }
    }
  }
  const hash = barcodeHash(barcode)
  for (const model of MODELS) {
    const row = model.held?.byHash(state, hash)
    if (row) return { model, pk: row.pk }
  }
  return null
}

/** InvenTreeBarcodeMixin.format_matched_response(). */
function matched(state: StandinState, { model, pk }: Match): Record<string, unknown> {
  const { api, web, out } = model.held!
  return { pk, api_url: `${api}${pk}/`, web_url: `${web}${pk}`, instance: out(state, pk) }
}

/** The model fields of a link or unlink request must name existing objects (PrimaryKeyRelatedField). */
function checkModelFields(state: StandinState, body: Record<string, unknown>, errors: FieldErrors): void {
  for (const model of MODELS) {
    const pk = body[model.label]
    if (pk !== null && pk !== undefined && !rowOf(state, model, Number(pk))) errors.add(model.label, invalidPk(pk))
  }
}

const permissionDenied = (model: BarcodeModel): Refusal =>
  new Refusal(403, { error: `You do not have the required permissions for <class '${model.pythonClass}'>` })

export const scan: Handler = ({ req, state }) => {
  const barcode = pyStrip(bodyOf<Schemas['Barcode']>(req).barcode)
  if (!barcode) throw new Refusal(400, { barcode: [BLANK] })
  let match: Match | null
  try {
    match = scanInternal(state, barcode)
  } catch (err) {
    if (!(err instanceof PluginError)) throw err
    match = null
  }
  const barcode_hash = barcodeHash(barcode)
  if (!match)
    throw new Refusal(400, {
      plugin: 'None',
      barcode_data: barcode,
      barcode_hash,
      error: 'No match found for barcode data',
    })
  return {
    status: 200,
    body: {
      [match.model.label]: matched(state, match),
      success: 'Match found for barcode data',
      plugin: PLUGIN_NAME,
      barcode_data: barcode,
      barcode_hash,
    },
  }
}

export const link: Handler = ({ req, state, user }) => {
  const body = bodyOf<Schemas['BarcodeAssign']>(req) as Schemas['BarcodeAssign'] & Record<string, unknown>
  const barcode = pyStrip(body.barcode)
  const errors = new FieldErrors()
  if (!barcode) errors.add('barcode', BLANK)
  checkModelFields(state, body, errors)
  errors.throwIfAny()

  let match: Match | null
  try {
    match = scanInternal(state, barcode)
  } catch (err) {
    if (err instanceof PluginError) throw serverError(req.path, 'TypeError')
    throw err
  }
  if (match) {
    // A ValidationError's dict, rendered by DRF with every value a string (the matched object's own fields left out).
    const { pk, api_url, web_url } = matched(state, match)
    throw new Refusal(400, {
      [match.model.label]: { pk: String(pk), api_url, web_url },
      error: 'Barcode matches existing item',
      plugin: PLUGIN_NAME,
      barcode_data: barcode,
    })
  }

  const barcode_hash = barcodeHash(barcode)
  for (const model of MODELS) {
    const pk = body[model.label]
    const row = typeof pk === 'number' ? rowOf(state, model, pk) : undefined
    if (!row || !model.held) continue
    if (!allowed(user!, model.held.permission, 'change')) throw permissionDenied(model)
    state.atomically(() => model.held!.setBarcode(state, row.pk, barcode, barcode_hash))
    return {
      status: 200,
      body: {
        success: `Assigned barcode to ${model.label} instance`,
        [model.label]: { pk: row.pk },
        barcode_data: barcode,
        barcode_hash,
      },
    }
  }
  throw new Refusal(400, { error: `Missing data: provide one of '[${LABELS.map((l) => `'${l}'`).join(', ')}]'` })
}

export const unlink: Handler = ({ req, state, user }) => {
  const body = (bodyOf<Schemas['BarcodeUnassign'] | undefined>(req) ?? {}) as Record<string, unknown>
  const errors = new FieldErrors()
  checkModelFields(state, body, errors)
  errors.throwIfAny()

  const named = LABELS.filter((label) => label in body)
  if (named.length === 0) throw new Refusal(400, { error: `Missing data: Provide one of '${LABELS.join(', ')}'` })
  if (named.length > 1) throw new Refusal(400, { error: `Multiple conflicting fields: '${LABELS.join(', ')}'` })
  for (const model of MODELS) {
    const pk = body[model.label]
    const row = typeof pk === 'number' ? rowOf(state, model, pk) : undefined
    if (!row || !model.held) continue
    if (!allowed(user!, model.held.permission, 'change')) throw permissionDenied(model)
    state.atomically(() => model.held!.setBarcode(state, row.pk, '', ''))
    return { status: 200, body: { success: `Barcode unassigned from ${model.label} instance` } }
  }
  throw new Refusal(400, { error: 'Could not unassign barcode' })
}
