import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { demoAdmin, demoAlex, demoSettings, fail, installFakeStation, ok } from './fakeStation'
import { historyEntry as entry } from './fakeHistory'
import { mountApp, unmountAll } from './mountApp'

afterEach(unmountAll)

describe('HistoryView', () => {
  it('asks for the first page of the whole history and shows data, result and item link', async () => {
    const fake = installFakeStation({
      historyQuery: () =>
        ok({
          total: 2,
          offset: 0,
          rows: [
            entry(2, { data: 'P1\x1dQ2', result: 'no_match', plugin: null, model: null, pk: null, source: 'hid' }),
            entry(1, {}),
          ],
        }),
    })
    const { wrapper } = await mountApp('/history')

    expect(fake.calls).toContainEqual({ method: 'historyQuery', input: { filter: {}, offset: 0, limit: 200 } })
    expect(wrapper.get('[data-testid="history-total"]').text()).toBe('2')
    const rows = wrapper.findAll('[data-testid="history-row"]')
    expect(rows).toHaveLength(2)
    expect(rows[0]!.text()).toContain('P1␝Q2')
    expect(rows[0]!.text()).toContain('Not found')
    expect(rows[0]!.find('a').exists()).toBe(false)
    expect(rows[1]!.text()).toContain('Match')
    expect(rows[1]!.text()).toContain('1.2 ms')
    expect(rows[1]!.get('a').attributes('href')).toBe('/stockitem/5')
  })

  it('shows the action and, on demand, every plugin asked with its answer', async () => {
    installFakeStation({
      historyQuery: () =>
        ok({
          total: 2,
          offset: 0,
          rows: [
            entry(2, { action: 'link', plugin: null, pluginsTried: '' }),
            entry(1, {
              plugin: 'DigiKeyBarcode',
              pluginsTried: 'InvenTreeBarcode:no GS1Barcode:failed(Bad AI 99) DigiKeyBarcode:match',
            }),
          ],
        }),
    })
    const { wrapper } = await mountApp('/history')

    const rows = wrapper.findAll('[data-testid="history-row"]')
    expect(rows[0]!.get('[data-testid="history-action"]').text()).toContain('Link')
    expect(rows[0]!.find('[data-testid="history-plugins-tried"]').exists()).toBe(false)
    expect(rows[1]!.get('[data-testid="history-action"]').text()).toBe('Scan')
    const tried = rows[1]!.get('[data-testid="history-plugins-tried"]')
    expect(tried.element.tagName).toBe('DETAILS')
    expect(tried.get('summary').text()).toBe('DigiKeyBarcode')
    expect(tried.findAll('li').map((li) => li.text())).toEqual([
      'InvenTreeBarcode: not recognised',
      'GS1Barcode: failed: Bad AI 99',
      'DigiKeyBarcode: matched',
    ])
  })
})

describe('history switched off', () => {
  it('warns that scans are not recorded when history is off', async () => {
    installFakeStation({}, { settings: { ...demoSettings, 'history.store': false } })
    const { wrapper } = await mountApp('/history')

    expect(wrapper.get('[data-testid="history-off-banner"]').text()).toContain(
      'Scan history is switched off — scans are not recorded',
    )
  })

  it('shows no warning when history is on', async () => {
    installFakeStation()
    const { wrapper } = await mountApp('/history')

    expect(wrapper.get('[data-testid="history-empty"]').text()).toContain('No scans match')
    expect(wrapper.find('[data-testid="history-off-banner"]').exists()).toBe(false)
  })
})

describe('purge history', () => {
  it('is offered to admins only', async () => {
    installFakeStation({}, { operator: demoAlex })
    const { wrapper } = await mountApp('/history')
    expect(wrapper.find('[data-testid="history-empty"]').exists()).toBe(true)
    expect(wrapper.find('[data-testid="purge-history-button"]').exists()).toBe(false)
  })

  it('asks for confirmation, purges with {confirm: true} and reloads', async () => {
    const fake = installFakeStation(
      { historyQuery: () => ok({ total: 1, offset: 0, rows: [entry(1, {})] }) },
      { operator: demoAdmin },
    )
    const { wrapper } = await mountApp('/history')

    await wrapper.get('[data-testid="purge-history-button"]').trigger('click')
    const dialog = wrapper.get<HTMLDialogElement>('[data-testid="purge-history-dialog"]')
    expect(dialog.element.open).toBe(true)
    expect(dialog.text()).toContain('cannot be undone')
    expect(fake.calls.some((c) => c.method === 'purgeHistory')).toBe(false)

    const historyCalls = fake.calls.filter((c) => c.method === 'historyQuery').length
    await dialog.get('[data-testid="purge-confirm"]').trigger('click')
    await flushPromises()

    expect(fake.calls).toContainEqual({ method: 'purgeHistory', input: { confirm: true } })
    expect(dialog.element.open).toBe(false)
    expect(wrapper.get('[data-testid="purge-done"]').text()).toContain('3 entries deleted')
    expect(fake.calls.filter((c) => c.method === 'historyQuery').length).toBe(historyCalls + 1)
  })

  it('shows a forbidden answer in the dialog', async () => {
    installFakeStation(
      { purgeHistory: () => fail('forbidden', 'Only an admin may purge the scan history') },
      { operator: demoAdmin },
    )
    const { wrapper } = await mountApp('/history')

    await wrapper.get('[data-testid="purge-history-button"]').trigger('click')
    await wrapper.get('[data-testid="purge-confirm"]').trigger('click')
    await flushPromises()

    expect(wrapper.get('[data-testid="purge-error"]').text()).toContain('Only an admin may purge the scan history')
    expect(wrapper.get<HTMLDialogElement>('[data-testid="purge-history-dialog"]').element.open).toBe(true)
  })
})
