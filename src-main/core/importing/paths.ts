/** Tree rows (categories, locations) by their InvenTree-style path, and the making of a missing path's nodes. */
import type { Db } from '../db/connection'

export type TreeTable = 'partcategory' | 'stocklocation'

const key = (names: string[]): string => names.map((n) => n.toLowerCase()).join('/')

export class PathIndex {
  private readonly byPath = new Map<string, number>()

  constructor(
    private readonly db: Db,
    private readonly table: TreeTable,
  ) {
    const rows = db.prepare(`SELECT id, name, parent_id FROM ${table}`).all() as {
      id: number
      name: string
      parent_id: number | null
    }[]
    const byId = new Map(rows.map((r) => [r.id, r]))
    const pathOf = (id: number, seen = 0): string[] => {
      const r = byId.get(id)!
      return r.parent_id === null || seen > 64 ? [r.name] : [...pathOf(r.parent_id, seen + 1), r.name]
    }
    for (const r of rows) this.byPath.set(key(pathOf(r.id)), r.id)
  }

  find(names: string[]): number | undefined {
    return this.byPath.get(key(names))
  }

  /** The node at `names`, made (with any missing ancestors) when absent; inside the caller's transaction. */
  ensure(names: string[], made: (id: number, path: string) => void = () => {}): number {
    let parent: number | null = null
    for (let depth = 1; depth <= names.length; depth++) {
      const path = names.slice(0, depth)
      let id = this.find(path)
      if (id === undefined) {
        id = Number(
          this.db.prepare(`INSERT INTO ${this.table} (name, parent_id) VALUES (?, ?)`).run(path[depth - 1], parent)
            .lastInsertRowid,
        )
        this.byPath.set(key(path), id)
        made(id, path.join('/'))
      }
      parent = id
    }
    return parent!
  }
}
