import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { MethodInput } from '../../src-main/contract'
import { mountApp, unmountAll } from './mountApp'
import { callsOf, installRealStation, type RealStation } from './support/realStation'

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

/** Another window (or web page) saves `changes` as an admin; main pushes settingsChanged to this one. */
async function savedElsewhere(real: RealStation, changes: MethodInput<'setSettings'>): Promise<void> {
  const signedIn = (await real.call('info', {})).operator
  if (signedIn?.role !== 'admin') await real.call('signIn', { badge: 'OP-9000', pin: '9000' })
  await real.call('setSettings', changes)
}

describe('settings changed in another window', () => {
  it('take effect in an open item page and its top bar without a reload', async () => {
    const real = installRealStation()
    const { wrapper } = await mountApp('/stockitem/5')
    const barcode = wrapper.get('[data-testid="item-barcode"]')
    await vi.waitFor(() => expect(barcode.find('figcaption').exists()).toBe(true))
    expect(wrapper.find('[data-testid="camera-link"]').exists()).toBe(true)

    await savedElsewhere(real, { 'barcode.showText': false, 'barcode.webcam': false })
    await flushPromises()

    expect(barcode.find('figcaption').exists()).toBe(false)
    expect(wrapper.find('[data-testid="camera-link"]').exists()).toBe(false)
  })

  it('show up in an open settings page, keeping what the user has typed', async () => {
    const real = installRealStation()
    await real.call('signIn', { badge: 'OP-9000', pin: '9000' })
    const { wrapper } = await mountApp('/settings')
    await wrapper.get('#barcode-prefix').setValue('MY-')

    await savedElsewhere(real, {
      'barcode.inputDelay': 120,
      'barcode.prefix': 'THEIRS-',
      'plugins.disabled': ['GS1Barcode'],
    })
    await flushPromises()

    expect(wrapper.get<HTMLInputElement>('#input-delay').element.value).toBe('120')
    expect(wrapper.get<HTMLInputElement>('#barcode-prefix').element.value).toBe('MY-')
    const gs1 = wrapper.findAll('[data-testid="plugin-row"]').find((r) => r.text().includes('GS1Barcode'))!
    expect(gs1.text()).toContain('Disabled')
    expect(callsOf(real, 'getSettings')).toHaveLength(1)
  })

  it('mute the scan sound at once, and a scan asks main nothing about it', async () => {
    const real = installRealStation()
    await mountApp('/')
    real.deviceScan('INV-SI5')
    await flushPromises()
    expect(notesPlayed).toBeGreaterThan(0)

    await savedElsewhere(real, { 'feedback.mute': true })
    await flushPromises()
    const before = notesPlayed
    const asked = real.calls.length
    real.deviceScan('INV-SI6')
    await flushPromises()

    expect(notesPlayed).toBe(before)
    expect(real.calls.slice(asked).map((c) => c.method)).not.toContain('getSettings')
  })
})
