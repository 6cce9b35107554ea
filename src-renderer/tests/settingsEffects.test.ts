import { afterEach, describe, expect, it, vi } from 'vitest'
import type { MethodInput } from '../../src-main/contract'
import { mountApp, unmountAll } from './mountApp'
import { installRealStation, type RealStation } from './support/realStation'

afterEach(unmountAll)

/** Changes settings as an admin would have done earlier, elsewhere, then signs out again. */
async function setAsAdmin(real: RealStation, values: MethodInput<'setSettings'>): Promise<void> {
  await real.call('signIn', { badge: 'OP-9000', pin: '9000' })
  await real.call('setSettings', values)
  await real.call('signOut', {})
}

describe("InvenTree's barcode panel settings take effect in the UI", () => {
  it('hides webcam scanning when webcam support is off, and offers it when on', async () => {
    const real = installRealStation()
    await setAsAdmin(real, { 'barcode.webcam': false })
    const { wrapper } = await mountApp('/camera')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="webcam-off"]').exists()).toBe(true))
    expect(wrapper.find('[data-testid="camera-link"]').exists()).toBe(false)
    unmountAll()

    await setAsAdmin(real, { 'barcode.webcam': true })
    const on = await mountApp('/')
    await vi.waitFor(() => expect(on.wrapper.find('[data-testid="camera-link"]').exists()).toBe(true))
  })

  it('prints the barcode text under the QR code only when "show barcode text" is on', async () => {
    const real = installRealStation()
    const first = await mountApp('/stockitem/1')
    await vi.waitFor(() => expect(first.wrapper.find('[data-testid="item-barcode"] figcaption').exists()).toBe(true))
    unmountAll()

    await setAsAdmin(real, { 'barcode.showText': false })
    const { wrapper } = await mountApp('/stockitem/1')
    const barcode = wrapper.get('[data-testid="item-barcode"]')
    await vi.waitFor(() => expect(barcode.find('svg').exists()).toBe(true))
    expect(barcode.find('figcaption').exists()).toBe(false)
  })
})
