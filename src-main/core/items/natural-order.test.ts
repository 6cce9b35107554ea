import { describe, expect, it } from 'vitest'
import type { LocationNode } from '../../contract'
import { openTestStation } from '../../tests/support/station'
import { silentLogger } from '../log/logger'

const find = (nodes: LocationNode[], test: (n: LocationNode) => boolean): LocationNode | undefined => {
  for (const n of nodes) {
    if (test(n)) return n
    const below = find(n.children, test)
    if (below) return below
  }
  return undefined
}

describe('locations as a person reads them', () => {
  const station = openTestStation({ dbPath: ':memory:', logger: silentLogger })

  it('bins sort naturally: Bin B2 before Bin B10, in the tree and on the shelf page', () => {
    const shelf = find(station.locationTree(), (n) => n.children.some((c) => c.name === 'Bin B10'))!
    const names = shelf.children.map((c) => c.name)
    expect(names.indexOf('Bin B2')).toBeLessThan(names.indexOf('Bin B10'))
    expect(names.at(-1)).toBe('Bin B10')
    const page = station.getItem({ model: 'stocklocation', pk: shelf.pk })
    const sub = page.sections.find((s) => s.title === 'Sublocations')!.rows.map((r) => String(r.cells[0]))
    expect(sub).toEqual(names)
  })

  it('a parent location lists the stock in the locations below it', () => {
    const root = station.locationTree()[0]!
    const page = station.getItem({ model: 'stocklocation', pk: root.pk })
    const stock = page.sections.find((s) => s.title === 'Stock items here and below')!
    expect(root.stockCount).toBe(0)
    expect(stock.rows.length).toBeGreaterThan(0)
    const locations = new Set(stock.rows.map((r) => String(r.cells[2])))
    expect(locations.has(root.name)).toBe(false)
  })
})
