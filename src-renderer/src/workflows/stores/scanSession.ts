import { defineStore } from 'pinia'
import { computed, nextTick, ref, shallowRef } from 'vue'
import type { ActionResult, ScanResult, SessionHeader, SessionRow } from '../../../../src-main/contract'
import { StationError, call, errorMessage } from '../../api/station'
import { useAction } from '../../composables/useAction'
import type { ClaimVerdict } from '../../stores/scan'
import { upsertRow } from '../lib'

export type BulkAction = 'move' | 'count' | 'add' | 'remove' | 'merge'

/** Scan-to-row latency of the scan page, read by the benchmark (see ScanPageView). */
export interface ScanPageStats {
  /** From the scan result reaching the renderer to the frame that paints its row (rAF after nextTick), in ms. */
  lastScanToRowMs: number | null
  /** Of which: the sessionAdd call (to the Station and back). */
  lastAddMs: number | null
  /** Of which: from sessionAdd's answer to the row's frame (the renderer's own share). */
  lastRenderMs: number | null
  rows: number
  scans: number
}

declare global {
  interface Window {
    __scanPageStats?: ScanPageStats
  }
}

/** An action on the scan page, with whether it was undone since. */
export interface DoneAction extends ActionResult {
  undone: boolean
  undoSummary?: string
}

/**
 * The scan page's session: many scans, then bulk stock actions on the selected rows. The database holds the
 * session (restored after a restart); this store mirrors it and appends the row each scan returns, never
 * reloading all rows per scan, so a session of hundreds of rows stays quick.
 */
