/**
 * Pure helpers for the Electron wedge glue (wedge.ts): Electron's `before-input-event` Input → the detector's
 * KeyEvent, and a released KeyEvent → the `webContents.sendInputEvent` events that replay it to the page
 * (keyDown, then `char` for a character key so that it types, keyUp on its own). Only types come from 'electron',
 * so this file is unit-tested in plain Node.
 */
import type { Input, KeyboardInputEvent } from 'electron'
import { isModifierKey, type KeyEvent } from '../../src-shared/keyboard/keys'

/** The key events of `before-input-event` the detector wants (Electron also reports `char` and `rawKeyDown`). */
export function keyEventFromInput(
  input: Pick<Input, 'type' | 'key' | 'code' | 'shift' | 'control' | 'alt' | 'meta' | 'isAutoRepeat'> & {
    modifiers?: string[]
  },
): KeyEvent | null {
  const type =
    input.type === 'keyDown' || input.type === 'rawKeyDown' ? 'keyDown' : input.type === 'keyUp' ? 'keyUp' : null
  if (!type) return null
  const mods = input.modifiers ?? []
  return {
    type,
    key: input.key,
    code: input.code,
    shift: input.shift,
    control: input.control,
    alt: input.alt,
    meta: input.meta,
    isAutoRepeat: input.isAutoRepeat,
    ...(mods.includes('capslock') ? { capsLock: true } : {}),
  }
}

/** Electron accelerator-style key codes for `sendInputEvent` where the DOM `key` name differs. */
const KEY_CODES: Record<string, string> = {
  Enter: 'Return',
  ' ': 'Space',
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
  Escape: 'Escape',
  Control: 'Control',
  AltGraph: 'AltGr',
  Meta: 'Super',
}

type Modifier = NonNullable<KeyboardInputEvent['modifiers']>[number]

function modifiers(ev: KeyEvent): Modifier[] {
  const out: Modifier[] = []
  if (ev.shift) out.push('shift')
  if (ev.control) out.push('control')
  if (ev.alt) out.push('alt')
  if (ev.meta) out.push('meta')
  if (ev.capsLock) out.push('capslock')
  if (/^Numpad/.test(ev.code)) out.push('iskeypad')
  return out
}

/** The events that replay one released key event: keyDown (+ char when it types a character) or keyUp. */
export function replayInputEvents(ev: KeyEvent): KeyboardInputEvent[] {
  const keyCode = KEY_CODES[ev.key] ?? ev.key
  const mods = modifiers(ev)
  if (ev.type === 'keyUp') return [{ type: 'keyUp', keyCode, modifiers: mods }]
  const out: KeyboardInputEvent[] = [{ type: 'keyDown', keyCode, modifiers: mods }]
  // A printable key types through its `char` event; shortcuts (Ctrl/Alt/Meta held) and modifiers type nothing.
  const printable =
    [...ev.key].length === 1 && !ev.control && !ev.meta && !(ev.alt && !ev.altGraph) && !isModifierKey(ev)
  if (printable) out.push({ type: 'char', keyCode: ev.key, modifiers: mods })
  return out
}
