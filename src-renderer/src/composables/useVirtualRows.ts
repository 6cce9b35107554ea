import { computed, ref, shallowRef, triggerRef, watch } from 'vue'

/** One page as the data source answers it: the rows from `offset` and the total count of the whole list. */
export interface VirtualPage<T> {
  total: number
  rows: T[]
}

export interface VirtualRowsOptions<T> {
  /** Height of every row in px; rows must be styled to exactly this height. */
  rowHeight: number
  /** Rows fetched per request. */
  pageSize?: number
  /** Rows rendered above and below the visible ones. */
  buffer?: number
  /** Viewport height used until the scroller reports its own (and where there is no layout, as in tests). */
  fallbackViewport?: number
  /** Pages kept in memory; the ones farthest from the view are dropped first. */
  maxPages?: number
  fetchPage: (offset: number, limit: number) => Promise<VirtualPage<T>>
}

/**
 * Browsers cap an element's height (Chrome ~33 M px, Firefox ~17 M px). Above this, the scrollbar is scaled:
 * the scroll position maps proportionally to a row index, and the rendered window is placed at that position.
 */
const MAX_SCROLL_PX = 10_000_000

/**
 * Virtual scrolling over a list known only by pages: renders the visible rows plus a buffer, sizes the scrollbar
 * from the total, and fetches the pages the view needs as the user scrolls. `reset()` starts over from offset 0
 * (after a filter change); replies for an earlier reset are dropped.
 */
export function useVirtualRows<T>(options: VirtualRowsOptions<T>) {
  const rowHeight = options.rowHeight
  const pageSize = options.pageSize ?? 200
  const buffer = options.buffer ?? 8
  const maxPages = options.maxPages ?? 30

  const total = ref(0)
  const scrollTop = ref(0)
  const viewport = ref(options.fallbackViewport ?? 600)
  const pages = shallowRef(new Map<number, T[]>())
  const error = shallowRef<Error | null>(null)
  /** True once the first page of the current reset has arrived. */
  const ready = ref(false)
  const loading = ref(false)
  const pending = new Map<number, Promise<void>>()
  let generation = 0

  const naturalHeight = computed(() => total.value * rowHeight)
  /** Height of the scrollable content: the scrollbar's size. */
  const totalHeight = computed(() => Math.min(naturalHeight.value, MAX_SCROLL_PX))

  const layout = computed(() => {
    const n = total.value
    const visibleRows = viewport.value / rowHeight
    const maxScroll = Math.max(0, totalHeight.value - viewport.value)
    const lastStart = Math.max(0, n - visibleRows)
    // Fractional index of the row at the top of the view; exactly scrollTop / rowHeight when not scaled.
    const top = Math.min(scrollTop.value, maxScroll)
    const at = maxScroll > 0 ? (top / maxScroll) * lastStart : 0
    const first = Math.max(0, Math.floor(at) - buffer)
    const last = Math.min(n, Math.ceil(at + visibleRows) + buffer)
    const padTop = Math.max(0, top - (at - first) * rowHeight)
    const padBottom = Math.max(0, totalHeight.value - padTop - (last - first) * rowHeight)
    return { first, last: Math.max(first, last), padTop, padBottom }
  })

  /** The rows to render, with their index in the whole list; `row` is null while its page loads. */
  const visible = computed(() => {
    const { first, last } = layout.value
    const map = pages.value
    const out: { index: number; row: T | null }[] = []
    for (let i = first; i < last; i++)
      out.push({ index: i, row: map.get(Math.floor(i / pageSize))?.[i % pageSize] ?? null })
    return out
  })

  function loadPage(page: number, gen: number): Promise<void> {
    if (pages.value.has(page)) return Promise.resolve()
    const inFlight = pending.get(page)
    if (inFlight) return inFlight
    const request = (async () => {
      try {
        const reply = await options.fetchPage(page * pageSize, pageSize)
        if (gen !== generation) return
        total.value = reply.total
        pages.value.set(page, reply.rows)
        evict()
        triggerRef(pages)
      } catch (e) {
        if (gen === generation) error.value = e instanceof Error ? e : new Error(String(e))
      } finally {
        if (gen === generation) pending.delete(page)
      }
    })()
    pending.set(page, request)
    return request
  }

  function evict(): void {
    const map = pages.value
    if (map.size <= maxPages) return
    const centre = Math.floor(layout.value.first / pageSize)
    const far = [...map.keys()].sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre))
    for (const page of far.slice(0, map.size - maxPages)) map.delete(page)
  }

  function ensureVisible(): void {
    if (!ready.value) return
    const { first, last } = layout.value
    if (last <= first) return
    for (let p = Math.floor(first / pageSize); p <= Math.floor((last - 1) / pageSize); p++) void loadPage(p, generation)
  }
  watch(layout, ensureVisible)

  /**
   * Starts over at offset 0. Resolves true when the first page is in, false when a newer reset overtook this
   * one (its reply was dropped) or the fetch failed.
   */
  async function reset(): Promise<boolean> {
    const gen = ++generation
    pending.clear()
    pages.value = new Map()
    error.value = null
    ready.value = false
    loading.value = true
    scrollTop.value = 0
    await loadPage(0, gen)
    if (gen !== generation) return false
    loading.value = false
    if (error.value) return false
    ready.value = true
    ensureVisible()
    return true
  }

  /** Call from the scroller's `scroll` event (and once mounted, to pick up its height). */
  function onScroll(el: HTMLElement): void {
    scrollTop.value = el.scrollTop
    if (el.clientHeight > 0) viewport.value = el.clientHeight
  }

  return {
    total,
    visible,
    layout,
    totalHeight,
    error,
    ready,
    loading,
    reset,
    onScroll,
    /** Visible for tests and diagnostics: which pages are held. */
    loadedPages: computed(() => [...pages.value.keys()].sort((a, b) => a - b)),
  }
}
