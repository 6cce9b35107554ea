import type { LocationNode } from '../../../src-main/contract'

export interface LocationChoice {
  pk: number
  /** The location with its parents, "Warehouse / Shelf A". */
  path: string
  /** A structural location holds no stock: shown for its place in the tree, not chosen. */
  structural: boolean
}

/** The location tree as one list in tree order, for a select. */
export function locationChoices(nodes: LocationNode[], parent = ''): LocationChoice[] {
  return nodes.flatMap((n) => {
    const path = parent ? `${parent} / ${n.name}` : n.name
    return [{ pk: n.pk, path, structural: n.structural }, ...locationChoices(n.children, path)]
  })
}
