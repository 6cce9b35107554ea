import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { demoAdmin, demoSam, demoSettings, installFakeStation } from './fakeStation'
import { mountApp, unmountAll } from './mountApp'

afterEach(unmountAll)

const setCalls = (fake: ReturnType<typeof installFakeStation>) => fake.calls.filter((c) => c.method === 'setSettings')

async function save(wrapper: VueWrapper): Promise<void> {
  await wrapper.get('[data-testid="settings-form"]').trigger('submit')
  await flushPromises()
}

describe('settings page', () => {
  it('shows every setting with a label and help text', async () => {
    installFakeStation({}, { operator: demoAdmin })
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
    expect(delay.element.value).toBe(String(demoSettings['barcode.inputDelay']))
    // The help text is tied to its input for screen readers.
    expect(wrapper.get(`#${delay.attributes('aria-describedby')}`).text()).toContain('5 to 500 ms')
  })

  it('saves a changed input delay, sending only what changed', async () => {
    const fake = installFakeStation({}, { operator: demoAdmin })
    const { wrapper } = await mountApp('/settings')

    await wrapper.get('#input-delay').setValue('80')
    await save(wrapper)

    expect(setCalls(fake)).toEqual([{ method: 'setSettings', input: { 'barcode.inputDelay': 80 } }])
    expect(fake.state.settings['barcode.inputDelay']).toBe(80)
    expect(wrapper.get('[data-testid="settings-saved"]').text()).toContain('Settings saved')
  })

  it('explains an out-of-range input delay next to the field without sending it', async () => {
    const fake = installFakeStation({}, { operator: demoAdmin })
    const { wrapper } = await mountApp('/settings')

    await wrapper.get('#input-delay').setValue('2')
    await save(wrapper)

    expect(setCalls(fake)).toEqual([])
    const field = wrapper.get('[data-testid="setting-input-delay"]')
    expect(field.get('[data-testid="setting-error"]').text()).toContain('from 5 to 500')
    expect(field.get('input').attributes('aria-invalid')).toBe('true')
  })

  it("shows main's refusal of a value next to its field", async () => {
    installFakeStation(
      {
        setSettings: () => ({
          ok: false,
          error: {
            code: 'invalid_argument',
            message: 'Invalid argument for setSettings: barcode.prefix: no spaces, braces or quotes',
          },
        }),
      },
      { operator: demoAdmin },
    )
    const { wrapper } = await mountApp('/settings')

    await wrapper.get('#barcode-prefix').setValue('PN-')
    await save(wrapper)

    expect(wrapper.get('[data-testid="setting-barcode-prefix"] [data-testid="setting-error"]').text()).toContain(
      'no spaces, braces or quotes',
    )
  })

  it('shows the forbidden message when main no longer sees an admin, then turns read-only', async () => {
    const fake = installFakeStation({}, { operator: demoAdmin })
    const { wrapper } = await mountApp('/settings')
    // Signed out behind the renderer's back (another window, the CLI).
    fake.state.operator = null

    await wrapper.get('#input-delay').setValue('80')
    await save(wrapper)

    expect(setCalls(fake)).toHaveLength(1)
    expect(wrapper.get('[data-testid="settings-error"]').text()).toContain('Only an admin may change settings')
    expect(fake.state.settings['barcode.inputDelay']).toBe(demoSettings['barcode.inputDelay'])
    expect(wrapper.get('[data-testid="settings-admin-only"]').text()).toContain('Nobody is signed in')
    expect(wrapper.find('[data-testid="settings-save"]').exists()).toBe(false)
  })

  it('lets a non-admin read the settings but not change them', async () => {
    const fake = installFakeStation({}, { operator: demoSam })
    const { wrapper } = await mountApp('/settings')

    expect(wrapper.get('[data-testid="settings-admin-only"]').text()).toContain(
      'Sam Stores is signed in as an operator',
    )
    expect(wrapper.get<HTMLInputElement>('#input-delay').element.value).toBe(String(demoSettings['barcode.inputDelay']))
    const fieldsets = wrapper.get('[data-testid="settings-form"]').findAll('fieldset')
    expect(fieldsets.length).toBeGreaterThan(0)
    expect(fieldsets.every((f) => (f.element as HTMLFieldSetElement).disabled)).toBe(true)
    expect(wrapper.find('[data-testid="settings-save"]').exists()).toBe(false)
    expect(wrapper.findAll<HTMLInputElement>('[data-testid="plugin-toggle"]').every((t) => t.element.disabled)).toBe(
      true,
    )
    expect(setCalls(fake)).toEqual([])
  })
})

