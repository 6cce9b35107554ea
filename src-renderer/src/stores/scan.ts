import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { useRouter } from 'vue-router'
import type { ScanMatch, ScanNoMatch, ScanResult, ScanSource, SessionRow } from '../../../src-main/contract'
import { call, onStationEvent } from '../api/station'
import { isMatch, matchedItem } from '../../../src-shared/scan-result'
import { useOperatorStore } from '../operators/stores/operator'

const RECENT_LIMIT = 10

/**
 * What a workflow made of a claimed scan: the flag of the row it added, 'error' when it could not take the scan, or
 * nothing when it added no row (a location, an order, a command), and the scan's own outcome stands.
 */
export type ClaimVerdict = SessionRow['flag'] | 'error' | undefined

/**
 * A workflow page (scan page, receiving, put-away) that takes every scan while it is open. `receivedAt` is
 * `performance.now()` when the result reached the renderer, so a page can measure scan-to-row latency.
 */
export type ScanClaimHandler = (
  result: ScanResult,
  receivedAt: number,
) => ClaimVerdict | void | Promise<ClaimVerdict | void>

/** A scan once the page has decided what it means: what the feedback signals. */
export interface SettledScan {
  id: number
  result: ScanResult
  /** Present when a workflow claimed the scan: its decision overrides the scan's own outcome. */
  verdict?: ClaimVerdict
  claimed: boolean
}

export const useScanStore = defineStore('scan', () => {
  // Pinia runs setup stores inside the app's injection context, so the router of the app that owns this store
  // is available here (tests mount their own app with a memory-history router).
  const router = useRouter()
  const operator = useOperatorStore()

  /** Newest first. */
  const recent = ref<ScanResult[]>([])
  /** The latest scan that matched nothing, kept on screen until the next match or until dismissed. */
  const unmatched = ref<ScanNoMatch | null>(null)
  /**
   * The latest scan that opened an item and carried more than the item (label fields, related items, repairs,
   * a problem): kept so the item page can show what the label said. Cleared by the next scan.
   */
  const lastMatchDetails = ref<ScanMatch | null>(null)
  /** Bumped on every scan so views that show counts or history know to reload. */
  const scanCount = ref(0)
  /** Bumped on every scan a scanner sent (not typed in the app), so an open dialog can step aside for it. */
  const deviceScanCount = ref(0)
  /** The latest scan whose meaning is decided: at once for a plain scan, after the workflow answered otherwise. */
  const settled = shallowRef<SettledScan | null>(null)
  let settledId = 0

  let unsubscribe: (() => void) | null = null

  /** The workflow that claims scans now, if any: its scans go to it instead of opening items. */
  const claim = shallowRef<ScanClaimHandler | null>(null)
  const claimed = computed(() => claim.value !== null)

  /** Routes every scan to `handler` until the returned release function is called (call it on unmount). */
  function claimScans(handler: ScanClaimHandler): () => void {
    claim.value = handler
    return () => {
      if (claim.value === handler) claim.value = null
    }
  }

  async function handle(result: ScanResult): Promise<void> {
    const receivedAt = performance.now()
    recent.value = [result, ...recent.value].slice(0, RECENT_LIMIT)
    scanCount.value++
    if (result.operator) operator.noteBadge(result.operator, result.pinRequired === true)
    const claimant = claim.value
    if (claimant) {
      // The workflow shows unknown barcodes in its own list.
      unmatched.value = null
      lastMatchDetails.value = null
      let verdict: ClaimVerdict = 'error'
      try {
        verdict = (await claimant(result, receivedAt)) ?? undefined
      } finally {
        settled.value = { id: ++settledId, result, verdict, claimed: true }
      }
      return
    }
    settled.value = { id: ++settledId, result, claimed: false }
    const match = matchedItem(result)
    lastMatchDetails.value = match && isMatch(result) && hasDetails(result) ? result : null
    if (match) {
      unmatched.value = null
      await router.push(match.ref.url)
    } else if (!isMatch(result)) {
      unmatched.value = result
    }
  }

  /** Resolves typed or pasted data through the Station; throws a StationError if the call is refused. */
  async function scan(data: string, source: ScanSource = 'manual'): Promise<ScanResult> {
    const result = await call('scan', { data, source })
    await handle(result)
    return result
  }

  /** Scans from wedge, HID and serial sources are resolved by main and pushed here. Safe to call twice. */
  function listenForDeviceScans(): void {
    if (unsubscribe) return
    unsubscribe = onStationEvent('scanResult', (result) => {
      deviceScanCount.value++
      void handle(result)
    })
  }

  function dismissUnmatched(): void {
    unmatched.value = null
  }

  function dismissMatchDetails(): void {
    lastMatchDetails.value = null
  }

  return {
    recent,
    unmatched,
    lastMatchDetails,
    scanCount,
    deviceScanCount,
    settled,
    claimed,
    claimScans,
    handle,
    scan,
    listenForDeviceScans,
    dismissUnmatched,
    dismissMatchDetails,
  }
})

function hasDetails(result: ScanResult): boolean {
  return Boolean(
    (result.fields && Object.keys(result.fields).length > 0) ||
    (result.related && Object.keys(result.related).length > 0) ||
    result.normalised?.length ||
    result.problem,
  )
}
