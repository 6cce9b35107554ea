/**
 * ISO/IEC 15434 "format 06" labels (ANSI MH10.8.2 data identifiers, as ECIA / EIGP 114 use them on DigiKey,
 * Mouser and TME reels and bags):  `[)>` RS `06` GS field GS field … RS EOT.  Old Mouser labels: `>[)>06` GS ….
 *
 * When a keyboard-wedge scanner drops the GS/RS/EOT characters, the fields run together. `recover` re-splits
 * them using the field orders real labels use, and reports a result only when exactly one split is plausible
 * (or when the caller's `known` check singles one out), never a guess.
 */
import type { SupplierFields } from './fields'

const GS = '\u001D'
const RS = '\u001E'
const EOT = '\u0004'

/** Data identifier → InvenTree field name. Longest identifiers are matched first. */
const IDENTIFIERS: Record<string, keyof SupplierFields> = {
  K: 'customer_order_number',
  '1K': 'supplier_order_number',
  '11K': 'packing_list_number',
  '4K': 'purchase_order_line',
  '14K': 'purchase_order_line',
  '6D': 'ship_date',
  '9D': 'date_code',
  '10D': 'date_code',
  P: 'customer_part_number',
  '1P': 'manufacturer_part_number',
  '30P': 'supplier_part_number',
  '1T': 'lot_code',
  '4L': 'country_of_origin',
  '1V': 'manufacturer',
  Q: 'quantity',
  S: 'serial',
  '3S': 'package_id',
  '4S': 'package_id',
  '5S': 'package_id',
}

/** Identifiers the station ignores but must still recognise, so their values do not leak into other fields. */
const IGNORED = ['10K', '11Z', '12Z', '13Z', '20Z', '1Z']

const ALL_IDS = [...Object.keys(IDENTIFIERS), ...IGNORED].sort((a, b) => b.length - a.length)

export interface Iso15434Parse {
  fields: SupplierFields
  /** Raw identifier → value pairs in label order, for the history and the parse command. */
  raw: [string, string][]
  recovered: boolean
}

/** The RS EOT trailer (either part may be missing). */
const TRAILER = new RegExp(`${RS}?${EOT}?$`)

const HEADER = /^(?:\[\)>\u001E06\u001D|>\[\)>06\u001D|\[\)>06\u001D)/
const HEADER_STRIPPED = /^(?:>?\[\)>0?6)/

export const looksLikeIso15434 = (data: string): boolean => HEADER.test(data) || HEADER_STRIPPED.test(data)

function splitField(field: string): [string, string] | null {
  const id = ALL_IDS.find((candidate) => field.startsWith(candidate))
  return id ? [id, field.slice(id.length)] : null
}

function toFields(raw: [string, string][]): SupplierFields {
  const fields: SupplierFields = {}
  for (const [id, value] of raw) {
    const name = IDENTIFIERS[id]
    if (!name || value === '' || fields[name] !== undefined) continue
    if (name === 'quantity') {
      const q = Number(value)
      if (Number.isFinite(q)) fields.quantity = q
    } else {
      fields[name] = value
    }
  }
  // DigiKey puts its own part number in 30P and the customer's (or again its own) in P.
  if (fields.supplier_part_number === undefined && fields.customer_part_number !== undefined) {
    fields.supplier_part_number = fields.customer_part_number
  }
  return fields
}

export function parseIso15434(data: string): Iso15434Parse | null {
  const header = HEADER.exec(data)
  if (!header) return null
  const body = data.slice(header[0].length).replace(TRAILER, '')
  const raw: [string, string][] = []
  for (const field of body.split(GS)) {
    if (field === '') continue
    const pair = splitField(field)
    if (pair) raw.push(pair)
  }
  return raw.length ? { fields: toFields(raw), raw, recovered: false } : null
}

/** Field orders printed by the vendors (identifiers in the order they appear on the label). */
const VENDOR_ORDERS: string[][] = [
  // DigiKey bag and reel labels
  ['P', '1P', '30P', 'K', '1K', '10K', '9D', '1T', '11K', '4L', 'Q', '11Z', '12Z', '13Z', '20Z'],
  // Mouser labels (new and old header)
  ['K', '14K', 'P', '1P', 'Q', '11K', '4L', '1V', '1T', '9D', '10D'],
  // ECIA EIGP 114 reference layout
  ['P', '1P', '1T', '9D', '10D', '4L', 'Q', '1V', 'K', '4K', '14K', '3S', '4S', '5S', 'S', '6D'],
]

