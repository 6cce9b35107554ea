import { nextTick, onMounted, watch, type ShallowRef } from 'vue'

export interface ModalDialogOptions {
  /** When given, the dialog follows it: shown while it is true, closed when it turns false. */
  open?: () => boolean
  /** Resets the dialog's contents just before it shows. */
  onOpen?: () => void
  /** The element to focus once the dialog shows. */
  focus?: () => HTMLElement | null | undefined
}

/** Shows and closes a `<dialog>` as a modal. */
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
  return { show, hide }
}
