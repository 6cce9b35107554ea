import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { MethodInput, Reply, MethodOutputs } from '../../src-main/contract'
import { mountApp, unmountAll } from './mountApp'
import { callsOf, installRealStation, type RealStation } from './support/realStation'
import { setSettingsAsAdmin } from '../../src-main/tests/support/station'

afterEach(() => {
  unmountAll()
  vi.restoreAllMocks()
})

type QueryInput = MethodInput<'historyQuery'>
const queries = (real: RealStation) => callsOf(real, 'historyQuery') as QueryInput[]

/** Scans as a desk makes them, logged in one transaction (the way the CLI's `scan -` does) so setup stays quick. */
function logScans(real: RealStation, data: string[], source: 'wedge' | 'hid' | 'manual' = 'wedge'): void {
  real.station.scanMany(data.map((d) => ({ data: d, source })))
}

describe('history review filters', () => {
  it('changing the result filter queries from offset 0 with that filter and shows its rows', async () => {
    const real = installRealStation()
    logScans(real, [
      ...Array.from({ length: 47 }, (_, i) => `INV-SI${(i % 20) + 1}`),
      'UNKNOWN-0',
      'UNKNOWN-1',
      'UNKNOWN-2',
    ])
    const { wrapper } = await mountApp('/history')
    expect(wrapper.get('[data-testid="history-total"]').text()).toBe('50')

    await wrapper.get('[data-testid="filter-result-no_match"]').setValue(true)
    await flushPromises()

    expect(queries(real).at(-1)).toEqual({ filter: { results: ['no_match'] }, offset: 0, limit: 200 })
    expect(wrapper.get('[data-testid="history-total"]').text()).toBe('3')
    const rows = wrapper.findAll('[data-testid="history-row"]')
    expect(rows).toHaveLength(3)
    for (const row of rows) expect(row.get('[data-testid="history-result"]').text()).toContain('Not found')
    expect(rows[0]!.text()).toContain('UNKNOWN-2')
    // The benchmark's measurement: filter change → first page painted.
    await vi.waitFor(() => expect(window.__historyStats?.lastFilterToRowsMs).toBeTypeOf('number'))
    expect(window.__historyStats?.total).toBe(3)
  })

  it('sends every filter as the contract names it, dates as ISO, text after a debounce', async () => {
    const real = installRealStation()
    await real.call('signIn', { badge: 'OP-1001' })
    logScans(real, ['INV-SI1', 'UNKNOWN-9'], 'hid')
    const { wrapper } = await mountApp('/history')

    // The operator and plugin pickers offer what the history holds.
    const options = (id: string) =>
      wrapper.findAll(`[data-testid="${id}"] option`).map((o) => o.attributes('value') ?? o.text())
    expect(options('filter-operator')).toContain('Alex Receiving')
    expect(options('filter-plugin')).toContain('InvenTreeBarcode')

    await wrapper.get('[data-testid="filter-source-hid"]').setValue(true)
    await wrapper.get('[data-testid="filter-operator"]').setValue('Alex Receiving')
    await wrapper.get('[data-testid="filter-model"]').setValue('stockitem')
    const from = new Date(Date.now() - 3_600_000)
    const local = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16)
    await wrapper.get('[data-testid="filter-from"]').setValue(local(from))
    await flushPromises()
    expect(wrapper.get('[data-testid="history-total"]').text()).toBe('1')
    await wrapper.get('[data-testid="filter-plugin"]').setValue('InvenTreeBarcode')
    await flushPromises()
    const before = queries(real).length

    vi.useFakeTimers()
    try {
      const text = wrapper.get('[data-testid="filter-text"]')
      await text.setValue('U')
      await text.setValue('UNK')
      expect(queries(real)).toHaveLength(before)
      vi.advanceTimersByTime(160)
    } finally {
      vi.useRealTimers()
    }
    await flushPromises()

    const all = queries(real)
    expect(all).toHaveLength(before + 1)
    expect(all.at(-1)).toEqual({
      filter: {
        sources: ['hid'],
        operator: 'Alex Receiving',
        plugin: 'InvenTreeBarcode',
        model: 'stockitem',
        from: new Date(local(from)).toISOString(),
        text: 'UNK',
      },
      offset: 0,
      limit: 200,
    })
    expect(wrapper.get('[data-testid="history-total"]').text()).toBe('0')
  })

  it('offers the desks that logged scans and filters by one; the drawer names the desk', async () => {
    const real = installRealStation()
    await setSettingsAsAdmin(real.station, { 'desk.name': 'Dock A' })
    logScans(real, ['INV-SI1', 'UNKNOWN-1'])
    await setSettingsAsAdmin(real.station, { 'desk.name': 'Dock B' })
    logScans(real, ['INV-SI2'])
    const { wrapper } = await mountApp('/history')
    expect(wrapper.get('[data-testid="history-total"]').text()).toBe('3')
    const desks = wrapper.findAll('[data-testid="filter-desk"] option').map((o) => o.attributes('value'))
    expect(desks).toEqual(['', 'Dock A', 'Dock B'])

    await wrapper.get('[data-testid="filter-desk"]').setValue('Dock A')
    await flushPromises()
    expect(queries(real).at(-1)).toEqual({ filter: { desk: 'Dock A' }, offset: 0, limit: 200 })
    expect(wrapper.get('[data-testid="history-total"]').text()).toBe('2')
    await wrapper.get('[data-testid="history-row"]').trigger('click')
    expect(wrapper.get('[data-testid="drawer-desk"]').text()).toBe('Dock A')
  })

  it('drops a slow reply for an older filter', async () => {
    const real = installRealStation()
    logScans(real, ['INV-SI1', 'NOPE', 'INV-SI2'])
    let releaseOld: (() => void) | null = null
    // A slow answer for "matches only": held until the newer filter's answer is on screen.
    real.override('historyQuery', async (input, send): Promise<Reply<MethodOutputs['historyQuery']>> => {
      const { results } = input.filter
      if (results?.length === 1 && results[0] === 'match') await new Promise<void>((r) => (releaseOld = r))
      return send()
    })
    const { wrapper } = await mountApp('/history')
    await wrapper.get('[data-testid="filter-result-match"]').setValue(true)
    await wrapper.get('[data-testid="filter-result-no_match"]').setValue(true)
    await flushPromises()
    expect(wrapper.get('[data-testid="history-total"]').text()).toBe('3')
    releaseOld!()
    await flushPromises()
    expect(wrapper.get('[data-testid="history-total"]').text()).toBe('3')
    expect(
      wrapper.findAll('[data-testid="history-row"]').map((r) => r.get('[data-testid="history-data"]').text()),
    ).toEqual(['INV-SI2', 'NOPE', 'INV-SI1'])
  })
})

