/**
 * The keyboard-wedge half of the page bridge: captures the page's key events and holds the ones that could be part
 * of a scan until the host decides (protocol in ../wedge.ts).
 *
 *  - `keydown`/`keyup` listeners on window, capture phase, so they run before any of the app's handlers. Only
 *    trusted events (real keys) are looked at: the bridge's own replays are untrusted and pass.
 *  - While the wedge is enabled and the socket is open, a key-down that could be part of a scan (a character, a
 *    control-character chord such as Ctrl+], Alt+numpad digits; Enter and Tab only while earlier keys are still
 *    undecided) is HELD: preventDefault + stopImmediatePropagation, remembered with the element that had focus.
 *    Every key event (held or not) is forwarded with its time: `event.timeStamp` (the performance.now() clock,
 *    but when the key happened, not when a busy page got round to the handler).
 *  - Released keys (typing after all) are replayed in order into the element that had focus: a synthetic
 *    `keydown` (so the app's key handlers still see Enter, Tab, Ctrl+] …), then, unless a handler prevented it, the
 *    key's default: a character is inserted at the caret of an input/textarea with `setRangeText` and an `input`
 *    event (so Vue's v-model sees it), or with `insertText` in a contenteditable; Space or Enter on a button-like
 *    element clicks it. Limits of a synthetic replay: Tab does not move focus, Enter does not submit a <form>
 *    natively (the app uses key handlers), and browser shortcuts held as candidates (Ctrl+D) do not run.
 *  - Held keys that are part of a scan are dropped: the scan reaches the app as a `scanResult` event.
 *  - Window blur asks the host to decide now ({wedge: {flush: true}}).
 */
import { classifyKey, type KeyEvent } from '../../../src-shared/keyboard/keys'
import type { HostWedgeMessage, PageWedgeMessage, ReleasedKey } from '../wedge-protocol'

/** The bridge's socket as the wedge sees it: whether it is open, and a way to send under `wedge`. */
export interface WedgeLink {
  open(): boolean
  send(message: PageWedgeMessage): void
}

export interface PageWedge {
  receive(message: HostWedgeMessage): void
  reset(): void
}

interface Held {
  target: Element | null
  ev: KeyEvent
}

/** How often the page's clock reaches the host while keys are held. */
const TICK_MS = 15
const TEXT_INPUTS = new Set(['text', 'search', 'url', 'tel', 'password', ''])
const BUTTON_INPUTS = new Set(['button', 'submit', 'reset', 'checkbox', 'radio'])

function keyEvent(e: KeyboardEvent): KeyEvent {
  return {
    type: e.type === 'keydown' ? 'keyDown' : 'keyUp',
    key: e.key,
    code: e.code,
    shift: e.shiftKey,
    control: e.ctrlKey,
    alt: e.altKey,
    meta: e.metaKey,
    altGraph: e.getModifierState('AltGraph'),
    capsLock: e.getModifierState('CapsLock'),
    isAutoRepeat: e.repeat,
  }
}

function insertText(el: Element, text: string): void {
  if (el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && TEXT_INPUTS.has(el.type))) {
    if (el.readOnly || el.disabled) return
    const start = el.selectionStart ?? el.value.length
    const end = el.selectionEnd ?? start
    el.setRangeText(text, start, end, 'end')
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }))
  } else if (el instanceof HTMLInputElement) {
    if (el.readOnly || el.disabled) return
    el.value += text // number, email…: no caret API
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }))
  } else if (el instanceof HTMLElement && el.isContentEditable) {
    // The one way to type into a contenteditable that keeps its undo history; deprecated but without successor.
    document.execCommand('insertText', false, text)
  }
}

const buttonLike = (el: Element): boolean =>
  el instanceof HTMLButtonElement ||
  (el instanceof HTMLInputElement && BUTTON_INPUTS.has(el.type)) ||
  el.getAttribute('role') === 'button'

