import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { demoItem, installFakeStation, ok, stockItemMatch } from './fakeStation'
import { mountApp, unmountAll } from './mountApp'

afterEach(unmountAll)

async function quickScan(wrapper: VueWrapper, data: string): Promise<void> {
  await wrapper.get('[data-testid="quick-scan-button"]').trigger('click')
  await flushPromises()
  const input = wrapper.get<HTMLInputElement>('[data-testid="quick-scan-input"]')
  await input.setValue(data)
  await input.trigger('keydown', { key: 'Enter' })
  await flushPromises()
}

describe('quick scan', () => {
  it('opens a dialog with the input focused', async () => {
    installFakeStation()
    const { wrapper } = await mountApp('/')
    expect(wrapper.get('dialog').element.open).toBe(false)

    await wrapper.get('[data-testid="quick-scan-button"]').trigger('click')
    await flushPromises()

    expect(wrapper.get('dialog').element.open).toBe(true)
    expect(document.activeElement).toBe(wrapper.get('[data-testid="quick-scan-input"]').element)
  })

  it('navigates to the matched item and closes the dialog', async () => {
    const fake = installFakeStation({
      scan: ({ data }) => ok(data === 'INV-SI5' ? stockItemMatch(data, 5) : stockItemMatch(data, 999)),
      getItem: ({ model, pk }) =>
        model === 'stockitem' && pk === 5 ? ok(demoItem) : { ok: false, error: { code: 'not_found', message: 'x' } },
    })
    const { wrapper, router } = await mountApp('/')

    await quickScan(wrapper, 'INV-SI5')

    expect(fake.calls).toContainEqual({ method: 'scan', input: { data: 'INV-SI5', source: 'manual' } })
    expect(router.currentRoute.value.fullPath).toBe('/stockitem/5')
    expect(wrapper.get('dialog').element.open).toBe(false)
    expect(wrapper.get('[data-testid="item-title"]').text()).toBe('M3 screw ×200')
  })

  it('shows the error and the raw data, with control characters visible, when nothing matches', async () => {
    installFakeStation()
    const { wrapper, router } = await mountApp('/')

    await quickScan(wrapper, '[)>\x1e06\x1dP<b>X</b>\x1e\x04')

    const feedback = wrapper.get('[data-testid="scan-feedback"]')
    expect(feedback.attributes('role')).toBe('alert')
    expect(feedback.text()).toContain('Not found')
    expect(feedback.text()).toContain('No match found for barcode data')
    expect(feedback.get('[data-testid="scan-feedback-data"]').text()).toBe('[)>␞06␝P<b>X</b>␞␄')
    // Markup in scanned data is text, never HTML.
    expect(feedback.find('b').exists()).toBe(false)
    expect(router.currentRoute.value.fullPath).toBe('/')
    expect(wrapper.get('dialog').element.open).toBe(true)
  })

  it('shows the message of a refused call', async () => {
    installFakeStation({
      scan: () => ({ ok: false, error: { code: 'invalid_argument', message: 'Scan data too long' } }),
    })
    const { wrapper } = await mountApp('/')

    await quickScan(wrapper, 'whatever')

    const feedback = wrapper.get('[data-testid="scan-feedback"]')
    expect(feedback.text()).toContain('Error')
    expect(feedback.text()).toContain('Scan data too long')
  })
})

describe('scans pushed by main (hardware scanners)', () => {
  it('navigates on a match and shows a notice on no match', async () => {
    const fake = installFakeStation({ getItem: () => ok(demoItem) })
    const { wrapper, router } = await mountApp('/')
    expect(fake.listenerCount('scanResult')).toBe(1)

    fake.emit('scanResult', stockItemMatch('INV-SI5', 5))
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/stockitem/5')

    fake.emit('scanResult', {
      outcome: 'no_match',
      match: null,
      error: 'No match found for barcode data',
      plugin: null,
      barcode_data: '4006381333931',
      barcode_hash: 'h',
      scan_id: 3,
      result_id: 3,
    })
    await flushPromises()
    const notice = wrapper.get('[data-testid="scan-feedback"]')
    expect(notice.text()).toContain('No match found for barcode data')
    expect(notice.text()).toContain('4006381333931')
    expect(router.currentRoute.value.fullPath).toBe('/stockitem/5')
  })
})
