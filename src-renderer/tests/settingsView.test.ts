import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { settingDefaults } from '../../src-main/core/settings'
import { mountApp, unmountAll } from './mountApp'
import { callsOf, installRealStation, type RealStation } from './support/realStation'

afterEach(unmountAll)

const ADMIN_BADGE = 'OP-9000'
const SAM_BADGE = 'OP-1002'

/** A Station with this operator already signed in when the app starts. */
async function signedIn(badge: string, options?: Parameters<typeof installRealStation>[0]): Promise<RealStation> {
  const real = installRealStation(options)
  // The PIN counts only for the admin; an operator signs in by badge alone.
  await real.call('signIn', { badge, pin: '9000' })
  return real
}

const storedSettings = async (real: RealStation) => real.call('getSettings', {})

/** A user plugin as an admin drops it into the plugins folder, and one that fails to load. */
const userPlugins = {
  'my-plugin.mjs': "export default { name: 'MyPlugin', description: 'Our asset tags', scan() { return null } }",
  'broken.mjs': 'export default {',
}

async function save(wrapper: VueWrapper): Promise<void> {
  await wrapper.get('[data-testid="settings-form"]').trigger('submit')
  await flushPromises()
}

describe('settings page', () => {
  it('shows every setting with a label and help text', async () => {
    await signedIn(ADMIN_BADGE)
    const { wrapper } = await mountApp('/settings')

    const text = wrapper.get('[data-testid="settings-form"]').text()
    for (const label of [
      'Enable barcodes',
      'Input delay (ms)',
      'Webcam support',
      'Show barcode text',
      'Barcode generation plugin',
      'Short-form prefix',
      'Default barcode form',
      'Store scan results',
      'Maximum results',
    ]) {
      expect(text).toContain(label)
    }
    expect(text).toContain('0 keeps all')
    const delay = wrapper.get<HTMLInputElement>('#input-delay')
    expect(delay.element.value).toBe(String(settingDefaults['barcode.inputDelay']))
    // The help text is tied to its input for screen readers.
    expect(wrapper.get(`#${delay.attributes('aria-describedby')}`).text()).toContain('5 to 500 ms')
  })

  it('saves a changed input delay, sending only what changed', async () => {
    const real = await signedIn(ADMIN_BADGE)
    const { wrapper } = await mountApp('/settings')

    await wrapper.get('#input-delay').setValue('80')
    await save(wrapper)

    expect(callsOf(real, 'setSettings')).toEqual([{ 'barcode.inputDelay': 80 }])
    expect((await storedSettings(real))['barcode.inputDelay']).toBe(80)
    expect(wrapper.get('[data-testid="settings-saved"]').text()).toContain('Settings saved')
  })

  it("picks the desk's receiving location from the places that hold stock", async () => {
    const real = await signedIn(ADMIN_BADGE)
    const { wrapper } = await mountApp('/settings')
    await flushPromises()
    const select = wrapper.get<HTMLSelectElement>('#desk-location')
    const options = [...select.element.options].map((o) => o.text)
    const bench = options.findIndex((t) => t.endsWith('Receiving Bench'))
    expect(bench).toBeGreaterThan(0)
    await select.setValue(select.element.options[bench]!.value)
    await save(wrapper)
    const saved = (await storedSettings(real))['desk.location']
    expect(saved).toBeGreaterThan(0)
    expect((await real.call('getItem', { model: 'stocklocation', pk: saved })).title).toBe('Receiving Bench')
  })

  it('names the desk: the new name is saved and the next scan carries it', async () => {
    const real = await signedIn(ADMIN_BADGE)
    const { wrapper } = await mountApp('/settings')
    await wrapper.get('#desk-name').setValue('Dock 3')
    await save(wrapper)
    expect(callsOf(real, 'setSettings').at(-1)).toEqual({ 'desk.name': 'Dock 3' })
    expect((await storedSettings(real))['desk.name']).toBe('Dock 3')
    await real.call('scan', { data: 'INV-SL1', source: 'manual' })
    expect((await real.call('history', { limit: 1 }))[0]!.desk).toBe('Dock 3')

    await wrapper.get('#desk-name').setValue('   ')
    await save(wrapper)
    expect(wrapper.text()).toContain('Name the desk (1 to 60 characters).')
    expect((await storedSettings(real))['desk.name']).toBe('Dock 3')
  })

  it('the admin exit asks an admin badge and PIN: a wrong PIN is refused, the right one granted', async () => {
    const real = await signedIn(SAM_BADGE)
    const granted: unknown[] = []
    real.station.on((event, payload) => {
      if (event === 'deskExitGranted') granted.push(payload)
    })
    const { wrapper } = await mountApp('/settings')
    await wrapper.get('[data-testid="desk-exit-button"]').trigger('click')
    await wrapper.get('[data-testid="desk-exit-badge"]').setValue('OP-9000')
    await wrapper.get('[data-testid="desk-exit-pin"]').setValue('1111')
    await wrapper.get('[data-testid="desk-exit-dialog"] form').trigger('submit')
    await flushPromises()
    // The PIN's hash is checked off the main thread: wait for the answer rather than for promises.
    await vi.waitFor(() => expect(wrapper.get('[data-testid="desk-exit-error"]').text()).toMatch(/PIN/))
    expect(granted).toEqual([])

    await wrapper.get('[data-testid="desk-exit-pin"]').setValue('9000')
    await wrapper.get('[data-testid="desk-exit-dialog"] form').trigger('submit')
    await flushPromises()
    await vi.waitFor(() => expect(wrapper.get('[data-testid="desk-exit-granted"]').text()).toBe('Exiting…'))
    expect(wrapper.find('[data-testid="desk-exit-error"]').exists()).toBe(false)
    expect(granted).toHaveLength(1)
  })

  it('exports diagnostics as a zip download, for the admin only', async () => {
    const created: Blob[] = []
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      created.push(blob as Blob)
      return 'blob:fake'
    })
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {})
    const clicks: string[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download)
    })
    await signedIn(ADMIN_BADGE)
    const { wrapper } = await mountApp('/settings')
    await wrapper.get('[data-testid="diagnostics-export"]').trigger('click')
    await flushPromises()
    expect(clicks).toEqual([expect.stringMatching(/^scan-station-diagnostics-.*\.zip$/)])
    const bytes = new Uint8Array(await created[0]!.arrayBuffer())
    // A zip file starts with its local file header's signature, PK\x03\x04.
    expect([...bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04])
    vi.restoreAllMocks()

    unmountAll()
    await signedIn(SAM_BADGE)
    const other = await mountApp('/settings')
    expect(other.wrapper.find('[data-testid="diagnostics-export"]').exists()).toBe(false)
  })

  it('explains an out-of-range input delay next to the field without sending it', async () => {
    const real = await signedIn(ADMIN_BADGE)
    const { wrapper } = await mountApp('/settings')

    await wrapper.get('#input-delay').setValue('2')
    await save(wrapper)

    expect(callsOf(real, 'setSettings')).toEqual([])
    const field = wrapper.get('[data-testid="setting-input-delay"]')
    expect(field.get('[data-testid="setting-error"]').text()).toContain('from 5 to 500')
    expect(field.get('input').attributes('aria-invalid')).toBe('true')
  })

  it("shows main's refusal of a value next to its field", async () => {
    const real = await signedIn(ADMIN_BADGE)
    // A main stricter than this renderer: it is sent a prefix the renderer's own check let through.
    real.override('setSettings', (_input, send) => send({ 'barcode.prefix': 'P N-' }))
    const { wrapper } = await mountApp('/settings')

    await wrapper.get('#barcode-prefix').setValue('PN-')
    await save(wrapper)

    expect(wrapper.get('[data-testid="setting-barcode-prefix"] [data-testid="setting-error"]').text()).toContain(
      'no spaces, braces or quotes',
    )
  })

  it('shows the forbidden message when main no longer sees an admin, then turns read-only', async () => {
    const real = await signedIn(ADMIN_BADGE)
    const { wrapper } = await mountApp('/settings')
    // Signed out behind the renderer's back (another window, the CLI).
    await real.call('signOut', {})

    await wrapper.get('#input-delay').setValue('80')
    await save(wrapper)

    expect(callsOf(real, 'setSettings')).toHaveLength(1)
    expect(wrapper.get('[data-testid="settings-error"]').text()).toContain('Only an admin may change settings')
    expect((await storedSettings(real))['barcode.inputDelay']).toBe(settingDefaults['barcode.inputDelay'])
    expect(wrapper.get('[data-testid="settings-admin-only"]').text()).toContain('Nobody is signed in')
    expect(wrapper.find('[data-testid="settings-save"]').exists()).toBe(false)
  })

  it('lets a non-admin read the settings but not change them', async () => {
    const real = await signedIn(SAM_BADGE)
    const { wrapper } = await mountApp('/settings')

    expect(wrapper.get('[data-testid="settings-admin-only"]').text()).toContain(
      'Sam Stores is signed in as an operator',
    )
    expect(wrapper.get<HTMLInputElement>('#input-delay').element.value).toBe(
      String(settingDefaults['barcode.inputDelay']),
    )
    const fieldsets = wrapper.get('[data-testid="settings-form"]').findAll('fieldset')
    expect(fieldsets.length).toBeGreaterThan(0)
    expect(fieldsets.every((f) => (f.element as HTMLFieldSetElement).disabled)).toBe(true)
    expect(wrapper.find('[data-testid="settings-save"]').exists()).toBe(false)
    expect(wrapper.findAll<HTMLInputElement>('[data-testid="plugin-toggle"]').every((t) => t.element.disabled)).toBe(
      true,
    )
    expect(callsOf(real, 'setSettings')).toEqual([])
  })
})

