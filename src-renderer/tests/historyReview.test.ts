import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { HistoryFilter, MethodInput } from '../../src-main/contract'
import { installFakeStation, ok } from './fakeStation'
import { historyEntry, pagedHistory } from './fakeHistory'
import { mountApp, unmountAll } from './mountApp'

afterEach(() => {
  unmountAll()
  vi.restoreAllMocks()
})

type QueryInput = MethodInput<'historyQuery'>

function queries(calls: { method: string; input: unknown }[]): QueryInput[] {
  return calls.filter((c) => c.method === 'historyQuery').map((c) => c.input as QueryInput)
}

describe('history review filters', () => {
  it('changing the result filter queries from offset 0 with that filter and shows its rows', async () => {
    const fake = installFakeStation({
      historyQuery: pagedHistory(
        (f) => (f.results?.includes('no_match') ? 3 : 50),
        (i, f: HistoryFilter) =>
          historyEntry(
            100 - i,
            f.results?.includes('no_match')
              ? { data: `UNKNOWN-${i}`, result: 'no_match', plugin: null, model: null, pk: null }
              : {},
          ),
      ),
    })
    const { wrapper } = await mountApp('/history')
    expect(wrapper.get('[data-testid="history-total"]').text()).toBe('50')

    await wrapper.get('[data-testid="filter-result-no_match"]').setValue(true)
    await flushPromises()

    expect(queries(fake.calls).at(-1)).toEqual({ filter: { results: ['no_match'] }, offset: 0, limit: 200 })
    expect(wrapper.get('[data-testid="history-total"]').text()).toBe('3')
    const rows = wrapper.findAll('[data-testid="history-row"]')
    expect(rows).toHaveLength(3)
    for (const row of rows) expect(row.get('[data-testid="history-result"]').text()).toContain('Not found')
    expect(rows[0]!.text()).toContain('UNKNOWN-0')
    // The benchmark's measurement: filter change → first page painted.
    await vi.waitFor(() => expect(window.__historyStats?.lastFilterToRowsMs).toBeTypeOf('number'))
    expect(window.__historyStats?.total).toBe(3)
  })

  it('sends every filter as the contract names it, dates as ISO, text after a debounce', async () => {
    const fake = installFakeStation({
      historyStats: () =>
        ok({ total: 0, failures: 0, hours: [], operators: ['Alex Receiving'], plugins: ['GS1Barcode'] }),
    })
    const { wrapper } = await mountApp('/history')

    await wrapper.get('[data-testid="filter-source-hid"]').setValue(true)
    await wrapper.get('[data-testid="filter-operator"]').setValue('Alex Receiving')
    await wrapper.get('[data-testid="filter-plugin"]').setValue('GS1Barcode')
    await wrapper.get('[data-testid="filter-model"]').setValue('stockitem')
    await wrapper.get('[data-testid="filter-from"]').setValue('2026-01-02T08:00')
    await wrapper.get('[data-testid="filter-to"]').setValue('2026-01-03T08:00')
    await flushPromises()
    const before = queries(fake.calls).length

    vi.useFakeTimers()
    try {
      const text = wrapper.get('[data-testid="filter-text"]')
      await text.setValue('U')
      await text.setValue('UNK')
      expect(queries(fake.calls)).toHaveLength(before)
      vi.advanceTimersByTime(160)
    } finally {
      vi.useRealTimers()
    }
    await flushPromises()

    const all = queries(fake.calls)
    expect(all).toHaveLength(before + 1)
    expect(all.at(-1)).toEqual({
      filter: {
        sources: ['hid'],
        operator: 'Alex Receiving',
        plugin: 'GS1Barcode',
        model: 'stockitem',
        from: new Date('2026-01-02T08:00').toISOString(),
        to: new Date('2026-01-03T08:00').toISOString(),
        text: 'UNK',
      },
      offset: 0,
      limit: 200,
    })
  })

  it('drops a slow reply for an older filter', async () => {
    let releaseOld: (() => void) | null = null
    installFakeStation({
      historyQuery: async ({ filter, offset = 0 }) => {
        if (filter.results?.includes('match') && !filter.results.includes('error')) {
          await new Promise<void>((r) => (releaseOld = r))
          return ok({ total: 7, offset, rows: [historyEntry(7, { data: 'OLD' })] })
        }
        return ok({
          total: filter.results ? 1 : 0,
          offset,
          rows: filter.results ? [historyEntry(1, { data: 'NEW', result: 'error' })] : [],
        })
      },
    })
    const { wrapper } = await mountApp('/history')
    await wrapper.get('[data-testid="filter-result-match"]').setValue(true)
    await wrapper.get('[data-testid="filter-result-error"]').setValue(true)
    await flushPromises()
    expect(wrapper.get('[data-testid="history-total"]').text()).toBe('1')
    releaseOld!()
    await flushPromises()
    expect(wrapper.get('[data-testid="history-total"]').text()).toBe('1')
    expect(
      wrapper.findAll('[data-testid="history-row"]').map((r) => r.get('[data-testid="history-data"]').text()),
    ).toEqual(['NEW'])
  })
})