describe('plugin list', () => {
  it('lists the plugins in order, marks user plugins and shows load errors', async () => {
    installFakeStation({}, { operator: demoAdmin })
    const { wrapper } = await mountApp('/settings')

    const rows = wrapper.findAll('[data-testid="plugin-row"]')
    expect(rows.map((r) => r.get('[data-testid="plugin-name"]').text())).toEqual([
      'InvenTreeBarcode',
      'InvenTreeExternalBarcode',
      'GS1Barcode',
      'MyPlugin',
      'broken.js',
    ])
    expect(rows[0]!.find('[data-testid="plugin-user"]').exists()).toBe(false)
    expect(rows[3]!.get('[data-testid="plugin-user"]').text()).toBe('User plugin')
    expect(rows[4]!.get('[data-testid="plugin-load-error"]').text()).toContain('SyntaxError: Unexpected token')
    expect(rows[4]!.find('[data-testid="plugin-toggle"]').exists()).toBe(false)
  })

  it('switching a plugin off writes plugins.disabled, and switching it on again removes it', async () => {
    const fake = installFakeStation({}, { operator: demoAdmin })
    const { wrapper } = await mountApp('/settings')

    const row = (name: string) => wrapper.findAll('[data-testid="plugin-row"]').find((r) => r.text().includes(name))!
    expect(row('GS1Barcode').text()).toContain('Enabled')
    await row('GS1Barcode').get('[data-testid="plugin-toggle"]').setValue(false)
    await flushPromises()
    expect(setCalls(fake).at(-1)).toEqual({ method: 'setSettings', input: { 'plugins.disabled': ['GS1Barcode'] } })
    // Reloaded from main: now disabled, and listed after the enabled plugins.
    expect(row('GS1Barcode').text()).toContain('Disabled')
    expect(row('GS1Barcode').get<HTMLInputElement>('[data-testid="plugin-toggle"]').element.checked).toBe(false)
    expect(wrapper.findAll('[data-testid="plugin-name"]').map((n) => n.text())[3]).toBe('GS1Barcode')

    await row('MyPlugin').get('[data-testid="plugin-toggle"]').setValue(false)
    await flushPromises()
    expect(setCalls(fake).at(-1)!.input).toEqual({ 'plugins.disabled': ['GS1Barcode', 'MyPlugin'] })

    await row('GS1Barcode').get('[data-testid="plugin-toggle"]').setValue(true)
    await flushPromises()
    expect(setCalls(fake).at(-1)!.input).toEqual({ 'plugins.disabled': ['MyPlugin'] })
    expect(row('GS1Barcode').text()).toContain('Enabled')
  })

  it('moving a plugin up writes the new plugins.order', async () => {
    const fake = installFakeStation({}, { operator: demoAdmin })
    const { wrapper } = await mountApp('/settings')

    const rows = wrapper.findAll('[data-testid="plugin-row"]')
    expect(rows[0]!.get<HTMLButtonElement>('[data-testid="plugin-up"]').element.disabled).toBe(true)
    await rows[2]!.get('[data-testid="plugin-up"]').trigger('click')
    await flushPromises()

    expect(setCalls(fake)).toEqual([
      {
        method: 'setSettings',
        input: { 'plugins.order': ['InvenTreeBarcode', 'GS1Barcode', 'InvenTreeExternalBarcode', 'MyPlugin'] },
      },
    ])
  })

  it('shows a forbidden answer to a plugin change', async () => {
    const fake = installFakeStation({}, { operator: demoAdmin })
    const { wrapper } = await mountApp('/settings')
    fake.state.operator = null

    await wrapper.findAll('[data-testid="plugin-toggle"]')[0]!.setValue(false)
    await flushPromises()

    expect(wrapper.get('[data-testid="plugin-error"]').text()).toContain('Only an admin may change settings')
  })
})
