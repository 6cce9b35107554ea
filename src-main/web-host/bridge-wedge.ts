/**
 * The keyboard-wedge half of the web host's bridge script (bridge.ts inlines it): captures the page's key events
 * and holds the ones that could be part of a scan until the host decides (protocol in wedge.ts).
 *
 * In the page:
 *  - `keydown`/`keyup` listeners on window, capture phase, so they run before any of the app's handlers. Only
 *    trusted events (real keys) are looked at: the bridge's own replays are untrusted and pass.
 *  - While the wedge is enabled and the socket is open, a key-down that could be part of a scan (a character, a
 *    control-character combo such as Ctrl+], Alt+numpad digits; Enter and Tab only while earlier keys are still
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
import { CONTROL_CODES } from '../../src-shared/keyboard/keys'
import { layouts } from '../../src-shared/keyboard/layouts'

/** Codes any layout table knows (a key the detector treats as a character even when `key` is 'Dead'). */
const tableCodes = (): string[] => [...new Set(Object.values(layouts).flatMap((t) => Object.keys(t.keys)))].sort()

export function wedgeBridgeScript(): string {
  return `
  // ---- keyboard wedge (src-main/web-host/bridge-wedge.ts) ----
  const wedge = (() => {
    const CONTROL_CODES = new Set(${JSON.stringify(Object.keys(CONTROL_CODES))})
    const TABLE_CODES = new Set(${JSON.stringify(tableCodes())})
    const MODIFIER_KEYS = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock', 'NumLock', 'ScrollLock', 'OS', 'Fn'])
    let enabled = false
    let seq = 0
    let lastAck = -1
    let hostHolding = false
    /** seq -> {target, event} of held key-downs awaiting the host's verdict. */
    const held = new Map()
    /** Held seqs the host has not answered yet. */
    const unanswered = new Set()

    function kind(e) {
      const key = e.key || ''
      const code = e.code || ''
      if (MODIFIER_KEYS.has(key) || /^(Shift|Control|Alt|Meta|OS)(Left|Right)$/.test(code) || code === 'CapsLock' || code === 'NumLock') return 'modifier'
      if (e.metaKey) return 'other'
      const altGr = (e.getModifierState && e.getModifierState('AltGraph')) || (e.ctrlKey && e.altKey)
      if (code === 'Enter' || code === 'NumpadEnter' || (code === '' && key === 'Enter')) return e.ctrlKey || e.altKey ? 'other' : 'enter'
      if (code === 'Tab' || (code === '' && key === 'Tab')) return e.ctrlKey || e.altKey || e.shiftKey ? 'other' : 'tab'
      if (e.altKey && !e.ctrlKey && /^Numpad[0-9]$/.test(code)) return 'altNumpad'
      if (e.ctrlKey && !e.altKey) return CONTROL_CODES.has(code) ? 'control' : 'other'
      if (e.altKey && !altGr) return 'other'
      if (TABLE_CODES.has(code) || [...key].length === 1) return 'char'
      return 'other'
    }

    const busy = () => hostHolding || unanswered.size > 0

    // While keys are held, the page's clock drives the host's timeouts (wedge.ts PageClock): a tick every 15 ms,
    // on the clock of the keys' own timestamps (the last key's time plus the real time since it was handled).
    // A page too busy to tick is too busy to have new keys either, so a stall of the page never splits a scan.
    let ticker = 0
    let lastKeyStamp = 0
    let lastKeyAt = 0
    function tickWhileHolding() {
      if (ticker || !(held.size > 0 || hostHolding)) return
      ticker = setInterval(() => {
        if (!(held.size > 0 || hostHolding) || !socket || socket.readyState !== WebSocket.OPEN) {
          clearInterval(ticker)
          ticker = 0
          return
        }
        socket.send(JSON.stringify({ wedge: { tick: lastKeyStamp + (performance.now() - lastKeyAt) } }))
      }, 15)
    }

    function shouldHold(e) {
      const k = kind(e)
      if (k === 'char' || k === 'control' || k === 'altNumpad') return !e.repeat || busy()
      if (k === 'enter' || k === 'tab') return busy()
      return false
    }

    function onKey(e) {
      if (!e.isTrusted || !enabled || e.isComposing || !socket || socket.readyState !== WebSocket.OPEN) return
      const type = e.type === 'keydown' ? 'keyDown' : 'keyUp'
      const id = seq++
      const hold = type === 'keyDown' && shouldHold(e)
      const ev = {
        type, key: e.key, code: e.code, shift: e.shiftKey, control: e.ctrlKey, alt: e.altKey, meta: e.metaKey,
        altGraph: Boolean(e.getModifierState && e.getModifierState('AltGraph')),
        capsLock: Boolean(e.getModifierState && e.getModifierState('CapsLock')),
        isAutoRepeat: e.repeat,
      }
      if (hold) {
        e.preventDefault()
        e.stopImmediatePropagation()
        held.set(id, { target: document.activeElement, ev })
        unanswered.add(id)
      }
      lastKeyStamp = e.timeStamp || performance.now()
      lastKeyAt = performance.now()
      socket.send(JSON.stringify({ wedge: { ...ev, seq: id, held: hold, time: lastKeyStamp } }))
      tickWhileHolding()
    }

    const TEXT_INPUTS = new Set(['text', 'search', 'url', 'tel', 'password', ''])

    function insertText(el, text) {
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
        document.execCommand('insertText', false, text)
      }
    }

    function replay(r) {
      const entry = held.get(r.seq)
      if (!entry) return
      held.delete(r.seq)
      const ev = entry.ev
      const target = entry.target && entry.target.isConnected ? entry.target : document.activeElement || document.body
      const down = new KeyboardEvent('keydown', {
        key: ev.key, code: ev.code, shiftKey: ev.shift, ctrlKey: ev.control, altKey: ev.alt, metaKey: ev.meta,
        repeat: ev.isAutoRepeat, bubbles: true, cancelable: true, composed: true,
      })
      if (!target.dispatchEvent(down)) return
      const printable = [...ev.key].length === 1 && !ev.control && !ev.meta && !(ev.alt && !ev.altGraph)
      const buttonLike = target instanceof HTMLButtonElement || (target instanceof HTMLInputElement && ['button', 'submit', 'reset', 'checkbox', 'radio'].includes(target.type)) || (target instanceof HTMLElement && target.getAttribute('role') === 'button')
      if ((ev.key === ' ' || ev.key === 'Enter') && buttonLike) target.click()
      else if (printable) insertText(target, ev.key)
    }

    function receive(m) {
      if (typeof m.enabled === 'boolean') {
        enabled = m.enabled
        // Visible state for tests and curious users: <html data-station-wedge="on|off">.
        document.documentElement.dataset.stationWedge = enabled ? 'on' : 'off'
        if (!enabled) reset()
      }
      if (typeof m.ack === 'number') {
        unanswered.delete(m.ack)
        lastAck = Math.max(lastAck, m.ack)
      }
      for (const r of Array.isArray(m.release) ? m.release : []) replay(r)
      if (typeof m.holding === 'boolean') {
        hostHolding = m.holding
        tickWhileHolding()
        // Nothing held by the host: every held key up to the last answer was replayed or was part of a scan.
        if (!hostHolding) for (const id of held.keys()) if (id <= lastAck && !unanswered.has(id)) held.delete(id)
      }
    }

    function reset() {
      held.clear()
      unanswered.clear()
      hostHolding = false
    }

    window.addEventListener('keydown', onKey, true)
    window.addEventListener('keyup', onKey, true)
    window.addEventListener('blur', () => {
      if (enabled && socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ wedge: { flush: true } }))
    })
    return { receive, reset }
  })()
`
}
