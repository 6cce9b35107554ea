/**
 * The words the footer, the InvenTree settings and the Sync screen use for the desk's connection, in one place so
 * the three say the same thing.
 */
import type { OutboxItem, SyncProgressView, SyncState } from '../../../src-main/contract'
import { localDateTime } from '../../../src-shared/local-time'

export const STATE_WORDS: Record<SyncState, string> = {
  not_connected: 'Not connected',
  idle: 'Synced',
  syncing: 'Syncing…',
  offline: 'Offline',
  token_refused: 'Token refused',
}

/** The desk actions InvenTree roles allow, as a person names them. */
const ACTION_WORDS: Record<string, string> = {
  pull: 'read the server',
  receive: 'receive',
  move: 'move',
  count: 'count',
  add: 'add stock',
  remove: 'remove stock',
  merge: 'merge',
  link_barcode: 'link barcodes',
  unlink_barcode: 'unlink barcodes',
  create_supplier_part: 'create supplier parts',
}

/** The footer's word: "Synced" only once a sync has run; a desk connected a moment ago is "Connected". */
export function stateWord(state: SyncState, lastSync: string | null): string {
  return state === 'idle' && !lastSync ? 'Connected' : STATE_WORDS[state]
}

export const actionWord = (action: string): string => ACTION_WORDS[action] ?? action.replaceAll('_', ' ')

export const KIND_WORDS: Record<OutboxItem['kind'], string> = {
  receive: 'Receive',
  transfer: 'Move',
  count: 'Count',
  add: 'Add',
  remove: 'Remove',
  merge: 'Merge',
  link: 'Link barcode',
  unlink: 'Unlink barcode',
  supplierpart: 'New supplier part',
}

// The interface is English throughout, so are its numbers ("1,500", never "1.500" on a German system).
const numbers = new Intl.NumberFormat('en-US')

/** "Pulling stock items 1,500 / 100,000", "Pushing desk actions 3 / 12". */
export function progressText(p: SyncProgressView): string {
  const verb = p.phase === 'push' ? 'Pushing' : 'Pulling'
  return `${verb} ${p.label} ${numbers.format(p.done)} / ${numbers.format(p.total)}`
}

/** "3 queued · 1 parked" without the parts that are zero; empty when nothing waits. */
export function waitingParts(queued: number, parked: number): { queued: string | null; parked: string | null } {
  return {
    queued: queued > 0 ? `${numbers.format(queued)} queued` : null,
    parked: parked > 0 ? `${numbers.format(parked)} parked` : null,
  }
}

/** "just now", "2 min ago", "3 h ago", "4 days ago"; a time in the future (a clock ahead) reads "just now". */
export function timeAgo(iso: string, now: number): string {
  const then = Date.parse(iso)
  if (Number.isNaN(then)) return iso
  const s = Math.max(0, Math.round((now - then) / 1000))
  if (s < 60) return 'just now'
  const min = Math.floor(s / 60)
  if (min < 60) return `${min} min ago`
  const h = Math.floor(min / 60)
  if (h < 48) return `${h} h ago`
  const days = Math.floor(h / 24)
  return `${days} days ago`
}

/** A stored time for a person: the local date and time to the minute. */
export function dateTime(iso: string | null): string {
  if (!iso) return '—'
  return localDateTime(iso)
}

/**
 * What discarding a parked row undoes at this desk: the server's state stands, and rows the desk made for the
 * action alone go (the Station's discard removes them; rows that existed on the server are read again).
 */
export function discardEffect(kind: OutboxItem['kind']): string {
  if (kind === 'receive')
    return 'The stock item this desk created for the receipt is removed here, with its barcode link, unless the server already made it; the order line no longer counts it.'
  if (kind === 'supplierpart')
    return 'The supplier part this desk created is removed here, with its barcode link, unless the server already made it.'
  return 'Nothing is deleted here: the items it changed are read again from the server at the next sync, so the desk shows what the server has.'
}
