/**
 * What a key event is, for the wedge: a character, a control chord (Ctrl+] GS, Ctrl+^ RS, Ctrl+D EOT…), an
 * Alt+numpad digit, a terminator (Enter, Tab), a modifier, or anything else. Core's burst detector and decoder
 * and the web host's page bridge (which holds the keys that could be part of a scan) all ask this one function.
 */
import { layouts } from './layouts'

/** The key event shape of Electron's `before-input-event` Input (and of a forwarded DOM KeyboardEvent). */
export interface KeyEvent {
  type: 'keyDown' | 'keyUp'
  key: string
  code: string
  shift: boolean
  control: boolean
  alt: boolean
  meta: boolean
  isAutoRepeat: boolean
  /** AltGr held (DOM `getModifierState('AltGraph')`); optional: also tracked from AltGraph key events. */
  altGraph?: boolean
  /** Caps Lock on (DOM `getModifierState('CapsLock')`); optional. */
  capsLock?: boolean
}

/**
 * The same physical key event: what a host compares to recognise a key it sent or held (a replayed echo, a key
 * released after the burst was judged typing) when it comes back. Auto-repeat and lock states do not count.
 */
export const sameKey = (a: KeyEvent, b: KeyEvent): boolean =>
  a.type === b.type &&
  a.code === b.code &&
  a.key === b.key &&
  a.shift === b.shift &&
  a.control === b.control &&
  a.alt === b.alt &&
  a.meta === b.meta

/** Codes of keys that only modify others. */
const MODIFIER_KEYS = new Set([
  'Shift',
  'Control',
  'Alt',
  'AltGraph',
  'Meta',
  'CapsLock',
  'NumLock',
  'ScrollLock',
  'OS',
  'Fn',
])
export const isModifierKey = (ev: KeyEvent): boolean =>
  MODIFIER_KEYS.has(ev.key) ||
  /^(Shift|Control|Alt|Meta|OS)(Left|Right)$/.test(ev.code) ||
  ev.code === 'CapsLock' ||
  ev.code === 'NumLock'

/** Ctrl + physical key → control character (HID convention, layout independent). */
export const CONTROL_CODES: Record<string, number> = {
  BracketRight: 0x1d, // Ctrl+]  GS
  Digit6: 0x1e, // Ctrl+^ / Ctrl+6  RS
  KeyD: 0x04, // Ctrl+D  EOT
  Backslash: 0x1c, // Ctrl+\  FS
  Minus: 0x1f, // Ctrl+_  US
}

export type KeyClass = 'modifier' | 'char' | 'control' | 'altNumpad' | 'enter' | 'tab' | 'other'

const isNumpadDigit = (code: string): boolean => /^Numpad[0-9]$/.test(code)
const TABLE_CODES = new Set(Object.values(layouts).flatMap((table) => Object.keys(table.keys)))
/** A key the tables know is a character even when the host layout calls it 'Dead'. */
const inAnyTable = (code: string): boolean => TABLE_CODES.has(code)

/** What a keyDown is, for the burst detector. */
export function classifyKey(ev: KeyEvent): KeyClass {
  if (isModifierKey(ev)) return 'modifier'
  if (ev.meta) return 'other'
  const altGr = ev.altGraph === true || (ev.control && ev.alt)
  if (ev.code === 'Enter' || ev.code === 'NumpadEnter' || (ev.code === '' && ev.key === 'Enter')) {
    return ev.control || ev.alt ? 'other' : 'enter'
  }
  if (ev.code === 'Tab' || (ev.code === '' && ev.key === 'Tab'))
    return ev.control || ev.alt || ev.shift ? 'other' : 'tab'
  if (ev.alt && !ev.control && isNumpadDigit(ev.code)) return 'altNumpad'
  if (ev.control && !ev.alt) return ev.code in CONTROL_CODES ? 'control' : 'other'
  if (ev.alt && !altGr) return 'other'
  if (inAnyTable(ev.code) || [...ev.key].length === 1) return 'char'
  return 'other'
}
