import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { SettingsValues } from '../../src-main/contract'
import { demoAdmin, demoItem, installFakeStation, ok, stockItemMatch } from './fakeStation'
import { mountApp, unmountAll } from './mountApp'

/** Notes played, counted by the oscillators the tones ask for. */
let notesPlayed = 0
vi.stubGlobal(
  'AudioContext',
  class {
    state = 'running'
    currentTime = 0
    destination = {}
    createOscillator() {
      notesPlayed++
      return { type: '', frequency: { value: 0 }, connect: (next: unknown) => next, start() {}, stop() {} }
    }
    createGain() {
      const param = { setValueAtTime() {}, linearRampToValueAtTime() {} }
      return { gain: param, connect: (next: unknown) => next }
    }
  },
)

afterEach(unmountAll)

/** What main pushes after another window (or web page) saved `changes`. */
function savedElsewhere(fake: ReturnType<typeof installFakeStation>, changes: Partial<SettingsValues>): void {
  fake.state.settings = { ...fake.state.settings, ...changes }
  fake.emit('settingsChanged', fake.state.settings)
}

describe('settings changed in another window', () => {
  it('take effect in an open item page and its top bar without a reload', async () => {
    const fake = installFakeStation({ getItem: () => ok(demoItem) })
    const { wrapper } = await mountApp('/stockitem/5')
    const barcode = wrapper.get('[data-testid="item-barcode"]')
    await vi.waitFor(() => expect(barcode.find('figcaption').exists()).toBe(true))
    expect(wrapper.find('[data-testid="camera-link"]').exists()).toBe(true)

    savedElsewhere(fake, { 'barcode.showText': false, 'barcode.webcam': false })
    await flushPromises()

    expect(barcode.find('figcaption').exists()).toBe(false)
    expect(wrapper.find('[data-testid="camera-link"]').exists()).toBe(false)
  })

  it('show up in an open settings page, keeping what the user has typed', async () => {
    const fake = installFakeStation({}, { operator: demoAdmin })
    const { wrapper } = await mountApp('/settings')
    await wrapper.get('#barcode-prefix').setValue('MY-')

    savedElsewhere(fake, { 'barcode.inputDelay': 120, 'barcode.prefix': 'THEIRS-', 'plugins.disabled': ['GS1Barcode'] })
    await flushPromises()

    expect(wrapper.get<HTMLInputElement>('#input-delay').element.value).toBe('120')
    expect(wrapper.get<HTMLInputElement>('#barcode-prefix').element.value).toBe('MY-')
    const gs1 = wrapper.findAll('[data-testid="plugin-row"]').find((r) => r.text().includes('GS1Barcode'))!
    expect(gs1.text()).toContain('Disabled')
    expect(fake.calls.filter((c) => c.method === 'getSettings')).toHaveLength(1)
  })

  it('mute the scan sound at once, and a scan asks main nothing about it', async () => {
    const fake = installFakeStation()
    await mountApp('/')
    fake.emit('scanResult', stockItemMatch('INV-SI5', 5))
    await flushPromises()
    expect(notesPlayed).toBeGreaterThan(0)

    savedElsewhere(fake, { 'feedback.mute': true })
    const before = notesPlayed
    const asked = fake.calls.length
    fake.emit('scanResult', stockItemMatch('INV-SI6', 6))
    await flushPromises()

    expect(notesPlayed).toBe(before)
    expect(fake.calls.slice(asked).map((c) => c.method)).not.toContain('getSettings')
  })
})
