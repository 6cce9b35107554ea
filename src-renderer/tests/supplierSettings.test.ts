import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { PluginInfo } from '../../src-main/contract'
import { demoAdmin, demoPlugins, installFakeStation } from './fakeStation'
import { mountApp, unmountAll } from './mountApp'

afterEach(unmountAll)

const withSuppliers: PluginInfo[] = [
  ...demoPlugins,
  {
    name: 'DigiKeyBarcode',
    order: 5,
    description: 'DigiKey labels',
    enabled: true,
    builtIn: true,
    supplier: 'DigiKey',
  },
  { name: 'MouserBarcode', order: 6, description: 'Mouser labels', enabled: true, builtIn: true, supplier: 'Mouser' },
]

describe('supplier companies on the settings page', () => {
  it('offers a company id per supplier plugin and saves only the one changed', async () => {
    const fake = installFakeStation({ plugins: () => ({ ok: true, value: withSuppliers }) }, { operator: demoAdmin })
    const { wrapper } = await mountApp('/settings')

    const digikey = wrapper.get<HTMLInputElement>('#supplier-DigiKeyBarcode')
    expect(digikey.element.value).toBe('')
    expect(wrapper.get('[data-testid="supplier-companies"]').text()).toContain('company named “Mouser”')
    await digikey.setValue('12')
    await wrapper.get('[data-testid="settings-form"]').trigger('submit')
    await flushPromises()

    expect(fake.calls.filter((c) => c.method === 'setSettings')).toEqual([
      { method: 'setSettings', input: { 'suppliers.companies': { DigiKeyBarcode: 12 } } },
    ])
    expect(fake.state.settings['suppliers.companies']).toEqual({ DigiKeyBarcode: 12 })
    expect(wrapper.get<HTMLInputElement>('#supplier-DigiKeyBarcode').element.value).toBe('12')
  })

  it('refuses a company id that is not a whole number, next to the suppliers', async () => {
    const fake = installFakeStation({ plugins: () => ({ ok: true, value: withSuppliers }) }, { operator: demoAdmin })
    const { wrapper } = await mountApp('/settings')

    await wrapper.get('#supplier-MouserBarcode').setValue('1.5')
    await wrapper.get('[data-testid="settings-form"]').trigger('submit')
    await flushPromises()

    expect(fake.calls.filter((c) => c.method === 'setSettings')).toEqual([])
    expect(wrapper.get('[data-testid="supplier-companies"] [data-testid="setting-error"]').text()).toContain(
      'whole number',
    )
  })

  it('shows no supplier fields when no plugin is a supplier plugin', async () => {
    installFakeStation({}, { operator: demoAdmin })
    const { wrapper } = await mountApp('/settings')
    expect(wrapper.find('[data-testid="supplier-companies"]').exists()).toBe(false)
  })
})