describe('virtual scrolling', () => {
  it('renders only a window of the rows and fetches the next page on scroll', async () => {
    const real = installRealStation()
    const total = 2_000
    logScans(
      real,
      Array.from({ length: total }, (_, i) => `ROW-${total - 1 - i}`),
    )
    const { wrapper } = await mountApp('/history')

    expect(wrapper.get('[data-testid="history-total"]').text()).toBe(String(total))
    const rendered = wrapper.findAll('[data-testid="history-row"]')
    expect(rendered.length).toBeGreaterThan(5)
    expect(rendered.length).toBeLessThan(60)
    expect(rendered[0]!.attributes('data-index')).toBe('0')
    // The scrollbar is sized for every row.
    const scroller = wrapper.get<HTMLDivElement>('[data-testid="history-scroller"]')
    expect(Number(scroller.attributes('data-total-height'))).toBe(total * 36)
    expect(queries(real).map((q) => q.offset)).toEqual([0])

    // Scroll to row 250: page 2 (offset 200) is fetched, and rows around 250 are shown.
    scroller.element.scrollTop = 250 * 36
    await scroller.trigger('scroll')
    await flushPromises()

    expect(queries(real).map((q) => [q.offset, q.limit])).toEqual([
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
    const real = installRealStation()
    await real.call('signIn', { badge: 'OP-1001' })
    await real.call('scan', { data, source: 'hid', device: 'Honeywell 1900' })
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
    expect(drawer.get('[data-testid="drawer-duration"]').text()).toMatch(/^\d+\.\d\d ms$/)
    expect(drawer.get('[data-testid="drawer-operator"]').text()).toBe('Alex Receiving')
    expect(drawer.get('[data-testid="drawer-device"]').text()).toBe('Honeywell 1900')
    expect(drawer.get('[data-testid="drawer-source"]').text()).toContain('hid')
    expect(drawer.get('[data-testid="drawer-action"]').text()).toBe('Scan')

    await drawer.get('[data-testid="history-drawer-close"]').trigger('click')
    expect(wrapper.find('[data-testid="history-drawer"]').exists()).toBe(false)
  })

  it('uses the logged dataHex when main kept the raw bytes', async () => {
    const real = installRealStation()
    // Only a trusted caller (the CLI reading bytes) hands over the raw bytes of data that was not valid UTF-8.
    real.station.scan({ data: 'A\ufffdB', rawHex: '41ff42', source: 'cli' })
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
    const real = installRealStation()
    logScans(real, ['INV-SI1', 'UNKNOWN-WEDGE'])
    logScans(real, ['UNKNOWN-TYPED'], 'manual')
    // By default only the admin takes the history away.
    await real.call('signIn', { badge: 'OP-9000', pin: '9000' })
    const { wrapper } = await mountApp('/history')

    await wrapper.get('[data-testid="filter-result-no_match"]').setValue(true)
    await wrapper.get('[data-testid="filter-source-wedge"]').setValue(true)
    await flushPromises()
    await wrapper.get('[data-testid="history-export"]').trigger('click')
    await flushPromises()

    expect(callsOf(real, 'historyExport')).toEqual([
      { filter: { results: ['no_match'], sources: ['wedge'] }, jobId: expect.any(String) },
    ])
    expect(clicks).toHaveLength(1)
    expect(clicks[0]).toMatch(/^scan-history-.*\.csv$/)
    expect(created[0]!.type).toBe('text/csv;charset=utf-8')
    const csv = await created[0]!.text()
    expect(csv).toContain('UNKNOWN-WEDGE')
    expect(csv).not.toContain('UNKNOWN-TYPED')
    expect(csv).not.toContain('INV-SI1')
    expect(wrapper.get('[data-testid="history-export-done"]').text()).toContain('Exported 1 row')
  })
})

describe('charts', () => {
  it('draws scans and failure rate per hour with titles and words', async () => {
    const real = installRealStation()
    logScans(real, [...Array.from({ length: 8 }, (_, i) => `INV-SI${i + 1}`), 'NOPE-1', 'NOPE-2'])
    const { wrapper } = await mountApp('/history')
    const scans = wrapper.get('[data-testid="chart-scans"]')
    // All ten were scanned within this hour.
    expect(scans.findAll('rect').length).toBeGreaterThanOrEqual(1)
    expect(
      scans
        .findAll('title')
        .map((t) => t.text())
        .join(' '),
    ).toContain('10 scans')
    expect(scans.text()).toContain('10 scans')
    const failures = wrapper.get('[data-testid="chart-failures"]')
    expect(failures.text()).toContain('2 of 10 scans failed (20.0 %)')
    expect(
      failures
        .findAll('title')
        .map((t) => t.text())
        .join(' '),
    ).toContain('2 of 10 failed (20 %)')
  })
})
