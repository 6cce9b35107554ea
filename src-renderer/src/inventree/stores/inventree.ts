import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { MethodInput, OutboxItem, SyncStatus, SyncSummaryView } from '../../../../src-main/contract'
import { call, errorMessage, onStationEvent } from '../../api/station'

/** How many settled rows (done, discarded) the Sync screen shows below the waiting ones. */
export const SETTLED_SHOWN = 20

const waitingFirst = (a: OutboxItem, b: OutboxItem): number =>
  a.state === b.state ? a.id - b.id : a.state === 'queued' ? -1 : 1

const newestSettledFirst = (a: OutboxItem, b: OutboxItem): number =>
  (b.settledAt ?? '').localeCompare(a.settledAt ?? '') || b.id - a.id

/**
 * The desk's InvenTree connection as the UI shows it: the Station's SyncStatus, replaced by every `syncStatus`
 * event main sends (a sync started, progressed or ended, a desk action queued, a row resolved), and the outbox
 * rows while a screen shows them, read again whenever the status says they changed.
 */
export const useInventreeStore = defineStore('inventree', () => {
  const status = shallowRef<SyncStatus | null>(null)
  const loadError = ref<string | null>(null)
  /** Queued rows first, in the order they will be pushed, then the parked ones. */
  const waiting = shallowRef<OutboxItem[]>([])
  /** The latest settled rows, newest first. */
  const settled = shallowRef<OutboxItem[]>([])
  const outboxLoaded = ref(false)
  const outboxError = ref<string | null>(null)
  /** What the last sync asked for here did. */
  const lastSummary = shallowRef<SyncSummaryView | null>(null)

  let stopFollowing: (() => void) | null = null
  let loading: Promise<void> | null = null
  /** Screens showing the outbox now: only then are its rows read again on a change. */
  let outboxViewers = 0
  let outboxRun: Promise<void> | null = null
  let outboxAgain = false
  /** The status fields the rows depend on, so progress events during a long pull do not reread the outbox. */
  let outboxKey = ''

  const parked = computed(() => waiting.value.filter((r) => r.state === 'parked'))
  /** Not connected and nothing waits for a server: the desk keeps its own inventory. */
  const localOnly = computed(
    () => status.value !== null && !status.value.connected && status.value.queued === 0 && status.value.parked === 0,
  )

  const keyOf = (s: SyncStatus): string => `${s.state}|${s.queued}|${s.parked}|${s.lastSync ?? ''}`

  function apply(next: SyncStatus): void {
    status.value = next
    loadError.value = null
    const key = keyOf(next)
    if (key === outboxKey) return
    outboxKey = key
    if (outboxViewers > 0) void refreshOutbox()
  }

  /** Follows main's announcements (safe to call twice). */
  function follow(): void {
    stopFollowing ??= onStationEvent('syncStatus', apply)
  }

  /** Asks the Station for the status unless it is known; a failed ask is tried again by the next call. */
  function load(): Promise<void> {
    follow()
    if (status.value) return Promise.resolve()
    loading ??= call('inventreeStatus', {})
      .then(apply, (e: unknown) => void (loadError.value = errorMessage(e)))
      .finally(() => (loading = null))
    return loading
  }

  async function readOutbox(): Promise<void> {
    try {
      const [open, done] = await Promise.all([
        call('inventreeOutbox', { states: ['queued', 'parked'] }),
        call('inventreeOutbox', { states: ['done', 'discarded'], limit: 1000 }),
      ])
      waiting.value = [...open].sort(waitingFirst)
      settled.value = [...done].sort(newestSettledFirst).slice(0, SETTLED_SHOWN)
      outboxError.value = null
    } catch (e) {
      outboxError.value = errorMessage(e)
    } finally {
      outboxLoaded.value = true
    }
  }

  /** Reads the rows again; a change announced while a read runs reads them once more after it. */
  function refreshOutbox(): Promise<void> {
    if (outboxRun) {
      outboxAgain = true
      return outboxRun
    }
    outboxRun = (async () => {
      do {
        outboxAgain = false
        await readOutbox()
      } while (outboxAgain)
    })().finally(() => (outboxRun = null))
    return outboxRun
  }

  /** For a screen that shows the rows: reads them now and on every change until the returned release is called. */
  function watchOutbox(): () => void {
    outboxViewers++
    void load()
    void refreshOutbox()
    let released = false
    return () => {
      if (released) return
      released = true
      outboxViewers--
    }
  }

  /** Admin: connect with a token or a user and password; the credentials are sent and not kept here. */
  async function connect(input: MethodInput<'inventreeConnect'>): Promise<SyncStatus> {
    const next = await call('inventreeConnect', input)
    apply(next)
    return next
  }

  async function disconnect(): Promise<SyncStatus> {
    const next = await call('inventreeDisconnect', {})
    apply(next)
    return next
  }

  /** Pushes and pulls now; the status follows its progress through the events. */
  async function sync(full = false): Promise<SyncSummaryView> {
    lastSummary.value = null
    try {
      const summary = await call('inventreeSync', full ? { full } : {})
      lastSummary.value = summary
      return summary
    } finally {
      // A sync refused before it started (not connected) announces nothing: ask, so the screen is current.
      await call('inventreeStatus', {}).then(apply, () => undefined)
    }
  }

  /** Retry, edit or discard a parked row; the rows are read again at once. */
  async function resolve(input: MethodInput<'inventreeResolve'>): Promise<OutboxItem> {
    try {
      return await call('inventreeResolve', input)
    } finally {
      await refreshOutbox()
    }
  }

  return {
    status,
    loadError,
    waiting,
    parked,
    settled,
    outboxLoaded,
    outboxError,
    lastSummary,
    localOnly,
    follow,
    load,
    apply,
    refreshOutbox,
    watchOutbox,
    connect,
    disconnect,
    sync,
    resolve,
  }
})
