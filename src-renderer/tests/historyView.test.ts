import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { mountApp, unmountAll } from './mountApp'
import { callsOf, installRealStation, type RealStation } from './support/realStation'

afterEach(unmountAll)

const GS = '\u001D'
const RS = '\u001E'
const EOT = '\u0004'
/** The demo capacitor's DigiKey label: the internal plugins pass, DigiKey's matches. */
const CAPACITOR_LABEL = `[)>${RS}06${GS}P1276-CL21B104KBCNNNCCT-ND${GS}1PCL21B104KBCNNNC${GS}KPO-0001${GS}Q25${RS}${EOT}`

const scan = (real: RealStation, data: string, source: 'manual' | 'hid' | 'wedge' = 'manual') =>
  real.call('scan', { data, source })

describe('HistoryView', () => {
  it('asks for the first page of the whole history and shows data, result and item link', async () => {
    const real = installRealStation()
    await scan(real, 'INV-SI5')
    await scan(real, `P1${GS}Q2`, 'hid')
    const { wrapper } = await mountApp('/history')

    expect(callsOf(real, 'historyQuery')).toContainEqual({ filter: {}, offset: 0, limit: 200 })
    expect(wrapper.get('[data-testid="history-total"]').text()).toBe('2')
    const rows = wrapper.findAll('[data-testid="history-row"]')
    expect(rows).toHaveLength(2)
    expect(rows[0]!.text()).toContain('P1␝Q2')
    expect(rows[0]!.text()).toContain('Not found')
    expect(rows[0]!.find('a').exists()).toBe(false)
    expect(rows[1]!.text()).toContain('Match')
    expect(rows[1]!.text()).toMatch(/\d+\.\d ms/)
    expect(rows[1]!.get('a').attributes('href')).toBe('/stockitem/5')
  })

  it('shows the action and, on demand, every plugin asked with its answer', async () => {
    const real = installRealStation()
    await scan(real, CAPACITOR_LABEL, 'wedge')
    await real.call('link', { model: 'part', pk: 1, data: 'OUR-LABEL-1' })
    const { wrapper } = await mountApp('/history')

    const rows = wrapper.findAll('[data-testid="history-row"]')
    expect(rows[0]!.get('[data-testid="history-action"]').text()).toContain('Link')
    expect(rows[0]!.find('[data-testid="history-plugins-tried"]').exists()).toBe(false)
    expect(rows[1]!.get('[data-testid="history-action"]').text()).toBe('Scan')
    const tried = rows[1]!.get('[data-testid="history-plugins-tried"]')
    expect(tried.element.tagName).toBe('DETAILS')
    expect(tried.get('summary').text()).toBe('DigiKeyBarcode')
    expect(tried.findAll('li').map((li) => li.text())).toEqual([
      'InvenTreeBarcode: not recognised',
      'InvenTreeExternalBarcode: not recognised',
      'DigiKeyBarcode: matched',
    ])
  })
})

describe('history switched off', () => {
  it('warns that scans are not recorded when history is off', async () => {
    const real = installRealStation()
    await real.call('signIn', { badge: 'OP-9000', pin: '9000' })
    await real.call('setSettings', { 'history.store': false, confirm: true })
    const { wrapper } = await mountApp('/history')

    expect(wrapper.get('[data-testid="history-off-banner"]').text()).toContain(
      'Scan history is switched off — scans are not recorded',
    )
  })

  it('shows no warning when history is on', async () => {
    installRealStation()
    const { wrapper } = await mountApp('/history')

    expect(wrapper.get('[data-testid="history-empty"]').text()).toContain('No scans match')
    expect(wrapper.find('[data-testid="history-off-banner"]').exists()).toBe(false)
  })
})