describe('virtual scrolling', () => {
  it('renders only a window of 100,000 rows and fetches the next page on scroll', async () => {
    const fake = installFakeStation({
      historyQuery: pagedHistory(100_000, (i) => historyEntry(100_000 - i, { data: `ROW-${i}` })),
    })
    const { wrapper } = await mountApp('/history')

    expect(wrapper.get('[data-testid="history-total"]').text()).toBe('100000')
    const rendered = wrapper.findAll('[data-testid="history-row"]')
    expect(rendered.length).toBeGreaterThan(5)
    expect(rendered.length).toBeLessThan(60)
    expect(rendered[0]!.attributes('data-index')).toBe('0')
    // The scrollbar is sized for every row.
    const scroller = wrapper.get<HTMLDivElement>('[data-testid="history-scroller"]')
    expect(Number(scroller.attributes('data-total-height'))).toBe(100_000 * 36)
    expect(queries(fake.calls).map((q) => q.offset)).toEqual([0])

    // Scroll to row 250: page 2 (offset 200) is fetched, and rows around 250 are shown.
    scroller.element.scrollTop = 250 * 36
    await scroller.trigger('scroll')
    await flushPromises()

    expect(queries(fake.calls).map((q) => [q.offset, q.limit])).toEqual([
      [0, 200],
      [200, 200],
    ])
    const shown = wrapper.findAll('[data-testid="history-row"]')
    expect(shown.length).toBeLessThan(60)
    const indexes = shown.map((r) => Number(r.attributes('data-index')))
    expect(indexes).toContain(250)
    expect(Math.min(...indexes)).toBeGreaterThan(200)
    expect(shown.find((r) => r.attributes('data-index') === '250')!.text()).toContain('ROW-250')
  })
})

