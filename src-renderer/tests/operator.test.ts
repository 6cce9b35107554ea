import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { mountApp, unmountAll } from './mountApp'
import { callsOf, installRealStation } from './support/realStation'

afterEach(unmountAll)

async function openSignIn(wrapper: VueWrapper): Promise<void> {
  await wrapper.get('[data-testid="sign-in-button"]').trigger('click')
  await flushPromises()
}

async function signInWithBadge(wrapper: VueWrapper, badge: string): Promise<void> {
  await openSignIn(wrapper)
  const input = wrapper.get('[data-testid="badge-input"]')
  await input.setValue(badge)
  await input.trigger('submit')
  await flushPromises()
}

describe('operator sign-in', () => {
  it('signs in by badge and shows who is signed in, in the top bar and the footer', async () => {
    const real = installRealStation()
    const { wrapper } = await mountApp('/')
    expect(wrapper.find('[data-testid="operator-name"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="status-footer"]').text()).toContain('none signed in')

    await openSignIn(wrapper)
    const dialog = wrapper.get<HTMLDialogElement>('[data-testid="sign-in-dialog"]')
    expect(dialog.element.open).toBe(true)
    expect(document.activeElement).toBe(wrapper.get('[data-testid="badge-input"]').element)

    const input = wrapper.get('[data-testid="badge-input"]')
    await input.setValue(' OP-1001 ')
    await input.trigger('submit')
    await flushPromises()

    expect(callsOf(real, 'signIn')).toEqual([{ badge: 'OP-1001' }])
    expect((await real.call('info', {})).operator?.name).toBe('Alex Receiving')
    expect(dialog.element.open).toBe(false)
    expect(wrapper.get('[data-testid="operator-name"]').text()).toBe('Alex Receiving')
    expect(wrapper.get('[data-testid="status-footer"]').text()).toContain('Operator: Alex Receiving')
    // An operator is not an admin: the settings link stays hidden.
    expect(wrapper.find('[data-testid="settings-link"]').exists()).toBe(false)
  })

  it('says why an unknown badge was refused and keeps the dialog open', async () => {
    installRealStation()
    const { wrapper } = await mountApp('/')

    await signInWithBadge(wrapper, 'OP-4242')

    expect(wrapper.get('[data-testid="sign-in-error"]').text()).toContain('No operator has this badge')
    expect(wrapper.get<HTMLDialogElement>('[data-testid="sign-in-dialog"]').element.open).toBe(true)
    expect(wrapper.find('[data-testid="operator-name"]').exists()).toBe(false)
  })

  it('signs in by choosing a name, shows admin pages to an admin only, and signs out', async () => {
    const real = installRealStation()
    const { wrapper } = await mountApp('/')

    await openSignIn(wrapper)
    const choices = wrapper.findAll('[data-testid="operator-choice"]')
    expect(choices.map((c) => c.text())).toEqual(['Admin (admin)', 'Alex Receiving', 'Sam Stores'])
    // The admin is not one click: choosing the name asks for the PIN, and a wrong one signs nobody in.
    await choices[0]!.trigger('click')
    await flushPromises()
    expect(callsOf(real, 'signIn')).toEqual([])
    const pin = wrapper.get('[data-testid="pin-input"]')
    expect(document.activeElement).toBe(pin.element)
    await pin.setValue('1234')
    await wrapper.get('[data-testid="pin-form"]').trigger('submit')
    // The PIN is checked on Node's thread pool, which flushPromises does not wait for.
    await vi.waitFor(() => expect(wrapper.get('[data-testid="sign-in-error"]').text()).toContain('Wrong PIN'))
    expect(wrapper.find('[data-testid="settings-link"]').exists()).toBe(false)
    await pin.setValue('9000')
    await wrapper.get('[data-testid="pin-form"]').trigger('submit')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="settings-link"]').exists()).toBe(true))

    expect(callsOf(real, 'signIn')).toEqual([
      { operatorId: 3, pin: '1234' },
      { operatorId: 3, pin: '9000' },
    ])
    expect(wrapper.get('[data-testid="operator-control"]').text()).toContain('Admin (admin)')
    expect(wrapper.get('[data-testid="settings-link"]').attributes('href')).toBe('/settings')

    await wrapper.get('[data-testid="sign-out-button"]').trigger('click')
    await flushPromises()
    expect((await real.call('info', {})).operator).toBeNull()
    expect(wrapper.find('[data-testid="operator-name"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="settings-link"]').exists()).toBe(false)
  })

  it('shows the operator main already has signed in when the app starts', async () => {
    const real = installRealStation()
    await real.call('signIn', { badge: 'OP-1001' })
    const { wrapper } = await mountApp('/')
    expect(wrapper.get('[data-testid="operator-name"]').text()).toBe('Alex Receiving')
  })
})

describe('badge scans', () => {
  it('a badge scanned on a hardware scanner shows its operator as signed in', async () => {
    const real = installRealStation()
    const { wrapper } = await mountApp('/')

    real.deviceScan('OP-1001')
    await flushPromises()

    expect(wrapper.get('[data-testid="operator-name"]').text()).toBe('Alex Receiving')
    expect(wrapper.find('[data-testid="scan-feedback"]').exists()).toBe(false)
  })
})

describe('sign-in dialog and hardware scanners', () => {
  it('closes when a badge scanned on a hardware scanner signs someone in', async () => {
    const real = installRealStation()
    const { wrapper } = await mountApp('/')
    await openSignIn(wrapper)
    const dialog = wrapper.get<HTMLDialogElement>('[data-testid="sign-in-dialog"]')
    expect(dialog.element.open).toBe(true)

    real.deviceScan('OP-1001')
    await flushPromises()

    expect(dialog.element.open).toBe(false)
    expect(wrapper.get('[data-testid="operator-name"]').text()).toBe('Alex Receiving')
  })
})
