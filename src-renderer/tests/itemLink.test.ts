import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { mountApp, unmountAll } from './mountApp'
import { callsOf, installRealStation } from './support/realStation'

afterEach(unmountAll)

describe('link barcode on the item page', () => {
  it('links scanned data to the item, then offers Unlink, and the data then finds the item', async () => {
    const real = installRealStation()
    const { wrapper } = await mountApp('/stockitem/1')
    expect(wrapper.find('[data-testid="unlink-button"]').exists()).toBe(false)

    await wrapper.get('[data-testid="link-barcode-input"]').setValue('SUPPLIER-LABEL-77 ')
    await wrapper.get('[data-testid="link-barcode-button"]').trigger('click')
    await flushPromises()

    expect(callsOf(real, 'link')).toEqual([{ model: 'stockitem', pk: 1, data: 'SUPPLIER-LABEL-77 ' }])
    expect(wrapper.get('[data-testid="link-barcode-done"]').text()).toContain(
      'Repaired: surrounding whitespace removed',
    )
    // The item was read again and now has a linked barcode.
    expect(callsOf(real, 'getItem')).toHaveLength(2)
    expect(wrapper.get('[data-testid="link-barcode"]').text()).toContain('Linked barcode: SUPPLIER-LABEL-77')
    expect(wrapper.find('[data-testid="link-barcode-input"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="unlink-button"]').exists()).toBe(true)
    expect(await real.call('scan', { data: 'SUPPLIER-LABEL-77', source: 'manual' })).toMatchObject({
      plugin: 'InvenTreeExternalBarcode',
      stockitem: { pk: 1 },
    })
  })

  it("shows main's refusal when the data is another item's internal barcode", async () => {
    installRealStation()
    const { wrapper } = await mountApp('/stockitem/1')

    await wrapper.get('[data-testid="link-barcode-input"]').setValue('{"stockitem": 9}')
    await wrapper.get('[data-testid="link-barcode-button"]').trigger('click')
    await flushPromises()

    const error = wrapper.get('[data-testid="link-barcode-error"]')
    expect(error.attributes('role')).toBe('alert')
    expect(error.text()).toContain('Not linked')
    expect(error.text()).toMatch(/internal barcode of stockitem 9/)
    expect(wrapper.find('[data-testid="link-barcode-done"]').exists()).toBe(false)
  })

  it('unlinks the linked barcode and offers linking again', async () => {
    const real = installRealStation()
    await real.call('link', { model: 'stockitem', pk: 1, data: 'OLD-LABEL' })
    const { wrapper } = await mountApp('/stockitem/1')
    // Shown once, by the link form, not also as a plain field.
    expect(wrapper.get('[data-testid="item-fields"]').text()).not.toContain('OLD-LABEL')
    expect(wrapper.get('[data-testid="link-barcode"]').text()).toContain('OLD-LABEL')

    await wrapper.get('[data-testid="unlink-button"]').trigger('click')
    await flushPromises()

    expect(callsOf(real, 'unlink')).toEqual([{ model: 'stockitem', pk: 1 }])
    expect(wrapper.get('[data-testid="link-barcode-done"]').text()).toContain('Barcode unlinked: OLD-LABEL')
    expect(wrapper.find('[data-testid="link-barcode-input"]').exists()).toBe(true)
    expect(await real.call('scan', { data: 'OLD-LABEL', source: 'manual' })).toMatchObject({
      error: 'No match found for barcode data',
    })
  })
})
