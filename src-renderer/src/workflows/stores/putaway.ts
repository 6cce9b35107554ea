import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { ScanResult } from '../../../../src-main/contract'
import { call, errorMessage } from '../../api/station'
import { useAction } from '../../composables/useAction'
import { modelLabel } from '../../../../src-shared/models'
import { matchedItem } from '../../../../src-shared/scan-result'

export interface PutawayEntry {
  key: number
  data: string
  name: string
  /** Moved: the action's summary; ignored or failed: why. */
  text: string
  state: 'moved' | 'undone' | 'ignored' | 'failed'
  actionId?: number
  url?: string
}

/**
 * Put-away: every stock item scanned is moved at once into one location, and each scan is listed with what
 * happened to it, newest first. A move can be undone from its row, or by scanning CMD:UNDO.
 */
export const usePutawayStore = defineStore('putaway', () => {
  /** The stock location scanned items go to. */
  const location = ref(0)
  /** Newest first. */
  const entries = shallowRef<PutawayEntry[]>([])
  // An undo that fails says so in its own row; the action only keeps one undo at a time.
  const { busy, run } = useAction()
  let key = 0

  /** Starts a fresh list for `pk` (the page opened). */
  function begin(pk: number): void {
    location.value = pk
    entries.value = []
  }

  function push(entry: Omit<PutawayEntry, 'key'>): void {
    entries.value = [{ ...entry, key: ++key }, ...entries.value]
  }

  function patch(k: number, changes: Partial<PutawayEntry>): void {
    entries.value = entries.value.map((e) => (e.key === k ? { ...e, ...changes } : e))
  }

  async function onScan(result: ScanResult): Promise<void> {
    const data = result.barcode_data
    // CMD:UNDO from the command sheet undoes the latest move made here.
    if (result.command?.name === 'undo') {
      const last = entries.value.find((e) => e.state === 'moved')
      if (last) await undo(last)
      else push({ data, name: 'Undo', text: 'Nothing to undo here', state: 'ignored' })
      return
    }
    const match = matchedItem(result)
    if (!match) {
      const why = result.command
        ? `Command ${result.command.name} does nothing here`
        : result.operator
          ? `Signed in: ${result.operator.name}`
          : (result.success ?? result.error)
      push({ data, name: result.operator?.name ?? 'Not a stock item', text: why, state: 'ignored' })
      return
    }
    if (match.model !== 'stockitem') {
      push({
        data,
        name: match.ref.name,
        url: match.ref.url,
        text: `Ignored: a ${modelLabel(match.model).toLowerCase()} is not a stock item`,
        state: 'ignored',
      })
      return
    }
    try {
      const done = await call('stockAction', { action: 'move', items: [match.ref.pk], location: location.value })
      push({
        data,
        name: match.ref.name,
        url: match.ref.url,
        text: done.summary,
        state: 'moved',
        actionId: done.actionId,
      })
    } catch (e) {
      push({ data, name: match.ref.name, url: match.ref.url, text: errorMessage(e), state: 'failed' })
    }
  }

  async function undo(entry: PutawayEntry): Promise<void> {
    const actionId = entry.actionId
    if (actionId === undefined) return
    await run(async () => {
      try {
        const done = await call('undo', { actionId })
        patch(entry.key, { state: 'undone', text: done.summary })
      } catch (e) {
        patch(entry.key, { text: `${entry.text} — cannot undo: ${errorMessage(e)}` })
      }
    })
  }

  return { location, entries, busy, begin, onScan, undo }
})
