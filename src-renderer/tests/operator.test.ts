import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { demoAdmin, demoAlex, installFakeStation } from './fakeStation'
import { mountApp, unmountAll } from './mountApp'

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
    const fake = installFakeStation()
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

    expect(fake.calls).toContainEqual({ method: 'signIn', input: { badge: 'OP-1001' } })
    expect(dialog.element.open).toBe(false)
    expect(wrapper.get('[data-testid="operator-name"]').text()).toBe('Alex Receiving')
    expect(wrapper.get('[data-testid="status-footer"]').text()).toContain('Operator: Alex Receiving')
    // An operator is not an admin: the settings link stays hidden.
    expect(wrapper.find('[data-testid="settings-link"]').exists()).toBe(false)
  })

  it('says why an unknown badge was refused and keeps the dialog open', async () => {
    installFakeStation()
    const { wrapper } = await mountApp('/')

    await signInWithBadge(wrapper, 'OP-4242')

    expect(wrapper.get('[data-testid="sign-in-error"]').text()).toContain('No operator has this badge')
    expect(wrapper.get<HTMLDialogElement>('[data-testid="sign-in-dialog"]').element.open).toBe(true)
    expect(wrapper.find('[data-testid="operator-name"]').exists()).toBe(false)
  })

  it('signs in by choosing a name, shows admin pages to an admin only, and signs out', async () => {
    const fake = installFakeStation()
    const { wrapper } = await mountApp('/')

    await openSignIn(wrapper)
    const choices = wrapper.findAll('[data-testid="operator-choice"]')
    expect(choices.map((c) => c.text())).toEqual(['Admin (admin)', 'Alex Receiving', 'Sam Stores'])
    await choices[0]!.trigger('click')
    await flushPromises()

    expect(fake.calls).toContainEqual({ method: 'signIn', input: { operatorId: demoAdmin.id } })
    expect(wrapper.get('[data-testid="operator-control"]').text()).toContain('Admin (admin)')
    expect(wrapper.get('[data-testid="settings-link"]').attributes('href')).toBe('/settings')

    await wrapper.get('[data-testid="sign-out-button"]').trigger('click')
    await flushPromises()
    expect(fake.calls.some((c) => c.method === 'signOut')).toBe(true)
    expect(wrapper.find('[data-testid="operator-name"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="settings-link"]').exists()).toBe(false)
  })

  it('shows the operator main already has signed in when the app starts', async () => {
    installFakeStation({}, { operator: demoAlex })
    const { wrapper } = await mountApp('/')
    expect(wrapper.get('[data-testid="operator-name"]').text()).toBe('Alex Receiving')
  })
})

describe('badge scans', () => {
  it('a badge scanned on a hardware scanner shows its operator as signed in', async () => {
    const fake = installFakeStation()
    const { wrapper } = await mountApp('/')

    fake.emit('scanResult', {
      outcome: 'operator',
      match: null,
      success: 'Signed in: Alex Receiving',
      plugin: 'OperatorBadge',
      operator: demoAlex,
      barcode_data: 'OP-1001',
      barcode_hash: 'h',
      scan_id: 4,
      result_id: 4,
    })
    await flushPromises()

    expect(wrapper.get('[data-testid="operator-name"]').text()).toBe('Alex Receiving')
    expect(wrapper.find('[data-testid="scan-feedback"]').exists()).toBe(false)
  })
})

describe('sign-in dialog and hardware scanners', () => {
  it('closes when a badge scanned on a hardware scanner signs someone in', async () => {
    const fake = installFakeStation()
    const { wrapper } = await mountApp('/')
    await openSignIn(wrapper)
    const dialog = wrapper.get<HTMLDialogElement>('[data-testid="sign-in-dialog"]')
    expect(dialog.element.open).toBe(true)

    fake.emit('scanResult', {
      outcome: 'operator',
      match: null,
      success: 'Signed in: Alex Receiving',
      plugin: 'OperatorBadge',
      operator: demoAlex,
      barcode_data: 'OP-1001',
      barcode_hash: 'h',
      scan_id: 4,
      result_id: 4,
    })
    await flushPromises()

    expect(dialog.element.open).toBe(false)
    expect(wrapper.get('[data-testid="operator-name"]').text()).toBe('Alex Receiving')
  })
})