describe('detail drawer', () => {
  it('shows the raw data with visible controls, its bytes as hex, parsed fields and the response', async () => {
    const data = '[)>\x1e06\x1dP123\x1dQ5\x1e\x04'
    const response = JSON.stringify({
      error: 'No match found for barcode data',
      plugin: null,
      barcode_data: data,
      fields: { supplier_part_number: '123', quantity: 5 },
    })
    installFakeStation({
      historyQuery: () =>
        ok({
          total: 1,
          offset: 0,
          rows: [
            historyEntry(9, {
              data,
              result: 'no_match',
              response,
              operator: 'Alex Receiving',
              device: 'Honeywell 1900',
              source: 'hid',
              pluginsTried: 'InvenTreeBarcode:no DigiKeyBarcode:recognised',
              durationMs: 2.5,
            }),
          ],
        }),
    })
    const { wrapper } = await mountApp('/history')

    expect(wrapper.find('[data-testid="history-drawer"]').exists()).toBe(false)
    await wrapper.get('[data-testid="history-row"]').trigger('click')
    const drawer = wrapper.get('[data-testid="history-drawer"]')

    expect(drawer.get('[data-testid="drawer-data"]').text()).toBe('[)>␞06␝P123␝Q5␞␄')
    const hex = drawer.get('[data-testid="drawer-hex"]').text()
    expect(hex).toContain('5b 29 3e 1e 30 36 1d 50 31 32 33 1d 51 35 1e 04')
    expect(drawer.get('[data-testid="drawer-fields"]').text()).toContain('Supplier part number')
    expect(drawer.get('[data-testid="drawer-fields"]').text()).toContain('123')
    expect(drawer.get('[data-testid="drawer-response"]').text()).toContain('"quantity": 5')
    expect(drawer.get('[data-testid="drawer-plugins"]').text()).toContain('DigiKeyBarcode: recognised, nothing matched')
    expect(drawer.get('[data-testid="drawer-duration"]').text()).toBe('2.50 ms')
    expect(drawer.get('[data-testid="drawer-operator"]').text()).toBe('Alex Receiving')
    expect(drawer.get('[data-testid="drawer-device"]').text()).toBe('Honeywell 1900')
    expect(drawer.get('[data-testid="drawer-source"]').text()).toContain('hid')
    expect(drawer.get('[data-testid="drawer-action"]').text()).toBe('Scan')

    await drawer.get('[data-testid="history-drawer-close"]').trigger('click')
    expect(wrapper.find('[data-testid="history-drawer"]').exists()).toBe(false)
  })

  it('uses the logged dataHex when main kept the raw bytes', async () => {
    installFakeStation({
      historyQuery: () => ok({ total: 1, offset: 0, rows: [historyEntry(1, { data: 'A\ufffdB', dataHex: '41ff42' })] }),
    })
    const { wrapper } = await mountApp('/history')
    await wrapper.get('[data-testid="history-row"]').trigger('click')
    expect(wrapper.get('[data-testid="drawer-hex"]').text()).toContain('41 ff 42')
  })
})

describe('CSV export', () => {
  it('exports the current filter through historyExport and downloads the CSV', async () => {
    const created: Blob[] = []
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      created.push(blob as Blob)
      return 'blob:fake'
    })
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {})
    const clicks: string[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download)
    })
    const fake = installFakeStation({ historyExport: () => ok({ csv: 'id,data\r\n2,UNKNOWN\r\n', rows: 1 }) })
    const { wrapper } = await mountApp('/history')

    await wrapper.get('[data-testid="filter-result-no_match"]').setValue(true)
    await wrapper.get('[data-testid="filter-source-wedge"]').setValue(true)
    await flushPromises()
    await wrapper.get('[data-testid="history-export"]').trigger('click')
    await flushPromises()

    expect(fake.calls.filter((c) => c.method === 'historyExport')).toEqual([
      { method: 'historyExport', input: { filter: { results: ['no_match'], sources: ['wedge'] } } },
    ])
    expect(clicks).toHaveLength(1)
    expect(clicks[0]).toMatch(/^scan-history-.*\.csv$/)
    expect(created[0]!.type).toBe('text/csv;charset=utf-8')
    expect(await created[0]!.text()).toContain('2,UNKNOWN')
    expect(wrapper.get('[data-testid="history-export-done"]').text()).toContain('Exported 1 row')
  })
})

describe('charts', () => {
  it('draws scans and failure rate per hour with titles and words', async () => {
    installFakeStation({
      historyStats: () =>
        ok({
          total: 30,
          failures: 6,
          hours: [
            { hour: '2026-01-02T10', scans: 10, failures: 1 },
            { hour: '2026-01-02T11', scans: 20, failures: 5 },
          ],
          operators: [],
          plugins: [],
        }),
    })
    const { wrapper } = await mountApp('/history')
    const scans = wrapper.get('[data-testid="chart-scans"]')
    expect(scans.findAll('rect')).toHaveLength(2)
    expect(scans.findAll('title').map((t) => t.text())[1]).toContain('20 scans')
    expect(scans.text()).toContain('30 scans')
    const failures = wrapper.get('[data-testid="chart-failures"]')
    expect(failures.text()).toContain('6 of 30 scans failed (20.0 %)')
    expect(failures.findAll('title')[1]!.text()).toContain('5 of 20 failed (25 %)')
  })
})
