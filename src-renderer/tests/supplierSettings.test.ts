import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { mountApp, unmountAll } from './mountApp'
import { callsOf, installRealStation, type RealStation } from './support/realStation'

afterEach(unmountAll)

async function asAdmin(): Promise<RealStation> {
  const real = installRealStation()
  await real.call('signIn', { badge: 'OP-9000', pin: '9000' })
  return real
}

describe('supplier companies on the settings page', () => {
  it('offers a company id per supplier plugin and saves only the one changed', async () => {
    const real = await asAdmin()
    const { wrapper } = await mountApp('/settings')

    const digikey = wrapper.get<HTMLInputElement>('#supplier-DigiKeyBarcode')
    expect(digikey.element.value).toBe('')
    expect(wrapper.get('[data-testid="supplier-companies"]').text()).toContain('company named “Mouser”')
    await digikey.setValue('12')
    await wrapper.get('[data-testid="settings-form"]').trigger('submit')
    await flushPromises()

    expect(callsOf(real, 'setSettings')).toEqual([{ 'suppliers.companies': { DigiKeyBarcode: 12 } }])
    expect((await real.call('getSettings', {}))['suppliers.companies']).toEqual({ DigiKeyBarcode: 12 })
    expect(wrapper.get<HTMLInputElement>('#supplier-DigiKeyBarcode').element.value).toBe('12')
  })

  it('refuses a company id that is not a whole number, next to the suppliers', async () => {
    const real = await asAdmin()
    const { wrapper } = await mountApp('/settings')

    await wrapper.get('#supplier-MouserBarcode').setValue('1.5')
    await wrapper.get('[data-testid="settings-form"]').trigger('submit')
    await flushPromises()

    expect(callsOf(real, 'setSettings')).toEqual([])
    expect(wrapper.get('[data-testid="supplier-companies"] [data-testid="setting-error"]').text()).toContain(
      'whole number',
    )
  })

  it('shows no supplier fields when no plugin is a supplier plugin', async () => {
    const real = await asAdmin()
    // Every station has the built-in supplier plugins; a list without them is what an older main would send.
    real.override('plugins', async (_input, send) => {
      const reply = await send()
      return reply.ok ? { ok: true, value: reply.value.filter((p) => !p.supplier) } : reply
    })
    const { wrapper } = await mountApp('/settings')
    expect(wrapper.find('[data-testid="supplier-companies"]').exists()).toBe(false)
  })
})