/** What a value may look like, per identifier: tight where the standard is tight, so splits stay unambiguous. */
const VALUE_SHAPE: Record<string, RegExp> = {
  Q: /^\d{1,9}$/,
  '9D': /^\d{4}$/,
  '10D': /^\d{4}$/,
  '6D': /^\d{8}$/,
  '4L': /^[A-Z]{2}$/,
  '11Z': /^PICK$/,
  '12Z': /^\d{1,10}$/,
  '13Z': /^\d{1,10}$/,
  '20Z': /^0+$/,
  '14K': /^\d{1,6}$/,
  '4K': /^\d{1,6}$/,
  '10K': /^\d{1,12}$/,
  '11K': /^\d{1,12}$/,
  '1K': /^[A-Z0-9-]{1,20}$/,
}
const FREE_TEXT = /^[^\u0000-\u001F]{1,60}$/

/** Bounds on the search, so a hostile 4 KB "label" costs microseconds, not minutes. */
const MAX_SPLITS = 4096
const MAX_STEPS = 200_000

/**
 * Re-split a label whose separators were lost. `known` (optional) scores a reading by how many of its values the
 * station recognises (a SKU, an MPN, an order number in the database); the best-scoring readings win ties.
 */
export function recoverIso15434(
  data: string,
  known?: (fields: SupplierFields) => number,
): Iso15434Parse | { ambiguous: number } | null {
  const header = HEADER_STRIPPED.exec(data)
  if (!header || HEADER.test(data)) return null
  const body = data.slice(header[0].length)
  const splits = new Map<string, [string, string][]>()
  const budget = { steps: MAX_STEPS }
  for (const order of VENDOR_ORDERS) {
    const found = splitsInOrder(body, order, budget)
    if (found === null) return { ambiguous: MAX_SPLITS }
    for (const raw of found) splits.set(JSON.stringify(raw), raw)
  }
  let candidates = [...splits.values()]
  if (candidates.length > 1 && known) {
    const scores = candidates.map((raw) => known(toFields(raw)))
    const best = Math.max(...scores)
    candidates = candidates.filter((_, i) => scores[i] === best)
  }
  // A value that swallowed what reads as further fields is less likely than the finer split: keep the splits
  // that found the most fields.
  const most = Math.max(0, ...candidates.map((raw) => raw.length))
  candidates = candidates.filter((raw) => raw.length === most)
  // Several splits that yield the same fields are one answer (an ignored identifier cut differently).
  const distinct = new Map(candidates.map((raw) => [JSON.stringify(toFields(raw)), raw]))
  if (distinct.size !== 1) return distinct.size === 0 ? null : { ambiguous: distinct.size }
  const raw = [...distinct.values()][0]!
  return { fields: toFields(raw), raw, recovered: true }
}

/**
 * Every way to cut `body` into identifier+value fields whose identifiers follow `order` (each at most once);
 * null when there are too many to consider.
 */
function splitsInOrder(body: string, order: string[], budget: { steps: number }): [string, string][][] | null {
  const results: [string, string][][] = []
  const walk = (pos: number, from: number, acc: [string, string][]): void => {
    if (results.length > MAX_SPLITS || --budget.steps < 0) return
    if (pos === body.length) {
      if (acc.length >= 2) results.push(acc)
      return
    }
    for (let i = from; i < order.length; i++) {
      const id = order[i]!
      if (!body.startsWith(id, pos)) continue
      const start = pos + id.length
      // The value runs to where a later identifier of the order starts (or to the end).
      const shape = VALUE_SHAPE[id] ?? FREE_TEXT
      const longest = Math.min(body.length, start + (VALUE_SHAPE[id] ? 20 : 60))
      for (let end = start + 1; end <= longest; end++) {
        const value = body.slice(start, end)
        if (!shape.test(value)) continue
        const nextStartsHere = end === body.length || order.slice(i + 1).some((next) => body.startsWith(next, end))
        if (nextStartsHere) walk(end, i + 1, [...acc, [id, value]])
      }
    }
  }
  walk(0, 0, [])
  return results.length > MAX_SPLITS || budget.steps < 0 ? null : results
}
