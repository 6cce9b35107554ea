import { afterEach, describe, expect, it, vi } from 'vitest'
import { demoItem, demoSettings, installFakeStation, ok } from './fakeStation'
import { mountApp, unmountAll } from './mountApp'

afterEach(unmountAll)

describe("InvenTree's barcode panel settings take effect in the UI", () => {
  it('hides webcam scanning when webcam support is off, and offers it when on', async () => {
    installFakeStation({ getSettings: () => ok({ ...demoSettings, 'barcode.webcam': false }) })
    const { wrapper } = await mountApp('/camera')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="webcam-off"]').exists()).toBe(true))
    expect(wrapper.find('[data-testid="camera-link"]').exists()).toBe(false)
    unmountAll()

    installFakeStation({ getSettings: () => ok({ ...demoSettings, 'barcode.webcam': true }) })
    const on = await mountApp('/')
    await vi.waitFor(() => expect(on.wrapper.find('[data-testid="camera-link"]').exists()).toBe(true))
  })

  it('prints the barcode text under the QR code only when "show barcode text" is on', async () => {
    installFakeStation({
      getItem: () => ok(demoItem),
      getSettings: () => ok({ ...demoSettings, 'barcode.showText': false }),
    })
    const { wrapper } = await mountApp('/stockitem/5')
    const barcode = wrapper.get('[data-testid="item-barcode"]')
    await vi.waitFor(() => expect(barcode.find('svg').exists()).toBe(true))
    expect(barcode.find('figcaption').exists()).toBe(false)
  })
})