describe('plugin list', () => {
  it('lists the plugins in order, marks user plugins and shows load errors', async () => {
    await signedIn(ADMIN_BADGE, { userPlugins })
    const { wrapper } = await mountApp('/settings')

    const rows = wrapper.findAll('[data-testid="plugin-row"]')
    expect(rows.map((r) => r.get('[data-testid="plugin-name"]').text())).toEqual([
      'InvenTreeBarcode',
      'InvenTreeExternalBarcode',
      'DigiKeyBarcode',
      'MouserBarcode',
      'LCSCBarcode',
      'TMEBarcode',
      'GS1Barcode',
      'UpcEBarcode',
      'MyPlugin',
      'broken.mjs',
    ])
    expect(rows[0]!.find('[data-testid="plugin-user"]').exists()).toBe(false)
    expect(rows[8]!.get('[data-testid="plugin-user"]').text()).toBe('User plugin')
    expect(rows[9]!.get('[data-testid="plugin-load-error"]').text()).toBe('Could not load: Unexpected end of input')
    expect(rows[9]!.find('[data-testid="plugin-toggle"]').exists()).toBe(false)
  })

  it('switching a plugin off writes plugins.disabled, and switching it on again removes it', async () => {
    const real = await signedIn(ADMIN_BADGE, { userPlugins })
    const { wrapper } = await mountApp('/settings')

    const row = (name: string) => wrapper.findAll('[data-testid="plugin-row"]').find((r) => r.text().includes(name))!
    expect(row('GS1Barcode').text()).toContain('Enabled')
    await row('GS1Barcode').get('[data-testid="plugin-toggle"]').setValue(false)
    await flushPromises()
    expect(callsOf(real, 'setSettings').at(-1)).toEqual({ 'plugins.disabled': ['GS1Barcode'] })
    // Reloaded from main: now disabled, in the place it would take when switched on again.
    expect(row('GS1Barcode').text()).toContain('Disabled')
    expect(row('GS1Barcode').get<HTMLInputElement>('[data-testid="plugin-toggle"]').element.checked).toBe(false)
    expect(wrapper.findAll('[data-testid="plugin-name"]').map((n) => n.text())[6]).toBe('GS1Barcode')
    // And the chain no longer asks it.
    await real.call('scan', { data: '4006381333931', source: 'manual' })
    const [logged] = (await real.call('historyQuery', { filter: {}, limit: 1 })).rows
    expect(logged!.pluginsTried).toContain('MyPlugin')
    expect(logged!.pluginsTried).not.toContain('GS1Barcode')

    await row('MyPlugin').get('[data-testid="plugin-toggle"]').setValue(false)
    await flushPromises()
    expect(callsOf(real, 'setSettings').at(-1)).toEqual({ 'plugins.disabled': ['GS1Barcode', 'MyPlugin'] })

    await row('GS1Barcode').get('[data-testid="plugin-toggle"]').setValue(true)
    await flushPromises()
    expect(callsOf(real, 'setSettings').at(-1)).toEqual({ 'plugins.disabled': ['MyPlugin'] })
    expect(row('GS1Barcode').text()).toContain('Enabled')
    expect((await storedSettings(real))['plugins.disabled']).toEqual(['MyPlugin'])
  })

  it('moving a plugin up writes the new plugins.order', async () => {
    const real = await signedIn(ADMIN_BADGE)
    const { wrapper } = await mountApp('/settings')

    const rows = wrapper.findAll('[data-testid="plugin-row"]')
    expect(rows[0]!.get<HTMLButtonElement>('[data-testid="plugin-up"]').element.disabled).toBe(true)
    await rows[2]!.get('[data-testid="plugin-up"]').trigger('click')
    await flushPromises()

    const order = [
      'InvenTreeBarcode',
      'DigiKeyBarcode',
      'InvenTreeExternalBarcode',
      'MouserBarcode',
      'LCSCBarcode',
      'TMEBarcode',
      'GS1Barcode',
      'UpcEBarcode',
    ]
    expect(callsOf(real, 'setSettings')).toEqual([{ 'plugins.order': order }])
    expect(wrapper.findAll('[data-testid="plugin-name"]').map((n) => n.text())).toEqual(order)
  })

  it('shows a forbidden answer to a plugin change', async () => {
    const real = await signedIn(ADMIN_BADGE)
    const { wrapper } = await mountApp('/settings')
    await real.call('signOut', {})

    await wrapper.findAll('[data-testid="plugin-toggle"]')[0]!.setValue(false)
    await flushPromises()

    expect(wrapper.get('[data-testid="plugin-error"]').text()).toContain('Only an admin may change settings')
  })
})
