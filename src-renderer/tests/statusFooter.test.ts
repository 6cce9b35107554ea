import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { mountApp, unmountAll } from './mountApp'
import { installRealStation } from './support/realStation'
import { digikey, RESISTOR } from './support/demoLabels'

afterEach(unmountAll)

describe('the status footer', () => {
  it('counts the stock items a receipt creates as soon as it is committed, and again after its undo', async () => {
    const real = installRealStation()
    const session = await real.call('sessionStart', { kind: 'receive', purchaseOrder: 1 })
    await real.call('sessionAdd', { session: session.id, data: digikey(...RESISTOR, 10, 'LOT-A'), source: 'wedge' })
    const before = (await real.call('info', {})).counts.stockItems
    const { wrapper } = await mountApp('/receive?order=1')
    const stockItems = () => wrapper.get('[data-testid="footer-stock-items"]').text()
    expect(stockItems()).toBe(`${before} stock items`)

    await wrapper.get('[data-testid="receive-commit"]').trigger('click')
    await flushPromises()
    expect(wrapper.findAll('[data-testid="created-stockitem"]')).toHaveLength(1)
    expect(stockItems()).toBe(`${before + 1} stock items`)

    await wrapper.get('[data-testid="receipt-undo"]').trigger('click')
    await flushPromises()
    expect(stockItems()).toBe(`${before} stock items`)
  })
})