export const useScanSessionStore = defineStore('scanSession', () => {
  const header = shallowRef<SessionHeader | null>(null)
  /** In scan order (row ids ascending). */
  const rows = shallowRef<SessionRow[]>([])
  /** Ids of the selected rows. Replaced, never mutated, so the table re-renders only what changed. */
  const selected = shallowRef<ReadonlySet<number>>(new Set())
  const message = ref('')
  // One user action at a time: every button's work runs through `guarded`, its error shown instead of thrown.
  const { busy, error, run: guarded } = useAction()
  const lastAction = shallowRef<DoneAction | null>(null)
  const stats: ScanPageStats = { lastScanToRowMs: null, lastAddMs: null, lastRenderMs: null, rows: 0, scans: 0 }

  const isOpen = computed(() => header.value?.status === 'open')
  /** Rows whose stock item an action can change. */
  const selectable = computed(() => rows.value.filter(isStockRow))
  const selectedRows = computed(() => selectable.value.filter((r) => selected.value.has(r.id)))
  /** Stock items of the selected rows, each once, in scan order. */
  const selectedItems = computed(() => [...new Set(selectedRows.value.map((r) => r.pk as number))])

  function show(view: { rows: SessionRow[] } & SessionHeader): void {
    const { rows: viewRows, ...rest } = view
    header.value = rest
    rows.value = viewRows
    const ids = new Set(viewRows.map((r) => r.id))
    selected.value = new Set([...selected.value].filter((id) => ids.has(id)))
    stats.rows = viewRows.length
  }

  /** Restores the open session, or starts one. */
  async function start(): Promise<void> {
    error.value = null
    window.__scanPageStats = stats
    try {
      show(await call('sessionStart', { kind: 'scan' }))
    } catch (e) {
      error.value = errorMessage(e)
    }
  }

  async function refresh(): Promise<void> {
    const view = await call('sessionCurrent', { kind: 'scan' })
    if (view) show(view)
  }

  /** A claimed scan: added to the session; its row is appended and timed until it is painted. */
  async function addScan(result: ScanResult, receivedAt: number): Promise<ClaimVerdict> {
    error.value = null
    try {
      if (!header.value || header.value.status !== 'open') await start()
      const session = header.value?.id
      if (session === undefined) return 'error'
      // By its result id: the Station adds the result it already made, whatever the source and the history.
      const input = { session, scanId: result.result_id }
      let update
      try {
        update = await call('sessionAdd', input)
      } catch (e) {
        // Closed from elsewhere (another window, the CLI): start a fresh session and add the scan there.
        if (!(e instanceof StationError && e.code === 'conflict')) throw e
        await start()
        if (!header.value) throw e
        update = await call('sessionAdd', { ...input, session: header.value.id })
      }
      const answeredAt = performance.now()
      header.value = update.session
      message.value = update.message
      stats.scans++
      if (update.row) {
        rows.value = upsertRow(rows.value, update.row)
        stats.rows = rows.value.length
        await nextTick()
        requestAnimationFrame(() => {
          const now = performance.now()
          stats.lastScanToRowMs = now - receivedAt
          stats.lastAddMs = answeredAt - receivedAt
          stats.lastRenderMs = now - answeredAt
        })
      } else if (update.command) {
        // Commands (clear, undo, commit) change rows the page holds.
        if (update.session.status === 'open') await refresh()
        else rows.value = []
      }
      return update.row?.flag
    } catch (e) {
      error.value = errorMessage(e)
      return 'error'
    }
  }

  function toggle(rowId: number, on: boolean): void {
    const next = new Set(selected.value)
    if (on) next.add(rowId)
    else next.delete(rowId)
    selected.value = next
  }

  function selectAll(on: boolean): void {
    selected.value = on ? new Set(selectable.value.map((r) => r.id)) : new Set()
  }

  /** One stock action on the selected stock items; its summary is kept with an Undo. */
  function runAction(action: BulkAction, quantity?: number): Promise<void> {
    return guarded(async () => {
      const session = header.value
      if (!session) return
      const location = action === 'move' ? session.location?.pk : undefined
      if (action === 'move' && location === undefined)
        throw new Error('Scan the target location first (before or after the items)')
      const result = await call('stockAction', {
        action,
        items: selectedItems.value,
        session: session.id,
        ...(location !== undefined ? { location } : {}),
        ...(quantity !== undefined ? { quantity } : {}),
      })
      lastAction.value = { ...result, undone: false }
      message.value = result.summary
      await refresh()
    })
  }

  function undo(): Promise<void> {
    return guarded(async () => {
      const action = lastAction.value
      if (!action || action.undone) return
      const result = await call('undo', { actionId: action.actionId })
      lastAction.value = { ...action, undone: true, undoSummary: result.summary }
      message.value = result.summary
      await refresh()
    })
  }

  function removeRow(rowId: number): Promise<void> {
    return guarded(async () => {
      if (!header.value) return
      header.value = await call('sessionRemoveRow', { session: header.value.id, row: rowId })
      rows.value = rows.value.filter((r) => r.id !== rowId)
      toggle(rowId, false)
      stats.rows = rows.value.length
    })
  }

  function clear(): Promise<void> {
    return guarded(async () => {
      if (!header.value) return
      header.value = await call('sessionClear', { session: header.value.id })
      rows.value = []
      selected.value = new Set()
      lastAction.value = null
      stats.rows = 0
      message.value = 'Session cleared'
    })
  }

  /** Closes the session (its scans stay in the history); the next scan starts a new one. */
  function close(): Promise<void> {
    return guarded(async () => {
      if (!header.value) return
      header.value = await call('sessionCommit', { session: header.value.id })
      rows.value = []
      selected.value = new Set()
      lastAction.value = null
      stats.rows = 0
      message.value = 'Session closed; the next scan starts a new one'
    })
  }

  return {
    header,
    rows,
    selected,
    message,
    error,
    busy,
    lastAction,
    isOpen,
    selectable,
    selectedRows,
    selectedItems,
    start,
    refresh,
    addScan,
    toggle,
    selectAll,
    runAction,
    undo,
    removeRow,
    clear,
    close,
  }
})

function isStockRow(row: SessionRow): boolean {
  return row.model === 'stockitem' && row.pk !== null && row.flag !== 'unknown'
}
