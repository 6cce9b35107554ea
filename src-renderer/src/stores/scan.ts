import { defineStore } from 'pinia'
import { ref } from 'vue'
import { useRouter } from 'vue-router'
import type { ScanNoMatch, ScanResult, ScanSource } from '../../../src-main/contract'
import { call, onStationEvent } from '../api/station'
import { isMatch, matchedItem } from '../lib/models'

const RECENT_LIMIT = 10

export const useScanStore = defineStore('scan', () => {
  // Pinia runs setup stores inside the app's injection context, so the router of the app that owns this store
  // is available here (tests mount their own app with a memory-history router).
  const router = useRouter()

  /** Newest first. */
  const recent = ref<ScanResult[]>([])
  /** The latest scan that matched nothing, kept on screen until the next match or until dismissed. */
  const unmatched = ref<ScanNoMatch | null>(null)
  /** Bumped on every scan so views that show counts or history know to reload. */
  const scanCount = ref(0)

  let unsubscribe: (() => void) | null = null

  async function handle(result: ScanResult): Promise<void> {
    recent.value = [result, ...recent.value].slice(0, RECENT_LIMIT)
    scanCount.value++
    const match = matchedItem(result)
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
      void handle(result)
    })
  }

  function dismissUnmatched(): void {
    unmatched.value = null
  }

  return { recent, unmatched, scanCount, handle, scan, listenForDeviceScans, dismissUnmatched }
})
