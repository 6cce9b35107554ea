import { onBeforeUnmount, onMounted } from 'vue'
import type { ScanResult } from '../../../src-main/contract'
import { useScanStore, type ClaimVerdict, type ScanClaimHandler } from '../stores/scan'

/**
 * Claims every scan (quick scan and device scans) for the component's lifetime. Scans are handed over one at a
 * time, in the order they arrived, so rows appear in scan order even when a scanner sends a burst.
 */
export function useClaimScans(handler: ScanClaimHandler): void {
  const scans = useScanStore()
  let release: (() => void) | null = null
  let queue: Promise<unknown> = Promise.resolve()

  const serial = (result: ScanResult, receivedAt: number): Promise<ClaimVerdict | void> => {
    const next = queue.then(() => handler(result, receivedAt))
    // One failed scan must not stop the ones after it; the handler shows its own errors.
    queue = next.catch(() => undefined)
    return next
  }

  onMounted(() => {
    release = scans.claimScans(serial)
  })
  onBeforeUnmount(() => {
    release?.()
    release = null
  })
}
