/** The stock location tree, built in one pass from one query (sites → rooms → shelves → bins). */
import type { LocationNode } from '../../contract'
import type { Db } from '../db/connection'
import { naturalOrder } from './natural-order'

interface LocationRow {
  id: number
  name: string
  parent_id: number | null
  structural: number
  items: number
}

export function locationTree(db: Db): LocationNode[] {
  const rows = db
    .prepare<[], LocationRow>(
      `SELECT l.id, l.name, l.parent_id, l.structural, coalesce(c.n, 0) AS items
       FROM stocklocation l LEFT JOIN (SELECT location_id, count(*) AS n FROM stockitem GROUP BY location_id) c
         ON c.location_id = l.id
`,
    )
    .all()
    .sort((a, b) => naturalOrder(a.name, b.name))
  const nodes = new Map<number, LocationNode>()
  for (const r of rows)
    nodes.set(r.id, { pk: r.id, name: r.name, structural: r.structural === 1, stockCount: r.items, children: [] })
  const roots: LocationNode[] = []
  for (const r of rows) {
    const node = nodes.get(r.id)!
    const parent = r.parent_id === null ? undefined : nodes.get(r.parent_id)
    if (parent) parent.children.push(node)
    else roots.push(node)
  }
  return roots
}
