/**
 * Scan feedback: a distinct sound and a visual signal (icon + word, never colour alone) for every scan outcome.
 * It follows the scan store's `settled` scan: a plain scan signals its own outcome at once; a scan a workflow
 * claimed (scan page, receiving) signals what the workflow decided for its row, so a duplicate, an over-receipt or
 * a line not on the order warns instead of sounding like a match. A refused manual scan (the store's `scan`
 * action throws) signals an error.
 * Muted by the 'feedback.mute' setting, and as loud as 'feedback.volume', read from the settings store when a scan arrives: the sound must not wait for
 * a round trip to main, and the store follows every change main announces.
 */
import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import type { ScanResult } from '../../../src-main/contract'
import { useScanStore, type SettledScan } from '../stores/scan'
import { useSettingsStore } from '../stores/settings'
import { playTone, toneGain } from './tones'
import { severityOf, type FeedbackKind, type FeedbackSeverity } from './signals'

export { FEEDBACK_LABELS } from './signals'
export type { FeedbackKind } from './signals'

/** The same data scanned again within this time counts as a duplicate (a double read, or a bag scanned twice). */
export const DUPLICATE_WINDOW_MS = 3000
const SHOW_MS = 2500

/** The outcome of a scan result (duplicate is decided by the store, from the previous scan). */
export function outcomeOf(result: ScanResult): 'matched' | 'notFound' | 'error' {
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

/** What a claimed scan signals: the workflow's decision when it made one, else the scan's own outcome. */
export function kindOfSettled(scan: SettledScan): FeedbackKind {
  switch (scan.verdict) {
    case 'ok':
      return 'matched'
    case 'duplicate':
      return 'duplicate'
    case 'over':
      return 'over'
    case 'not_on_order':
      return 'notOnOrder'
    case 'unknown':
      return 'notFound'
    case 'error':
      return 'error'
    case undefined:
      return outcomeOf(scan.result)
  }
}

export const useFeedbackStore = defineStore('feedback', () => {
  /** What the signal shows now; null when nothing is shown. `tone` is the sound it played (or would, unmuted). */
  const current = ref<{ kind: FeedbackKind; tone: FeedbackSeverity; data: string; id: number } | null>(null)
  let last: { data: string; at: number } | null = null
  let hideTimer: ReturnType<typeof setTimeout> | null = null
  let nextId = 1
  let attached = false
  const settings = useSettingsStore()

  /** Show and sound one outcome. */
  function signal(kind: FeedbackKind, data = ''): void {
    const tone = severityOf(kind)
    current.value = { kind, tone, data, id: nextId++ }
    if (hideTimer) clearTimeout(hideTimer)
    hideTimer = setTimeout(() => (current.value = null), SHOW_MS)
    if (!settings.get('feedback.mute', false)) playTone(tone, toneGain(settings.get('feedback.volume', 60)))
  }

  function signalResult(result: ScanResult): void {
    const now = Date.now()
    const duplicate = last !== null && last.data === result.barcode_data && now - last.at < DUPLICATE_WINDOW_MS
    last = { data: result.barcode_data, at: now }
    signal(duplicate ? 'duplicate' : outcomeOf(result), result.barcode_data)
  }

  function signalSettled(scan: SettledScan): void {
    // No decision (a plain scan, a location or command in a workflow, put-away): the scan's own outcome stands.
    if (scan.verdict === undefined) return signalResult(scan.result)
    // The workflow decided duplicates itself; remembering the data keeps the window right once it lets go.
    last = { data: scan.result.barcode_data, at: Date.now() }
    signal(kindOfSettled(scan), scan.result.barcode_data)
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
      () => scans.settled,
      (scan) => {
        if (scan) signalSettled(scan)
      },
      // Every scan of a burst is signalled, not only the last one of a tick.
      { flush: 'sync' },
    )
    scans.$onAction(({ name, onError }) => {
      if (name === 'scan') onError(() => signal('error'))
    })
  }

  return { current, signal, signalResult, dismiss, attach }
})
