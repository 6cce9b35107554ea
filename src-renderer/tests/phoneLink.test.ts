import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { PhoneLinkConfig } from '../../src-main/core/phone/phone-registry'
import type { PhoneLinkControl } from '../../src-main/core/station-options'
import { mountApp, unmountAll } from './mountApp'
import { installRealStation } from './support/realStation'

afterEach(unmountAll)

const FINGERPRINT = Array.from({ length: 32 }, (_, i) => (i * 7).toString(16).padStart(2, '0').toUpperCase()).join(':')

/**
 * The host's server stands in here (the real one listens on the network: phone-link.test.ts and the e2e spec);
 * it records what the Station asked of it.
 */
function hostLink(): PhoneLinkControl & { applied: PhoneLinkConfig[]; dropped: number[] } {
  let listening: PhoneLinkConfig | null = null
  const applied: PhoneLinkConfig[] = []
  const dropped: number[] = []
  return {
    applied,
    dropped,
    apply(config) {
      applied.push(config)
      listening = config.enabled ? config : null
      return Promise.resolve()
    },
    status: () => ({
      listening: listening ? { origin: `https://${listening.address}:5824`, fingerprint: FINGERPRINT } : null,
      problem: null,
    }),
    addresses: () => ['127.0.0.1', '192.168.1.20'],
    disconnect: (id) => void dropped.push(id),
  }
}

describe('phone link panel', () => {
  it('lets the admin turn the link on at the chosen address, shows the pairing QR code, and revokes a phone', async () => {
    const link = hostLink()
    const real = installRealStation({ station: { phoneLink: { current: () => link } } })
    await real.call('signIn', { badge: 'OP-9000', pin: '9000' })
    const { wrapper } = await mountApp('/settings')
    await flushPromises()
    const panel = wrapper.get('[data-testid="phone-link"]')
    expect(panel.findAll('[data-testid="phone-link-address"] option').map((o) => o.text())).toEqual([
      '127.0.0.1',
      '192.168.1.20',
    ])
    await panel.get('[data-testid="phone-link-address"]').setValue('192.168.1.20')
    await panel.get('[data-testid="phone-link-enable"]').trigger('click')
    await flushPromises()
    expect(link.applied).toEqual([{ enabled: true, address: '192.168.1.20', port: 5824 }])
    expect(panel.get('[data-testid="phone-link-fingerprint"]').text()).toBe(FINGERPRINT)
    const url = new URL(panel.get('[data-testid="phone-link-pairing"]').attributes('data-url')!)
    expect(url.origin).toBe('https://192.168.1.20:5824')
    expect(url.searchParams.get('fp')).toBe(FINGERPRINT.replaceAll(':', ''))

    // A phone pairs with the code shown; turning the link off keeps it listed, and the desk revokes it there.
    real.station.pairPhone(url.searchParams.get('pair'), 'Pallet phone')
    await panel.get('[data-testid="phone-link-disable"]').trigger('click')
    await flushPromises()
    const row = panel.get('[data-testid="phone-row"]')
    expect(row.text()).toContain('Pallet phone')
    await row.get('[data-testid="phone-revoke"]').trigger('click')
    await flushPromises()
    expect(panel.get('[data-testid="phone-row"]').attributes('data-revoked')).toBe('true')
    expect(link.dropped).toHaveLength(1)
    expect(link.applied.at(-1)).toMatchObject({ enabled: false })
  })

  it('shows an operator the link and its phones but neither the pairing code nor the switch', async () => {
    const link = hostLink()
    const real = installRealStation({ station: { phoneLink: { current: () => link } } })
    // The admin turned it on and signed out: it listens, with a pairing code an operator must not see.
    await real.call('signIn', { badge: 'OP-9000', pin: '9000' })
    const on = await real.call('setPhoneLink', { enabled: true, address: '127.0.0.1', port: 5824 })
    expect(on.pairingUrl).not.toBeNull()
    await real.call('signOut', {})
    await real.call('signIn', { badge: 'OP-1002' })
    const { wrapper } = await mountApp('/settings')
    await flushPromises()
    const panel = wrapper.get('[data-testid="phone-link"]')
    expect(panel.get('[data-testid="phone-link-origin"]').text()).toBe('https://127.0.0.1:5824')
    expect(panel.find('[data-testid="phone-link-pairing"]').exists()).toBe(false)
    expect(panel.text()).toContain('Sign in as an admin to show the pairing QR code')
    expect(panel.get('fieldset').attributes('disabled')).toBeDefined()
  })
})
