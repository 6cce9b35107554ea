/**
 * Scan feedback: a distinct sound and a visual signal (icon + word, never colour alone) for
 * every scan outcome: matched, not found, error, duplicate. Needs no change to the scan store: every result it
 * handles (device scans pushed by main, typed, pasted and webcam scans) bumps its `scanCount` with the result at
 * the head of `recent`; a refused manual scan (the store's `scan` action throws) signals an error. Other pages
 * (the scan and receiving workflows) can call `signal(kind)` themselves, e.g. for a session row flagged duplicate.
 * Muted by the 'feedback.mute' setting, read from the settings store when a scan arrives: the sound must not wait for
 * a round trip to main, and the store follows every change main announces.
 */
import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import type { ScanResult } from '../../../src-main/contract'
import { useScanStore } from '../stores/scan'
import { useSettingsStore } from '../stores/settings'
import { playTone, type FeedbackKind } from './tones'

/** The same data scanned again within this time counts as a duplicate (a double read, or a bag scanned twice). */
export const DUPLICATE_WINDOW_MS = 3000
const SHOW_MS = 2500

export const FEEDBACK_LABELS: Record<FeedbackKind, { icon: string; word: string }> = {
  matched: { icon: '✔', word: 'Matched' },
  notFound: { icon: '?', word: 'Not found' },
  error: { icon: '✖', word: 'Error' },
  duplicate: { icon: '⧉', word: 'Duplicate' },
}

/** The outcome of a scan result (duplicate is decided by the store, from the previous scan). */
export function outcomeOf(result: ScanResult): Exclude<FeedbackKind, 'duplicate'> {
  switch (result.outcome) {
    case 'matched':
    case 'command':
    case 'operator':
      return 'matched'
    // Recognised data that cannot be used (a GTIN failing its check digit) is an error to fix, not an unknown item.
    case 'no_match':
      return result.problem ? 'error' : 'notFound'
    case 'ambiguous':
    case 'error':
      return 'error'
  }
}

export const useFeedbackStore = defineStore('feedback', () => {
  /** What the signal shows now; null when nothing is shown. */
  const current = ref<{ kind: FeedbackKind; data: string; id: number } | null>(null)
  let last: { data: string; at: number } | null = null
  let hideTimer: ReturnType<typeof setTimeout> | null = null
  let nextId = 1
  let attached = false
  const settings = useSettingsStore()

  /** Show and sound one outcome. */
  function signal(kind: FeedbackKind, data = ''): void {
    current.value = { kind, data, id: nextId++ }
    if (hideTimer) clearTimeout(hideTimer)
    hideTimer = setTimeout(() => (current.value = null), SHOW_MS)
    if (!settings.get('feedback.mute', false)) playTone(kind)
  }

  function signalResult(result: ScanResult): void {
    const now = Date.now()
    const duplicate = last !== null && last.data === result.barcode_data && now - last.at < DUPLICATE_WINDOW_MS
    last = { data: result.barcode_data, at: now }
    signal(duplicate ? 'duplicate' : outcomeOf(result), result.barcode_data)
  }

  function dismiss(): void {
    current.value = null
  }

  /** Follow the scan store (safe to call twice). */
  function attach(): void {
    if (attached) return
    attached = true
    void settings.load()
    const scans = useScanStore()
    watch(
      () => scans.scanCount,
      () => {
        const result = scans.recent[0]
        if (result) signalResult(result)
      },
    )
    scans.$onAction(({ name, onError }) => {
      if (name === 'scan') onError(() => signal('error'))
    })
  }

  return { current, signal, signalResult, dismiss, attach }
})
