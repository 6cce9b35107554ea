import type { ItemRef, SessionHeader, SessionKind, SessionRow } from '../../../src-main/contract'

type Flag = SessionRow['flag']

/** Words and an icon for each flag: never colour alone. Receipts and the scan page name some flags differently. */
export function flagLabel(flag: Flag, kind: SessionKind): { icon: string; word: string } | null {
  switch (flag) {
    case 'ok':
      return null
    case 'duplicate':
      return { icon: '2×', word: kind === 'receive' ? 'Duplicate package' : 'Duplicate' }
    case 'unknown':
      return { icon: '?', word: kind === 'receive' ? 'Unknown item' : 'Unknown' }
    case 'over':
      return { icon: '▲', word: 'Over-receipt' }
    case 'not_on_order':
      return { icon: '✕', word: 'Not on this order' }
  }
}

export function formatQuantity(quantity: number | null, units: string): string {
  if (quantity === null) return '—'
  return units ? `${quantity} ${units}` : String(quantity)
}

/** Rows sorted by id (the back end's order); a row already present (a quantity command's update) is replaced. */
export function upsertRow(rows: SessionRow[], row: SessionRow): SessionRow[] {
  const last = rows.at(-1)
  if (!last || last.id < row.id) return [...rows, row]
  const i = rows.findIndex((r) => r.id === row.id)
  if (i < 0) return [...rows, row].sort((a, b) => a.id - b.id)
  const next = rows.slice()
  next[i] = row
  return next
}

export interface CreatedStock {
  stockitem: number
  quantity: number
  location: number | null
}

/**
 * A commit made by the CMD:COMMIT barcode returns, in `SessionUpdate.session`, the header that sessionCommit
 * returns (with `created`), though the contract types it as a plain SessionHeader; read it if it is there.
 */
export function createdOf(header: SessionHeader): CreatedStock[] | null {
  const created = (header as SessionHeader & { created?: unknown }).created
  return Array.isArray(created) ? (created as CreatedStock[]) : null
}

export function locationName(refs: (ItemRef | null)[], pk: number | null): string {
  if (pk === null) return '—'
  return refs.find((r) => r?.pk === pk)?.name ?? `Location #${pk}`
}