/** Replays a released key into the element that had focus when it was pressed. */
function replay(entry: Held): void {
  const { ev } = entry
  const target = entry.target?.isConnected ? entry.target : (document.activeElement ?? document.body)
  const down = new KeyboardEvent('keydown', {
    key: ev.key,
    code: ev.code,
    shiftKey: ev.shift,
    ctrlKey: ev.control,
    altKey: ev.alt,
    metaKey: ev.meta,
    repeat: ev.isAutoRepeat,
    bubbles: true,
    cancelable: true,
    composed: true,
  })
  if (!target.dispatchEvent(down)) return
  const printable = [...ev.key].length === 1 && !ev.control && !ev.meta && !(ev.alt && !ev.altGraph)
  if ((ev.key === ' ' || ev.key === 'Enter') && buttonLike(target) && target instanceof HTMLElement) target.click()
  else if (printable) insertText(target, ev.key)
}

export function installWedge(link: WedgeLink): PageWedge {
  let enabled = false
  let seq = 0
  let lastAck = -1
  let hostHolding = false
  /** Held key-downs awaiting the host's verdict, by seq. */
  const held = new Map<number, Held>()
  /** Held seqs the host has not answered yet. */
  const unanswered = new Set<number>()

  const busy = (): boolean => hostHolding || unanswered.size > 0
  const holding = (): boolean => held.size > 0 || hostHolding

  // While keys are held, the page's clock drives the host's timeouts (PageClock in ../wedge.ts): a tick every
  // 15 ms, on the clock of the keys' own timestamps (the last key's time plus the real time since it was handled).
  // A page too busy to tick is too busy to have new keys either, so a stall of the page never splits a scan.
  let ticker: ReturnType<typeof setInterval> | 0 = 0
  let lastKeyStamp = 0
  let lastKeyAt = 0
  function tickWhileHolding(): void {
    if (ticker || !holding()) return
    ticker = setInterval(() => {
      if (!holding() || !link.open()) {
        clearInterval(ticker)
        ticker = 0
        return
      }
      link.send({ tick: lastKeyStamp + (performance.now() - lastKeyAt) })
    }, TICK_MS)
  }

  function shouldHold(ev: KeyEvent): boolean {
    const kind = classifyKey(ev)
    if (kind === 'char' || kind === 'control' || kind === 'altNumpad') return !ev.isAutoRepeat || busy()
    if (kind === 'enter' || kind === 'tab') return busy()
    return false
  }

  function onKey(e: KeyboardEvent): void {
    if (!e.isTrusted || !enabled || e.isComposing || !link.open()) return
    const ev = keyEvent(e)
    const id = seq++
    const hold = ev.type === 'keyDown' && shouldHold(ev)
    if (hold) {
      e.preventDefault()
      e.stopImmediatePropagation()
      held.set(id, { target: document.activeElement, ev })
      unanswered.add(id)
    }
    lastKeyStamp = e.timeStamp || performance.now()
    lastKeyAt = performance.now()
    link.send({ ...ev, seq: id, held: hold, time: lastKeyStamp })
    tickWhileHolding()
  }

  function release(r: ReleasedKey): void {
    const entry = held.get(r.seq)
    if (!entry) return
    held.delete(r.seq)
    replay(entry)
  }

  function reset(): void {
    held.clear()
    unanswered.clear()
    hostHolding = false
  }

  function receive(m: HostWedgeMessage): void {
    if (typeof m.enabled === 'boolean') {
      enabled = m.enabled
      // Visible state for tests and curious users: <html data-station-wedge="on|off">.
      document.documentElement.dataset['stationWedge'] = enabled ? 'on' : 'off'
      if (!enabled) reset()
    }
    if (typeof m.ack === 'number') {
      unanswered.delete(m.ack)
      lastAck = Math.max(lastAck, m.ack)
    }
    for (const r of Array.isArray(m.release) ? m.release : []) release(r)
    if (typeof m.holding === 'boolean') {
      hostHolding = m.holding
      tickWhileHolding()
      // Nothing held by the host: every held key up to the last answer was replayed or was part of a scan.
      if (!hostHolding) for (const id of held.keys()) if (id <= lastAck && !unanswered.has(id)) held.delete(id)
    }
  }

  window.addEventListener('keydown', onKey, true)
  window.addEventListener('keyup', onKey, true)
  window.addEventListener('blur', () => {
    if (enabled && link.open()) link.send({ flush: true })
  })
  return { receive, reset }
}
