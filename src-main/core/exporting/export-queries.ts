/**
 * What each export kind writes: its columns (the headers the importer reads back, InvenTree's labels where
 * InvenTree has the same column) and the query of the filtered view. Paths are written as InvenTree writes them,
 * "Warehouse/Shelf A/Bin 3", so a file moved between stations keeps its places.
 */
import type { ExportFilter, ExportKind } from '../../contract'

export interface ExportQuery {
  headers: string[]
  sql: string
  params: Record<string, string | number>
}

/** Each category's and location's path, computed once per export. */
const PATHS = `
WITH RECURSIVE
  loc_path(id, path) AS (
    SELECT id, name FROM stocklocation WHERE parent_id IS NULL
    UNION ALL SELECT l.id, p.path || '/' || l.name FROM stocklocation l JOIN loc_path p ON l.parent_id = p.id),
  cat_path(id, path) AS (
    SELECT id, name FROM partcategory WHERE parent_id IS NULL
    UNION ALL SELECT c.id, p.path || '/' || c.name FROM partcategory c JOIN cat_path p ON c.parent_id = p.id),
  branch(id) AS (
    SELECT @location WHERE @location IS NOT NULL
    UNION ALL SELECT l.id FROM stocklocation l JOIN branch b ON l.parent_id = b.id)`

const like = (columns: string[]): string => `(${columns.map((c) => `${c} LIKE @q ESCAPE '\\'`).join(' OR ')})`

export function exportQuery(kind: ExportKind, filter: ExportFilter): ExportQuery {
  const where: string[] = []
  const params: Record<string, string | number> = {}
  params['location'] = filter.location ?? (null as unknown as number)
  if (filter.query) params['q'] = `%${filter.query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
  if (filter.part !== undefined) params['part'] = filter.part
  if (filter.since) params['since'] = filter.since
  const clause = (): string => (where.length ? `WHERE ${where.join(' AND ')}` : '')
  switch (kind) {
    case 'parts':
      if (!filter.includeArchived) where.push('p.archived = 0')
      if (filter.query) where.push(like(['p.name', 'p.ipn', 'p.description']))
      if (filter.part !== undefined) where.push('p.id = @part')
      if (filter.location !== undefined)
        where.push(
          '(p.default_location_id IN branch OR p.id IN (SELECT part_id FROM stockitem WHERE location_id IN branch))',
        )
      return {
        headers: [
          'IPN',
          'Name',
          'Description',
          'Category path',
          'Units',
          'Default location path',
          'Active',
          'In Stock',
        ],
        sql: `${PATHS}
          SELECT coalesce(p.ipn, ''), p.name, p.description, coalesce(cp.path, ''), p.units, coalesce(lp.path, ''),
                 iif(p.archived, 'False', 'True'),
                 (SELECT coalesce(sum(quantity), 0) FROM stockitem s WHERE s.part_id = p.id)
          FROM part p LEFT JOIN cat_path cp ON cp.id = p.category_id LEFT JOIN loc_path lp ON lp.id = p.default_location_id
          ${clause()} ORDER BY p.name, p.id`,
        params,
      }
    case 'stock':
      if (filter.query) where.push(like(['p.name', 'p.ipn', 's.batch', 's.serial']))
      if (filter.part !== undefined) where.push('s.part_id = @part')
      if (filter.location !== undefined) where.push('s.location_id IN branch')
      return {
        headers: [
          'ID',
          'Part IPN',
          'Part',
          'Location path',
          'Quantity',
          'Units',
          'Batch',
          'Serial',
          'Status',
          'Supplier',
          'SKU',
          'Purchase order',
        ],
        sql: `${PATHS}
          SELECT s.id, coalesce(p.ipn, ''), p.name, coalesce(lp.path, ''), s.quantity, p.units, s.batch, coalesce(s.serial, ''),
                 s.status, coalesce(c.name, ''), coalesce(sp.sku, ''), coalesce(o.reference, '')
          FROM stockitem s JOIN part p ON p.id = s.part_id LEFT JOIN loc_path lp ON lp.id = s.location_id
          LEFT JOIN supplierpart sp ON sp.id = s.supplier_part_id LEFT JOIN company c ON c.id = sp.supplier_id
          LEFT JOIN purchaseorder o ON o.id = s.purchase_order_id
          ${clause()} ORDER BY s.id`,
        params,
      }
    case 'receipts':
    case 'tracking':
      if (kind === 'receipts') where.push("t.kind = 'received'")
      if (filter.query) where.push(like(['p.name', 'p.ipn', 't.notes', "coalesce(o.reference, '')"]))
      if (filter.part !== undefined) where.push('s.part_id = @part')
      if (filter.location !== undefined) where.push('(t.to_location_id IN branch OR t.from_location_id IN branch)')
      if (filter.since) where.push('t.timestamp >= @since')
      return {
        headers:
          kind === 'receipts'
            ? [
                'Date',
                'Purchase order',
                'Supplier',
                'SKU',
                'Part IPN',
                'Part',
                'Quantity',
                'Location path',
                'Batch',
                'Stock item',
                'Operator',
              ]
            : ['Date', 'Stock item', 'Part IPN', 'Part', 'What', 'Change', 'From', 'To', 'Operator', 'Notes'],
        sql: `${PATHS}
          SELECT t.timestamp, ${
            kind === 'receipts'
              ? `coalesce(o.reference, ''), coalesce(c.name, ''), coalesce(sp.sku, ''), coalesce(p.ipn, ''), p.name, t.delta,
                 coalesce(tl.path, ''), s.batch, s.id, coalesce(op.name, '')`
              : `s.id, coalesce(p.ipn, ''), p.name, t.kind, t.delta, coalesce(fl.path, ''), coalesce(tl.path, ''),
                 coalesce(op.name, ''), t.notes`
          }
          FROM stocktracking t JOIN stockitem s ON s.id = t.stockitem_id JOIN part p ON p.id = s.part_id
          LEFT JOIN loc_path fl ON fl.id = t.from_location_id LEFT JOIN loc_path tl ON tl.id = t.to_location_id
          LEFT JOIN operator op ON op.id = t.operator_id
          LEFT JOIN supplierpart sp ON sp.id = s.supplier_part_id LEFT JOIN company c ON c.id = sp.supplier_id
          LEFT JOIN purchaseorder o ON o.id = s.purchase_order_id
          ${clause()} ORDER BY t.id`,
        params,
      }
  }
}
