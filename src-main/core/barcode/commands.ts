/**
 * Command barcodes, printed on a sheet beside the scanner so a receipt never needs the mouse:
 *   CMD:COMMIT  CMD:UNDO  CMD:CLEAR  CMD:DROP  CMD:QTY:<n>
 */
import type { StationCommand } from '../../contract'

export const COMMAND_PREFIX = 'CMD:'

export const commandSheet: { label: string; data: string }[] = [
  { label: 'Commit', data: 'CMD:COMMIT' },
  { label: 'Undo last', data: 'CMD:UNDO' },
  { label: 'Clear session', data: 'CMD:CLEAR' },
  { label: 'Drop session', data: 'CMD:DROP' },
  ...[1, 2, 5, 10, 25, 50, 100, 250, 500, 1000].map((n) => ({ label: `Quantity ${n}`, data: `CMD:QTY:${n}` })),
]

const NAMES: Record<string, StationCommand['name']> = { COMMIT: 'commit', UNDO: 'undo', CLEAR: 'clear', DROP: 'drop' }

export function parseCommand(text: string): StationCommand | null {
  if (!text.startsWith(COMMAND_PREFIX)) return null
  const body = text.slice(COMMAND_PREFIX.length)
  const qty = /^QTY:(\d{1,9}(?:\.\d{1,6})?)$/.exec(body)
  if (qty) return { name: 'quantity', value: Number(qty[1]) }
  const name = NAMES[body]
  return name ? { name } : null
}
