import { watch } from 'vue'
import { useScanStore } from '../stores/scan'

/**
 * Closes a modal dialog when a scanner sends a scan while it is open: a modal hides and makes inert the page
 * behind it, so the item the scan opens, or the notice it raises, would land unseen. Scans typed into the dialog
 * itself go through the app, not a scanner, and do not count.
 */
export function useCloseOnDeviceScan(isOpen: () => boolean, close: () => void): void {
  const scans = useScanStore()
  watch(
    () => scans.deviceScanCount,
    () => {
      if (isOpen()) close()
    },
    // Before the scan is handled, so the page it opens or the notice it shows is not behind the dialog.
    { flush: 'sync' },
  )
}
