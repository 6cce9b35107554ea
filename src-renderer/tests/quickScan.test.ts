import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { quickScan } from './support/quickScan'
import { mountApp, unmountAll } from './mountApp'
import { callsOf, installRealStation } from './support/realStation'

afterEach(unmountAll)

describe('quick scan', () => {
  it('opens a dialog with the input focused', async () => {
    installRealStation()
    const { wrapper } = await mountApp('/')
    expect(wrapper.get('dialog').element.open).toBe(false)

    await wrapper.get('[data-testid="quick-scan-button"]').trigger('click')
    await flushPromises()

    expect(wrapper.get('dialog').element.open).toBe(true)
    expect(document.activeElement).toBe(wrapper.get('[data-testid="quick-scan-input"]').element)
  })

  it('navigates to the matched item and closes the dialog', async () => {
    const real = installRealStation()
    const { wrapper, router } = await mountApp('/')

    await quickScan(wrapper, 'INV-SI7')

    expect(callsOf(real, 'scan')).toEqual([{ data: 'INV-SI7', source: 'manual' }])
    expect(router.currentRoute.value.fullPath).toBe('/stockitem/7')
    expect(wrapper.get('dialog').element.open).toBe(false)
    const item = await real.call('getItem', { model: 'stockitem', pk: 7 })
    expect(wrapper.get('[data-testid="item-title"]').text()).toBe(item.title)
    expect(wrapper.text()).toContain('Stock item #7')
  })

  it('shows the error and the raw data, with control characters visible, when nothing matches', async () => {
    installRealStation()
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

  it('shows the message of a failed call', async () => {
    const real = installRealStation()
    real.fail('scan', 'internal', 'The station could not complete scan')
    const { wrapper } = await mountApp('/')

    await quickScan(wrapper, 'INV-SI1')

    const feedback = wrapper.get('[data-testid="scan-feedback"]')
    expect(feedback.text()).toContain('Error')
    expect(feedback.text()).toContain('The station could not complete scan')
  })
})

describe('scans pushed by main (hardware scanners)', () => {
  it('navigates on a match and shows a notice on no match', async () => {
    const real = installRealStation()
    const { wrapper, router } = await mountApp('/')
    expect(real.listenerCount('scanResult')).toBe(1)

    real.deviceScan('INV-SI5')
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/stockitem/5')

    real.deviceScan('4006381333931')
    await flushPromises()
    const notice = wrapper.get('[data-testid="scan-feedback"]')
    expect(notice.text()).toContain('No match found for barcode data')
    expect(notice.text()).toContain('4006381333931')
    expect(router.currentRoute.value.fullPath).toBe('/stockitem/5')
    // Both scans were logged, as every scan from a device is.
    expect((await real.call('historyQuery', { filter: {} })).rows.map((r) => r.data)).toEqual([
      '4006381333931',
      'INV-SI5',
    ])
  })
})
