import { onBeforeUnmount, onMounted } from 'vue'

export interface Shortcuts {
  /** F2: the quick-scan dialog, from anywhere (also from inside a field: it is no character). */
  openScan: () => void
  /** "/" or Ctrl+K outside a field: the search box. */
  focusSearch: () => void
  /** Ctrl+Z outside a field: undo the last stock action (inside a field Ctrl+Z undoes typing, as always). */
  undo: () => void
}

const inField = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))

/**
 * The desk's keyboard shortcuts, for a clerk whose hands are on the keyboard and the scanner. A scanner's own keys
 * never arrive here as a shortcut: main holds back a scanner's burst as one scan before the page sees it.
 */
export function useShortcuts(actions: Shortcuts): void {
  function onKey(e: KeyboardEvent): void {
    if (e.defaultPrevented || e.repeat) return
    const ctrl = e.ctrlKey || e.metaKey
    let action: (() => void) | null = null
    if (e.key === 'F2' && !ctrl && !e.altKey) action = actions.openScan
    else if (!inField(e.target) && !e.altKey) {
      if ((e.key === '/' && !ctrl) || (ctrl && e.key.toLowerCase() === 'k')) action = actions.focusSearch
      else if (ctrl && !e.shiftKey && e.key.toLowerCase() === 'z') action = actions.undo
    }
    if (!action) return
    e.preventDefault()
    action()
  }
  onMounted(() => window.addEventListener('keydown', onKey))
  onBeforeUnmount(() => window.removeEventListener('keydown', onKey))
}
