/**
 * Keys as a keyboard-wedge scanner sends them, delivered through the Chrome DevTools Protocol with exact `key`,
 * `code` and the scanner's own timestamps. No test-runner imports, so the UI benchmark (bench/ui.ts) drives the
 * page with the same keystrokes as the e2e specs.
 */
import type { Page } from 'playwright-core'
import { isModifierKey, type KeyEvent } from '../src-shared/keyboard/keys'

const ENTER: KeyEvent[] = [
  {
    type: 'keyDown',
    key: 'Enter',
    code: 'Enter',
    shift: false,
    control: false,
    alt: false,
    meta: false,
    isAutoRepeat: false,
  },
  {
    type: 'keyUp',
    key: 'Enter',
    code: 'Enter',
    shift: false,
    control: false,
    alt: false,
    meta: false,
    isAutoRepeat: false,
  },
]

export const withEnter = (events: KeyEvent[]): KeyEvent[] => [...events, ...ENTER]

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** Windows virtual key codes Chromium wants with a CDP key event (the DOM's `keyCode`). */
function virtualKeyCode(code: string): number {
  let m = /^Key([A-Z])$/.exec(code)
  if (m) return m[1]!.charCodeAt(0)
  m = /^Digit([0-9])$/.exec(code)
  if (m) return 48 + Number(m[1])
  m = /^Numpad([0-9])$/.exec(code)
  if (m) return 96 + Number(m[1])
  const table: Record<string, number> = {
    Enter: 13,
    NumpadEnter: 13,
    Tab: 9,
    Space: 32,
    ShiftLeft: 16,
    ShiftRight: 16,
    ControlLeft: 17,
    ControlRight: 17,
    AltLeft: 18,
    AltRight: 18,
    Semicolon: 186,
    Equal: 187,
    Comma: 188,
    Minus: 189,
    Period: 190,
    Slash: 191,
    Backquote: 192,
    BracketLeft: 219,
    Backslash: 220,
    BracketRight: 221,
    Quote: 222,
    IntlBackslash: 226,
    NumpadDecimal: 110,
    NumpadAdd: 107,
    NumpadSubtract: 109,
    NumpadMultiply: 106,
    NumpadDivide: 111,
  }
  return table[code] ?? 0
}

/**
 * Like a scanner: each stroke's events (modifier presses, the key, its release) go out back to back through the
 * Chrome DevTools Protocol, with exact `key` and `code`, then `msPerKey` passes before the next stroke. Commands
 * are pipelined, not awaited one by one, so the harness's round trips do not slow the "scanner" down.
 */
export async function scanKeys(page: Page, events: KeyEvent[], msPerKey: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page)
  // Warm the session up first (a Shift press types nothing): its first commands are slow to arrive.
  for (const type of ['rawKeyDown', 'keyUp']) {
    await cdp.send('Input.dispatchKeyEvent', {
      type: type as 'keyUp',
      key: 'Shift',
      code: 'ShiftLeft',
      windowsVirtualKeyCode: 16,
      location: 1,
    })
  }
  await sleep(100)
  const sent: Promise<unknown>[] = []
  // Each event carries the time a scanner would have sent it (CDP `timestamp`, seconds since the epoch), so the
  // page's event.timeStamp shows the scanner's pace even when the harness delivers a command late.
  const start = Date.now() / 1000
  let stroke = 0
  try {
    for (const ev of events) {
      const modifiers = (ev.alt ? 1 : 0) | (ev.control ? 2 : 0) | (ev.meta ? 4 : 0) | (ev.shift ? 8 : 0)
      const printable = [...ev.key].length === 1 && !ev.control && !ev.alt && !ev.meta
      const text = ev.key === 'Enter' ? '\r' : printable ? ev.key : undefined
      const params = {
        type: ev.type === 'keyUp' ? 'keyUp' : text !== undefined ? 'keyDown' : 'rawKeyDown',
        key: ev.key,
        code: ev.code,
        modifiers,
        timestamp: start + (stroke * msPerKey) / 1000,
        windowsVirtualKeyCode: virtualKeyCode(ev.code),
        ...(ev.type === 'keyDown' && text !== undefined ? { text, unmodifiedText: text } : {}),
        ...(/^Numpad/.test(ev.code)
          ? { location: 3 }
          : /Right$/.test(ev.code)
            ? { location: 2 }
            : /Left$/.test(ev.code)
              ? { location: 1 }
              : {}),
      }
      sent.push(cdp.send('Input.dispatchKeyEvent', params as never))
      if (ev.type === 'keyUp' && !isModifierKey(ev)) {
        stroke++
        await sleep(msPerKey)
      }
    }
    await Promise.all(sent)
  } finally {
    await cdp.detach().catch(() => {})
  }
}
