/**
 * Turns checked rows into what an import would do, reading the database but writing nothing: each row becomes an
 * update of the row it names (a part by IPN, else by its name among parts without one; a supplier part by
 * supplier and SKU; an order by reference; a location by path) or a new row, and a reference the station does
 * not know becomes that row's error. The same key twice in one file is an error on the later row.
 */
import type { Statement } from 'better-sqlite3'
import type { ImportKind, ImportRowError } from '../../contract'
import type { Db } from '../db/connection'
import type { CheckedRow } from './check-rows'
import { PathIndex } from './paths'
import { splitPath, type ImportRow } from './row-schemas'

export interface PlannedRow<K extends ImportKind = ImportKind> {
  row: number
  /** The existing row it updates; null for a new one. */
  pk: number | null
  values: ImportRow<K>
  /** Resolved references (pks) by field. */
  refs: Record<string, number | null>
}

export interface ImportPlan {
  kind: ImportKind
  rows: PlannedRow[]
  errors: ImportRowError[]
  creates: number
  updates: number
}

type Lookup = (sql: string, ...args: (string | number)[]) => number | undefined

export function planImport(db: Db, kind: ImportKind, checked: CheckedRow[]): ImportPlan {
  const cache = new Map<string, Statement<(string | number)[]>>()
  const lookup: Lookup = (sql, ...args) => {
    let stmt = cache.get(sql)
    if (!stmt) cache.set(sql, (stmt = db.prepare<(string | number)[]>(sql).pluck()))
    return stmt.get(...args) as number | undefined
  }
  const errors: ImportRowError[] = []
  const seen = new Map<string, number>()
  const rows: PlannedRow[] = []
  const once = (key: string, row: number, what: string): boolean => {
    const first = seen.get(key)
    if (first !== undefined) {
      errors.push({ row, message: `${what} is also on row ${first}` })
      return false
    }
    seen.set(key, row)
    return true
  }
  const locations = new PathIndex(db, 'stocklocation')
  const location = (text: string | undefined, row: number, field: string): number | null | false => {
    if (!text) return null
    const id = locations.find(splitPath(text))
    if (id === undefined) {
      errors.push({ row, field, message: `No stock location "${text}"` })
      return false
    }
    return id
  }
  // Parts (and a supplier part's part) are matched by IPN without case, which the IPN index (binary) cannot answer: one read of every key instead.
  const partKeys = kind === 'parts' || kind === 'supplierparts' ? loadPartKeys(db) : new Map<string, number>()
  for (const { row, values } of checked) {
    if (kind === 'parts') {
      const v = values as ImportRow<'parts'>
      const key = v.ipn ? `ipn:${v.ipn.toLowerCase()}` : `name:${v.name.toLowerCase()}`
      if (!once(key, row, v.ipn ? `IPN ${v.ipn}` : `The part "${v.name}" (without IPN)`)) continue
      const loc = location(v.defaultLocation, row, 'defaultLocation')
      if (loc === false) continue
      const pk = partKeys.get(key)
      rows.push({ row, pk: pk ?? null, values: v, refs: { defaultLocation: loc } })
    } else if (kind === 'supplierparts') {
      const v = values as ImportRow<'supplierparts'>
      if (!once(`${v.supplier.toLowerCase()}|${v.sku.toLowerCase()}`, row, `SKU ${v.sku} of ${v.supplier}`)) continue
      const part = partKeys.get(`ipn:${v.part.toLowerCase()}`)
      if (part === undefined) {
        errors.push({ row, field: 'part', message: `No part with IPN ${v.part}` })
        continue
      }
      const supplier = lookup('SELECT id FROM company WHERE name = ? COLLATE NOCASE', v.supplier) ?? null
      const pk =
        supplier === null
          ? undefined
          : lookup('SELECT id FROM supplierpart WHERE supplier_id = ? AND sku = ? COLLATE NOCASE', supplier, v.sku)
      rows.push({ row, pk: pk ?? null, values: v, refs: { part, supplier } })
    } else if (kind === 'locations') {
      const v = values as ImportRow<'locations'>
      const names = splitPath(v.path)
      if (!once(`path:${names.join('/').toLowerCase()}`, row, `The location ${v.path}`)) continue
      rows.push({ row, pk: locations.find(names) ?? null, values: v, refs: {} })
    } else {
      const v = values as ImportRow<'purchaseorders'>
      if (!once(`${v.reference.toLowerCase()}|${v.sku.toLowerCase()}`, row, `SKU ${v.sku} on ${v.reference}`)) continue
      const supplier = lookup('SELECT id FROM company WHERE name = ? COLLATE NOCASE', v.supplier)
      if (supplier === undefined) {
        errors.push({ row, field: 'supplier', message: `No company "${v.supplier}"` })
        continue
      }
      const sp = lookup('SELECT id FROM supplierpart WHERE supplier_id = ? AND sku = ? COLLATE NOCASE', supplier, v.sku)
      if (sp === undefined) {
        errors.push({ row, field: 'sku', message: `${v.supplier} has no supplier part with SKU ${v.sku}` })
        continue
      }
      const dest = location(v.destination, row, 'destination')
      if (dest === false) continue
      const order = db
        .prepare<[string], { id: number; status: string; supplier_id: number }>(
          'SELECT id, status, supplier_id FROM purchaseorder WHERE reference = ? COLLATE NOCASE',
        )
        .get(v.reference)
      if (order && order.status !== 'pending') {
        errors.push({
          row,
          field: 'reference',
          message: `${v.reference} is ${order.status}: only pending orders update`,
        })
        continue
      }
      if (order && order.supplier_id !== supplier) {
        errors.push({ row, field: 'supplier', message: `${v.reference} is another supplier's order` })
        continue
      }
      rows.push({ row, pk: order?.id ?? null, values: v, refs: { supplier, supplierPart: sp, destination: dest } })
    }
  }
  const creates =
    kind === 'purchaseorders'
      ? new Set(
          rows
            .filter((r) => r.pk === null)
            .map((r) => (r.values as ImportRow<'purchaseorders'>).reference.toLowerCase()),
        ).size
      : rows.filter((r) => r.pk === null).length
  const updates =
    kind === 'purchaseorders'
      ? new Set(rows.filter((r) => r.pk !== null).map((r) => r.pk)).size
      : rows.filter((r) => r.pk !== null).length
  errors.sort((a, b) => a.row - b.row)
  return { kind, rows, errors, creates, updates }
}

function loadPartKeys(db: Db): Map<string, number> {
  const keys = new Map<string, number>()
  for (const r of db
    .prepare<[], { id: number; ipn: string | null; name: string }>('SELECT id, ipn, name FROM part')
    .iterate())
    keys.set(r.ipn !== null ? `ipn:${r.ipn.toLowerCase()}` : `name:${r.name.toLowerCase()}`, r.id)
  return keys
}
