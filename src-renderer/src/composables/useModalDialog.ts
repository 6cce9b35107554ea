import { nextTick, onMounted, watch, type ShallowRef } from 'vue'
import { useScanStore } from '../stores/scan'

export interface ModalDialogOptions {
  /** When given, the dialog follows it: shown while it is true, closed when it turns false. */
  open?: () => boolean
  /** Resets the dialog's contents just before it shows. */
  onOpen?: () => void
  /** The element to focus once the dialog shows. */
  focus?: () => HTMLElement | null | undefined
  /** How the dialog is closed when a scanner sends a scan while it is open (default: it is hidden). */
  close?: () => void
}

/**
 * Shows and closes a `<dialog>` as a modal, and closes it when a scanner sends a scan while it is open: a modal
 * hides and makes inert the page behind it, so the item the scan opens, or the notice it raises, would land
 * unseen. Scans typed into the dialog itself go through the app, not a scanner, and do not count.
 */
export function useModalDialog(
  dialog: Readonly<ShallowRef<HTMLDialogElement | null>>,
  options: ModalDialogOptions = {},
): { show: () => Promise<void>; hide: () => void } {
  async function show(): Promise<void> {
    const el = dialog.value
    if (!el) return
    options.onOpen?.()
    // showModal, not the `open` attribute: it traps focus, makes the page behind inert and handles Escape.
    if (!el.open) el.showModal()
    if (!options.focus) return
    // `autofocus` acts only as the dialog opens; focusing again covers environments that ignore it.
    await nextTick()
    options.focus()?.focus()
  }

  function hide(): void {
    const el = dialog.value
    if (el?.open) el.close()
  }

  const open = options.open
  if (open) {
    const sync = (shown: boolean): Promise<void> | void => (shown ? show() : hide())
    watch(open, sync, { flush: 'post' })
    onMounted(() => sync(open()))
  }

  const isOpen = open ?? ((): boolean => dialog.value?.open ?? false)
  const scans = useScanStore()
  watch(
    () => scans.deviceScanCount,
    () => {
      if (isOpen()) (options.close ?? hide)()
    },
    // Before the scan is handled, so the page it opens or the notice it shows is not behind the dialog.
    { flush: 'sync' },
  )
  return { show, hide }
}