describe('purge history', () => {
  it('is offered to admins only', async () => {
    const real = installRealStation()
    await real.call('signIn', { badge: 'OP-1001' })
    const { wrapper } = await mountApp('/history')
    expect(wrapper.find('[data-testid="history-empty"]').exists()).toBe(true)
    expect(wrapper.find('[data-testid="purge-history-button"]').exists()).toBe(false)
  })

  it('asks for confirmation, purges with {confirm: true} and reloads', async () => {
    const real = installRealStation()
    for (const data of ['INV-SI1', 'INV-SI2', 'NOPE']) await scan(real, data)
    await real.call('signIn', { badge: 'OP-9000', pin: '9000' })
    const { wrapper } = await mountApp('/history')
    expect(wrapper.get('[data-testid="history-total"]').text()).toBe('3')

    await wrapper.get('[data-testid="purge-history-button"]').trigger('click')
    const dialog = wrapper.get<HTMLDialogElement>('[data-testid="purge-history-dialog"]')
    expect(dialog.element.open).toBe(true)
    expect(dialog.text()).toContain('cannot be undone')
    expect(callsOf(real, 'purgeHistory')).toEqual([])

    const historyCalls = callsOf(real, 'historyQuery').length
    await dialog.get('[data-testid="purge-confirm"]').trigger('click')
    await flushPromises()

    expect(callsOf(real, 'purgeHistory')).toEqual([{ confirm: true }])
    expect(dialog.element.open).toBe(false)
    expect(wrapper.get('[data-testid="purge-done"]').text()).toContain('3 entries deleted')
    expect(callsOf(real, 'historyQuery').length).toBe(historyCalls + 1)
    expect(wrapper.find('[data-testid="history-empty"]').exists()).toBe(true)
  })

  it('purges nothing when main no longer sees an admin, and stops offering it', async () => {
    const real = installRealStation()
    await scan(real, 'INV-SI1')
    await real.call('signIn', { badge: 'OP-9000', pin: '9000' })
    const { wrapper } = await mountApp('/history')
    // Signed out behind the renderer's back (another window, the CLI).
    await real.call('signOut', {})

    await wrapper.get('[data-testid="purge-history-button"]').trigger('click')
    await wrapper.get('[data-testid="purge-confirm"]').trigger('click')
    await flushPromises()

    expect((await real.call('historyQuery', { filter: {} })).total).toBe(1)
    // The refusal made the renderer read who is signed in: nobody, so the admin-only offer is gone.
    expect(wrapper.get('[data-testid="status-footer"]').text()).toContain('none signed in')
    expect(wrapper.find('[data-testid="purge-history-button"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="history-total"]').text()).toBe('1')
  })
  it('shows a failed purge in the dialog and keeps it open', async () => {
    const real = installRealStation()
    await scan(real, 'INV-SI1')
    await real.call('signIn', { badge: 'OP-9000', pin: '9000' })
    real.fail('purgeHistory', 'internal', 'The station could not complete purgeHistory')
    const { wrapper } = await mountApp('/history')

    await wrapper.get('[data-testid="purge-history-button"]').trigger('click')
    await wrapper.get('[data-testid="purge-confirm"]').trigger('click')
    await flushPromises()

    expect(wrapper.get('[data-testid="purge-error"]').text()).toContain('The station could not complete purgeHistory')
    expect(wrapper.get<HTMLDialogElement>('[data-testid="purge-history-dialog"]').element.open).toBe(true)
  })
  it("shows each scan's time in the desk's own zone: just after midnight in Berlin is the next day", async () => {
    const zone = process.env.TZ
    process.env.TZ = 'Europe/Berlin'
    vi.useFakeTimers({ toFake: ['Date'] })
    try {
      vi.setSystemTime(new Date('2026-12-03T23:30:00.000Z'))
      const real = installRealStation()
      await scan(real, 'INV-SI5')
      const { wrapper } = await mountApp('/history')
      const row = wrapper.get('[data-testid="history-row"]')
      expect(row.get('.c-time').text()).toBe('2026-12-04 00:30:00')
    } finally {
      vi.useRealTimers()
      if (zone === undefined) delete process.env.TZ
      else process.env.TZ = zone
    }
  })
})
