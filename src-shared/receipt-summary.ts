/**
 * The words a committed receipt is summed up in, the same after a commit by button or by barcode: the parts by
 * name, with their quantities, so the clerk reads what came in rather than a count of packages.
 */

/** What the summary needs of each stock item a receipt created. */
export interface ReceivedBag {
  part: string
  quantity: number
  units: string
}

/** "Received 3 packages on PO-0001: 15 pcs Resistor 10k (2 packages), 20 pcs Capacitor 100nF". */
export function receivedSummary(created: readonly ReceivedBag[], order?: string): string {
  const byPart = new Map<string, { quantity: number; units: string; packages: number }>()
  for (const c of created) {
    const seen = byPart.get(c.part) ?? { quantity: 0, units: c.units, packages: 0 }
    seen.quantity += c.quantity
    seen.packages++
    byPart.set(c.part, seen)
  }
  const parts = [...byPart].map(
    ([part, p]) =>
      `${p.quantity}${p.units ? ` ${p.units}` : ''} ${part}${p.packages > 1 ? ` (${p.packages} packages)` : ''}`,
  )
  const head = `Received ${created.length} package${created.length === 1 ? '' : 's'}${order ? ` on ${order}` : ''}`
  return parts.length ? `${head}: ${parts.join(', ')}` : head
}
