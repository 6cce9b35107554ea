import { describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { effectScope } from 'vue'
import { useVirtualRows } from '../src/composables/useVirtualRows'

function source(total: number) {
  const offsets: number[] = []
  const fetchPage = async (offset: number, limit: number) => {
    offsets.push(offset)
    return { total, rows: Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) => offset + i) }
  }
  return { offsets, fetchPage }
}

function scrollTo(rows: ReturnType<typeof useVirtualRows<number>>, top: number, height = 600): void {
  rows.onScroll({ scrollTop: top, clientHeight: height } as HTMLElement)
}

describe('useVirtualRows', () => {
  it('keeps the scrollbar within what browsers draw and still reaches the last row of a million', async () => {
    const scope = effectScope()
    const { offsets, fetchPage } = source(1_000_000)
    const rows = scope.run(() => useVirtualRows<number>({ rowHeight: 36, pageSize: 200, fetchPage }))!
    await rows.reset()
    expect(rows.totalHeight.value).toBe(10_000_000)

    scrollTo(rows, rows.totalHeight.value - 600)
    await flushPromises()
    const last = rows.visible.value.at(-1)!
    expect(last.index).toBe(999_999)
    expect(last.row).toBe(999_999)
    expect(offsets.at(-1)).toBe(999_800)
    // The rendered window sits where the view is.
    const { padTop, first, last: end } = rows.layout.value
    expect(padTop + (end - first) * 36).toBeGreaterThanOrEqual(rows.totalHeight.value - 1)
    scope.stop()
  })

  it('drops the pages of an earlier reset', async () => {
    const scope = effectScope()
    let slow: (() => void) | null = null
    let call = 0
    const rows = scope.run(() =>
      useVirtualRows<string>({
        rowHeight: 36,
        fetchPage: async (offset) => {
          const mine = ++call
          if (mine === 1) await new Promise<void>((r) => (slow = r))
          return { total: 1, rows: [mine === 1 ? `old@${offset}` : `new@${offset}`] }
        },
      }),
    )!
    const first = rows.reset()
    const second = rows.reset()
    expect(await second).toBe(true)
    slow!()
    expect(await first).toBe(false)
    expect(rows.visible.value.map((v) => v.row)).toEqual(['new@0'])
    scope.stop()
  })
})
