import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { mountApp, unmountAll } from './mountApp'
import { callsOf, installRealStation } from './support/realStation'
import HomeView from '../src/views/HomeView.vue'

afterEach(unmountAll)

const until = (check: () => unknown): Promise<unknown> => vi.waitFor(check, { timeout: 5000 })

describe('the first start of a new station', () => {
  it('asks how the desk starts before anything else; the demo is one click and opens on its inventory', async () => {
    const real = installRealStation({ station: { demo: 'ask' } })
    const { wrapper } = await mountApp('/')
    expect(wrapper.find('[data-testid="first-start"]').exists()).toBe(true)
    expect(wrapper.find('[data-testid="admin-pin-setup"]').exists()).toBe(false)
    expect(wrapper.findComponent(HomeView).exists()).toBe(false)

    await wrapper.get('[data-testid="start-demo"]').trigger('click')
    await until(() => expect(wrapper.findComponent(HomeView).exists()).toBe(true))
    expect(wrapper.find('[data-testid="first-start"]').exists()).toBe(false)
    // The demo's admin has its documented PIN, so no PIN screen comes next.
    expect(wrapper.find('[data-testid="admin-pin-setup"]').exists()).toBe(false)
    expect((await real.call('info', {})).counts.parts).toBeGreaterThan(10)
  })

  it('an empty station asks for the admin PIN next, then opens its inventory screens with nothing in them', async () => {
    const real = installRealStation({ station: { demo: 'ask' } })
    const { wrapper, router } = await mountApp('/')
    await wrapper.get('[data-testid="start-empty"]').trigger('click')
    await until(() => expect(wrapper.find('[data-testid="admin-pin-setup"]').exists()).toBe(true))
    expect(router.currentRoute.value.path).toBe('/inventory')
    expect(callsOf(real, 'chooseStart')).toEqual([{ start: 'empty' }])

    await wrapper.get('[data-testid="admin-pin"]').setValue('2468')
    await wrapper.get('[data-testid="admin-pin-again"]').setValue('2468')
    await wrapper.get('[data-testid="admin-pin-setup"] form').trigger('submit')
    await until(() => expect(wrapper.find('[data-testid="admin-pin-setup"]').exists()).toBe(false))
    expect((await real.call('info', {})).counts.parts).toBe(0)
  })

  it('a desk for InvenTree goes on to the server connection', async () => {
    installRealStation({ station: { demo: 'ask' } })
    const { wrapper, router } = await mountApp('/')
    await wrapper.get('[data-testid="start-inventree"]').trigger('click')
    await flushPromises()
    await until(() => expect(router.currentRoute.value.name).toBe('inventree-settings'))
    expect(wrapper.find('[data-testid="first-start"]').exists()).toBe(false)
  })
})
