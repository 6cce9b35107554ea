/**
 * Search by what a person at the desk has in hand: a part name or IPN, a supplier's SKU, a manufacturer's MPN,
 * a location name or an order reference. Exact and prefix matches rank before matches inside the text.
 */
import type { ModelType, SearchHit } from '../../contract'
import type { Db } from '../db/connection'

interface HitRow {
  model: ModelType
  pk: number
  title: string
  matched: string
  detail: string
  rank: number
}

// Each branch returns (model, pk, title, matched text, detail, rank); rank 0 exact, 1 prefix, 2 contained.
const SEARCH_SQL = `
WITH q(t, e) AS (SELECT ?, ?)
SELECT * FROM (
  SELECT 'part' AS model, p.id AS pk, p.name AS title, 'IPN ' || p.ipn AS matched, p.description AS detail,
         CASE WHEN p.ipn = t COLLATE NOCASE THEN 0 WHEN p.ipn LIKE e || '%' ESCAPE '\\' THEN 1 ELSE 2 END AS rank
  FROM part p, q WHERE p.ipn LIKE '%' || e || '%' ESCAPE '\\'
  UNION ALL
  SELECT 'part', p.id, p.name, 'Name', p.description,
         CASE WHEN p.name = t COLLATE NOCASE THEN 0 WHEN p.name LIKE e || '%' ESCAPE '\\' THEN 1 ELSE 2 END
  FROM part p, q WHERE p.name LIKE '%' || e || '%' ESCAPE '\\' OR p.description LIKE '%' || e || '%' ESCAPE '\\'
  UNION ALL
  SELECT 'supplierpart', sp.id, c.name || ' ' || sp.sku, 'SKU ' || sp.sku, p.name,
         CASE WHEN sp.sku = t COLLATE NOCASE THEN 0 WHEN sp.sku LIKE e || '%' ESCAPE '\\' THEN 1 ELSE 2 END
  FROM supplierpart sp JOIN company c ON c.id = sp.supplier_id JOIN part p ON p.id = sp.part_id, q
  WHERE sp.sku LIKE '%' || e || '%' ESCAPE '\\'
  UNION ALL
  SELECT 'manufacturerpart', mp.id, c.name || ' ' || mp.mpn, 'MPN ' || mp.mpn, p.name,
         CASE WHEN mp.mpn = t COLLATE NOCASE THEN 0 WHEN mp.mpn LIKE e || '%' ESCAPE '\\' THEN 1 ELSE 2 END
  FROM manufacturerpart mp JOIN company c ON c.id = mp.manufacturer_id JOIN part p ON p.id = mp.part_id, q
  WHERE mp.mpn LIKE '%' || e || '%' ESCAPE '\\'
  UNION ALL
  SELECT 'stocklocation', l.id, l.name, 'Location', l.description,
         CASE WHEN l.name = t COLLATE NOCASE THEN 0 WHEN l.name LIKE e || '%' ESCAPE '\\' THEN 1 ELSE 2 END
  FROM stocklocation l, q WHERE l.name LIKE '%' || e || '%' ESCAPE '\\'
  UNION ALL
  SELECT 'purchaseorder', po.id, po.reference, 'Reference', c.name || ' ' || po.supplier_reference,
         CASE WHEN po.reference = t COLLATE NOCASE OR po.supplier_reference = t COLLATE NOCASE THEN 0 ELSE 2 END
  FROM purchaseorder po JOIN company c ON c.id = po.supplier_id, q
  WHERE po.reference LIKE '%' || e || '%' ESCAPE '\\' OR po.supplier_reference LIKE '%' || e || '%' ESCAPE '\\'
  UNION ALL
  SELECT 'company', c.id, c.name, 'Company', c.website,
         CASE WHEN c.name = t COLLATE NOCASE THEN 0 WHEN c.name LIKE e || '%' ESCAPE '\\' THEN 1 ELSE 2 END
  FROM company c, q WHERE c.name LIKE '%' || e || '%' ESCAPE '\\'
)
ORDER BY rank, model, title
LIMIT ?`

/** LIKE treats % and _ as wildcards; a person searching for "10%" or "AB_1" means the characters. */
const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`)

export class Search {
  private readonly statement

  constructor(db: Db) {
    this.statement = db.prepare<[string, string, number], HitRow>(SEARCH_SQL)
  }

  find(query: string, limit = 50): SearchHit[] {
    const text = query.trim()
    if (!text) return []
    const seen = new Set<string>()
    const hits: SearchHit[] = []
    // A part found by both name and IPN is listed once, under its best rank.
    for (const row of this.statement.all(text, escapeLike(text), limit * 2)) {
      const key = `${row.model}:${row.pk}`
      if (seen.has(key)) continue
      seen.add(key)
      hits.push({ model: row.model, pk: row.pk, title: row.title, matched: row.matched, detail: row.detail })
      if (hits.length === limit) break
    }
    return hits
  }
}
