import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type {
  CreatedStockItem,
  ItemRef,
  ScanResult,
  SessionHeader,
  SessionRow,
  SessionView,
} from '../../../../src-main/contract'
import { StationError, call, errorMessage } from '../../api/station'
import { useAction } from '../../composables/useAction'
import { useSettingsStore } from '../../stores/settings'
import type { ClaimVerdict } from '../../stores/scan'
import { receivedSummary } from '../../../../src-shared/receipt-summary'
import { upsertRow } from '../lib'

/** What a commit made, kept on screen after the session closed, with what it takes to undo it. */
export interface Receipt {
  session: number
  order: ItemRef | null
  created: CreatedStockItem[]
  /** Set once the receipt was undone (and could not open again, another receipt holding scans). */
  undone: string | null
}

/**
 * A receipt against a purchase order. The session lives in the database until it is committed or dropped, so
 * the page restores it after a restart; supplier labels, locations, the order's barcode and command barcodes
 * all arrive as scans and the back end decides what each one does.
 */
export const useReceiveSessionStore = defineStore('receiveSession', () => {
  const header = shallowRef<SessionHeader | null>(null)
  const rows = shallowRef<SessionRow[]>([])
  const message = ref('')
  // One user action at a time: every button's work runs through `guarded`, its error shown instead of thrown.
  const { busy, error, run: guarded } = useAction()
  const receipt = shallowRef<Receipt | null>(null)
  const settings = useSettingsStore()
  /** What printing the received bags' labels came to: under way, done, or why it failed (the receipt stands). */
  const printStatus = ref<{ state: 'printing' | 'printed' | 'failed'; text: string } | null>(null)
  /** The question a commit of flagged rows asks, while it waits for the answer (the dialog, or the barcode). */
  const confirming = ref<string | null>(null)

  const isOpen = computed(() => header.value?.status === 'open')

  function show(view: SessionView): void {
    const { rows: viewRows, ...rest } = view
    header.value = rest
    rows.value = viewRows
  }

  /** The open receipt (for `order` if given), or a new one. A receipt for another order stays open and says so. */
  async function open(order?: number): Promise<void> {
    error.value = null
    try {
      if (order !== undefined) {
        show(await call('sessionStart', { kind: 'receive', purchaseOrder: order }))
        receipt.value = null
        return
      }
      const current = await call('sessionCurrent', { kind: 'receive' })
      if (current) show(current)
      else if (!receipt.value) show(await call('sessionStart', { kind: 'receive' }))
    } catch (e) {
      error.value = errorMessage(e)
      // An open receipt for another order: show that one, so it can be committed or dropped.
      if (e instanceof StationError && e.code === 'conflict') {
        const current = await call('sessionCurrent', { kind: 'receive' }).catch(() => null)
        if (current) show(current)
      }
    }
  }

  async function refresh(): Promise<void> {
    const view = await call('sessionCurrent', { kind: 'receive' })
    if (view) show(view)
  }

  function remember(session: number, created: CreatedStockItem[]): void {
    confirming.value = null
    receipt.value = { session, order: header.value?.purchaseOrder ?? null, created, undone: null }
    printStatus.value = null
    if (created.length && settings.get('receiving.printOnCommit', false)) void printLabels(created)
  }

  /**
   * Prints a label for each bag just received, on the desk's printer with the remembered template. A print job of
   * its own after the commit's transaction: a printer out of paper never holds back or undoes a receipt.
   */
  async function printLabels(created: CreatedStockItem[]): Promise<void> {
    const template = settings.get('receiving.labelTemplate', '') || undefined
    printStatus.value = {
      state: 'printing',
      text: `Printing ${created.length} label${created.length === 1 ? '' : 's'}…`,
    }
    try {
      const done = await call('printLabels', {
        items: created.map((c) => ({ model: 'stockitem' as const, pk: c.stockitem })),
        ...(template ? { template } : {}),
      })
      printStatus.value = {
        state: 'printed',
        text: `Printed ${done.printed} label${done.printed === 1 ? '' : 's'} on ${done.printer}`,
      }
    } catch (e) {
      printStatus.value = { state: 'failed', text: `Labels not printed: ${errorMessage(e)}` }
    }
  }

  /** A claimed scan, added to the receipt; answers the flag of the row it made (what the feedback signals). */
  async function addScan(result: ScanResult): Promise<ClaimVerdict> {
    error.value = null
    try {
      if (!header.value || header.value.status !== 'open') {
        receipt.value = null
        show(await call('sessionStart', { kind: 'receive' }))
      }
      const session = header.value!.id
      // By its result id: the Station adds the result it already made, whatever the source and the history.
      const update = await call('sessionAdd', { session, scanId: result.result_id })
      message.value = update.message
      // A commit barcode on flagged rows asks; any other scan leaves the question behind (it was about other rows).
      confirming.value = update.confirm ?? null
      if (update.row) rows.value = upsertRow(rows.value, update.row)
      if (update.session.status === 'committed') {
        remember(session, update.created ?? [])
        header.value = update.session
        rows.value = []
        return update.row?.flag
      }
      header.value = update.session
      if (update.session.status !== 'open') {
        rows.value = []
        return update.row?.flag
      }
      // A location, an order, a command or a new row can change other rows (destinations, over-receipt flags).
      await refresh()
      const added = update.row
      return added ? (rows.value.find((r) => r.id === added.id) ?? added).flag : undefined
    } catch (e) {
      error.value = errorMessage(e)
      return 'error'
    }
  }

  function updateRow(row: number, patch: { quantity?: number; lot?: string; location?: number }): Promise<void> {
    return guarded(async () => {
      if (!header.value) return
      rows.value = upsertRow(rows.value, await call('sessionUpdateRow', { session: header.value.id, row, ...patch }))
      await refresh()
    })
  }

  function removeRow(row: number): Promise<void> {
    return guarded(async () => {
      if (!header.value) return
      await call('sessionRemoveRow', { session: header.value.id, row })
      await refresh()
    })
  }

  function chooseOrder(order: number): Promise<void> {
    return guarded(() => open(order))
  }

  /** Commits; flagged rows make it ask first (`confirming`), and `confirm` then commits them as they are. */
  function commit(confirm = false): Promise<void> {
    return guarded(async () => {
      if (!header.value) return
      const session = header.value.id
      const done = await call('sessionCommit', { session, ...(confirm ? { confirm: true } : {}) })
      const { created, confirm: question, ...rest } = done
      if (question !== undefined) {
        confirming.value = question
        header.value = rest
        return
      }
      remember(session, created)
      header.value = rest
      rows.value = []
      message.value = receivedSummary(created, rest.purchaseOrder?.name)
    })
  }

  function cancelConfirm(): void {
    confirming.value = null
  }

  /** Undoes the receipt just committed: its stock goes, and the receipt opens again to be fixed. */
  function undoReceipt(): Promise<void> {
    return guarded(async () => {
      const done = receipt.value
      if (!done) return
      const undone = await call('receiptUndo', { session: done.session })
      if (undone.session) {
        receipt.value = null
        show(undone.session)
        message.value = `${undone.summary}. The receipt is open again.`
      } else {
        receipt.value = { ...done, undone: undone.summary }
        message.value = `${undone.summary}. Another receipt is open, so this one stays closed.`
      }
    })
  }

  function drop(): Promise<void> {
    return guarded(async () => {
      if (!header.value) return
      header.value = await call('sessionDrop', { session: header.value.id })
      rows.value = []
      receipt.value = null
      message.value = 'Receipt dropped; nothing was received'
    })
  }

  /** After a commit or drop: a fresh receipt. */
  function startNew(): Promise<void> {
    return guarded(async () => {
      receipt.value = null
      message.value = ''
      show(await call('sessionStart', { kind: 'receive' }))
    })
  }

  return {
    header,
    rows,
    message,
    error,
    busy,
    receipt,
    confirming,
    printStatus,
    isOpen,
    open,
    refresh,
    addScan,
    updateRow,
    removeRow,
    chooseOrder,
    commit,
    cancelConfirm,
    undoReceipt,
    drop,
    startNew,
  }
})
