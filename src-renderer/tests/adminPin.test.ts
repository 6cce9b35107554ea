import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { mountApp, unmountAll } from './mountApp'
import { callsOf, installRealStation } from './support/realStation'
import HomeView from '../src/views/HomeView.vue'

afterEach(unmountAll)

/**
 * A PIN is checked (or hashed) on Node's thread pool, which flushPromises does not wait for: wait for what the
 * person would see instead.
 */
const until = (check: () => unknown): Promise<unknown> => vi.waitFor(check, { timeout: 5000 })

describe('the admin PIN at the sign-in dialog', () => {
  it('asks for the PIN when the admin badge is typed, and signs in with it', async () => {
    const real = installRealStation()
    const { wrapper } = await mountApp('/')
    await wrapper.get('[data-testid="sign-in-button"]').trigger('click')
    await flushPromises()
    const badge = wrapper.get('[data-testid="badge-input"]')
    await badge.setValue('OP-9000')
    await badge.trigger('submit')
    await flushPromises()

    expect(wrapper.get('[data-testid="sign-in-error"]').text()).toContain('Admin signs in with a PIN')
    const pin = wrapper.get('[data-testid="pin-input"]')
    await pin.setValue('9000')
    await wrapper.get('[data-testid="pin-form"]').trigger('submit')
    await flushPromises()

    await until(() => expect(wrapper.get('[data-testid="operator-control"]').text()).toContain('Admin (admin)'))
    expect(callsOf(real, 'signIn')).toEqual([{ badge: 'OP-9000' }, { badge: 'OP-9000', pin: '9000' }])
  })

  it('opens on the PIN when the admin badge is scanned on a hardware scanner, which signs nobody in', async () => {
    const real = installRealStation()
    const { wrapper } = await mountApp('/')
    real.deviceScan('OP-9000')
    await flushPromises()

    expect((await real.call('info', {})).operator).toBeNull()
    expect(wrapper.get<HTMLDialogElement>('[data-testid="sign-in-dialog"]').element.open).toBe(true)
    expect(wrapper.get('[data-testid="pin-form"]').text()).toContain('PIN for Admin')
    await wrapper.get('[data-testid="pin-input"]').setValue('9000')
    await wrapper.get('[data-testid="pin-form"]').trigger('submit')
    await until(() => expect(wrapper.get('[data-testid="operator-control"]').text()).toContain('Admin (admin)'))
    expect((await real.call('info', {})).operator?.role).toBe('admin')
  })
})

describe('the first start of a station without the demo', () => {
  it('asks for the admin PIN before anything else, then the admin signs in with it', async () => {
    const real = installRealStation({ station: { demo: false } })
    const { wrapper } = await mountApp('/')
    expect(wrapper.find('[data-testid="admin-pin-setup"]').exists()).toBe(true)
    expect(wrapper.findComponent(HomeView).exists()).toBe(false)

    await wrapper.get('[data-testid="admin-pin"]').setValue('2468')
    await wrapper.get('[data-testid="admin-pin-again"]').setValue('2469')
    await wrapper.get('[data-testid="admin-pin-setup"] form').trigger('submit')
    await flushPromises()
    expect(wrapper.get('[data-testid="admin-pin-error"]').text()).toContain('differ')
    expect(callsOf(real, 'setPin')).toEqual([])

    await wrapper.get('[data-testid="admin-pin-again"]').setValue('2468')
    await wrapper.get('[data-testid="admin-pin-setup"] form').trigger('submit')
    await until(() => expect(wrapper.find('[data-testid="admin-pin-setup"]').exists()).toBe(false))
    expect((await real.call('info', {})).adminPinSet).toBe(true)
    expect((await real.call('signIn', { badge: 'OP-9000', pin: '2468' })).role).toBe('admin')
  })
})

describe('history settings that lose records', () => {
  it('asks before switching the history off, and saves only once confirmed', async () => {
    const real = installRealStation()
    await real.call('signIn', { badge: 'OP-9000', pin: '9000' })
    const { wrapper } = await mountApp('/settings')
    await wrapper.get<HTMLInputElement>('[data-testid="setting-history-store"] input').setValue(false)
    await wrapper.get('[data-testid="settings-form"]').trigger('submit')
    await flushPromises()

    expect(wrapper.get('[data-testid="settings-confirm"]').text()).toContain('stops recording scans')
    expect((await real.call('getSettings', {}))['history.store']).toBe(true)
    await wrapper.get('[data-testid="settings-confirm-yes"]').trigger('click')
    await flushPromises()
    expect(callsOf(real, 'setSettings').at(-1)).toEqual({ 'history.store': false, confirm: true })
    expect((await real.call('getSettings', {}))['history.store']).toBe(false)
    expect(wrapper.get('[data-testid="settings-saved"]').text()).toContain('Settings saved')
  })
})
