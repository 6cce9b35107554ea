import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { ItemDetail } from '../../src-main/contract'
import { demoItem, fail, installFakeStation, ok } from './fakeStation'
import { mountApp, unmountAll } from './mountApp'

afterEach(unmountAll)

const withLink = (data: string): ItemDetail => ({ ...demoItem, linked: data })

describe('link barcode on the item page', () => {
  it('links scanned data to the item, then offers Unlink', async () => {
    let linked: string | null = null
    const fake = installFakeStation({
      getItem: () => ok(linked === null ? demoItem : withLink(linked)),
      link: ({ model, pk, data }) => {
        linked = data.trim()
        return ok({ model, pk, barcode_data: linked, barcode_hash: 'h', normalised: ['removed trailing whitespace'] })
      },
    })
    const { wrapper } = await mountApp('/stockitem/5')
    expect(wrapper.find('[data-testid="unlink-button"]').exists()).toBe(false)

    await wrapper.get('[data-testid="link-barcode-input"]').setValue('SUPPLIER-LABEL-77 ')
    await wrapper.get('[data-testid="link-barcode-button"]').trigger('click')
    await flushPromises()

    expect(fake.calls).toContainEqual({
      method: 'link',
      input: { model: 'stockitem', pk: 5, data: 'SUPPLIER-LABEL-77 ' },
    })
    expect(wrapper.get('[data-testid="link-barcode-done"]').text()).toContain('Repaired: removed trailing whitespace')
    // The item was read again and now has a linked barcode.
    expect(fake.calls.filter((c) => c.method === 'getItem')).toHaveLength(2)
    expect(wrapper.get('[data-testid="link-barcode"]').text()).toContain('Linked barcode: SUPPLIER-LABEL-77')
    expect(wrapper.find('[data-testid="link-barcode-input"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="unlink-button"]').exists()).toBe(true)
  })

  it('shows the conflict message when main refuses the barcode', async () => {
    const fake = installFakeStation({
      getItem: () => ok(demoItem),
      link: () =>
        fail('conflict', 'This is the internal barcode of stockitem 9 (M4 nut); it cannot be linked to another item'),
    })
    const { wrapper } = await mountApp('/stockitem/5')

    await wrapper.get('[data-testid="link-barcode-input"]').setValue('{"stockitem": 9}')
    await wrapper.get('[data-testid="link-barcode-button"]').trigger('click')
    await flushPromises()

    expect(fake.calls.filter((c) => c.method === 'link')).toHaveLength(1)
    const error = wrapper.get('[data-testid="link-barcode-error"]')
    expect(error.attributes('role')).toBe('alert')
    expect(error.text()).toContain('Not linked')
    expect(error.text()).toContain('internal barcode of stockitem 9 (M4 nut)')
    expect(wrapper.find('[data-testid="link-barcode-done"]').exists()).toBe(false)
  })

  it('unlinks the linked barcode and offers linking again', async () => {
    let linked: string | null = 'OLD-LABEL'
    const fake = installFakeStation({
      getItem: () => ok(linked === null ? demoItem : withLink(linked)),
      unlink: ({ model, pk }) => {
        const removed = linked ?? ''
        linked = null
        return ok({ model, pk, removed })
      },
    })
    const { wrapper } = await mountApp('/stockitem/5')
    // Shown once, by the link form, not also as a plain field.
    expect(wrapper.get('[data-testid="item-fields"]').text()).not.toContain('OLD-LABEL')
    expect(wrapper.get('[data-testid="link-barcode"]').text()).toContain('OLD-LABEL')

    await wrapper.get('[data-testid="unlink-button"]').trigger('click')
    await flushPromises()

    expect(fake.calls).toContainEqual({ method: 'unlink', input: { model: 'stockitem', pk: 5 } })
    expect(wrapper.get('[data-testid="link-barcode-done"]').text()).toContain('Barcode unlinked: OLD-LABEL')
    expect(wrapper.find('[data-testid="link-barcode-input"]').exists()).toBe(true)
  })
})
