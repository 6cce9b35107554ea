/**
 * Command barcodes, printed on a sheet beside the scanner so a receipt never needs the mouse:
 *   CMD:COMMIT  CMD:CONFIRM  CMD:UNDO  CMD:CLEAR  CMD:DROP  CMD:QTY:<n>
 * CMD:CONFIRM answers the question a commit asks when rows are flagged, so that too needs no mouse.
 * Core reads them off scans; the renderer prints the sheet. One module, so the sheet never shows a code the
 * station does not understand.
 */

/** A command read off a barcode; the contract's StationCommand has this shape. */
export interface StationCommand {
  name: 'commit' | 'confirm' | 'undo' | 'clear' | 'drop' | 'quantity'
  value?: number
}

export const COMMAND_PREFIX = 'CMD:'

const CODES: Record<Exclude<StationCommand['name'], 'quantity'>, string> = {
  commit: 'COMMIT',
  confirm: 'CONFIRM',
  undo: 'UNDO',
  clear: 'CLEAR',
  drop: 'DROP',
}
const NAMES = new Map(Object.entries(CODES).map(([name, code]) => [code, name as StationCommand['name']]))

/** The barcode text of a command, e.g. `CMD:QTY:25`. */
export function commandCode(command: StationCommand): string {
  if (command.name === 'quantity') return `${COMMAND_PREFIX}QTY:${command.value ?? 1}`
  return COMMAND_PREFIX + CODES[command.name]
}

/** The command a barcode's text names, or null when it is not one. */
export function parseCommand(text: string): StationCommand | null {
  if (!text.startsWith(COMMAND_PREFIX)) return null
  const body = text.slice(COMMAND_PREFIX.length)
  const qty = /^QTY:(\d{1,9}(?:\.\d{1,6})?)$/.exec(body)
  if (qty) return { name: 'quantity', value: Number(qty[1]) }
  const name = NAMES.get(body)
  return name ? { name } : null
}

const SHEET_QUANTITIES = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000]

/** The printed command sheet, in the order it is laid out. */
export const commandSheet: { label: string; data: string }[] = [
  { label: 'Commit', data: commandCode({ name: 'commit' }) },
  { label: 'Confirm commit', data: commandCode({ name: 'confirm' }) },
  { label: 'Undo last', data: commandCode({ name: 'undo' }) },
  { label: 'Clear session', data: commandCode({ name: 'clear' }) },
  { label: 'Drop session', data: commandCode({ name: 'drop' }) },
  ...SHEET_QUANTITIES.map((n) => ({ label: `Quantity ${n}`, data: commandCode({ name: 'quantity', value: n }) })),
]
