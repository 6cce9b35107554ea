// @vitest-environment-options {"settings":{"fetch":{"disableSameOriginPolicy":true}}}
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import type { SyncStatus } from '../../src-main/contract'
import { useInventreeStore } from '../src/inventree/stores/inventree'
import { actionWord } from '../src/inventree/syncText'
import { mountApp, unmountAll } from './mountApp'
import { callsOf, installRealStation } from './support/realStation'
import {
  emptyStation,
  REPLICA_ADMIN_BADGE,
  REPLICA_ADMIN_PIN,
  schemaAbsent,
  SKIP_REASON,
  standin,
} from './support/inventreeReplica'

afterEach(unmountAll)
if (schemaAbsent) console.warn(SKIP_REASON)

/** Until the Station's answer arrived from the stand-in over http (a real round trip, not a promise tick). */
const until = (check: () => void) => vi.waitFor(check, { timeout: 10_000, interval: 20 })

async function fill(wrapper: VueWrapper, fields: Record<string, string>): Promise<void> {
  for (const [id, value] of Object.entries(fields)) await wrapper.get(`#${id}`).setValue(value)
}

async function connect(wrapper: VueWrapper): Promise<void> {
  await wrapper.get('[data-testid="inventree-connect-form"]').trigger('submit')
  await flushPromises()
}

async function usePassword(wrapper: VueWrapper): Promise<void> {
  await wrapper.get('[data-testid="login-password"]').setValue(true)
}

describe('the InvenTree settings screen', () => {
  it('is linked from the settings page', async () => {
    const real = installRealStation()
    await real.call('signIn', { badge: 'OP-9000', pin: '9000' })
    const { wrapper, router } = await mountApp('/settings')
    expect(wrapper.get('[data-testid="inventree-settings-link"]').text()).toBe('InvenTree server')
    await router.push('/settings/inventree')
    await flushPromises()
    expect(wrapper.get('h1').text()).toBe('InvenTree server')
  })

  it("refuses to connect without an admin, with the Station's message, and keeps no secret", async () => {
    const real = installRealStation()
    const { wrapper } = await mountApp('/settings/inventree')
    expect(wrapper.get('[data-testid="inventree-not-connected"]').text()).toContain('not connected')
    expect(wrapper.get('[data-testid="inventree-admin-only"]').text()).toContain('Nobody is signed in')

    await fill(wrapper, { 'inventree-url': 'https://inventree.example.com', 'inventree-token': 'inv-secret-token' })
    await connect(wrapper)

    expect(callsOf(real, 'inventreeConnect')).toEqual([
      { url: 'https://inventree.example.com', token: 'inv-secret-token' },
    ])
    expect(wrapper.get('[data-testid="inventree-connect-error"]').text()).toContain(
      'Only an admin may connect the station to an InvenTree server; sign in as an admin with the PIN first',
    )
    expect(wrapper.get<HTMLInputElement>('#inventree-token').element.value).toBe('')

    await usePassword(wrapper)
    await fill(wrapper, { 'inventree-user': 'desk', 'inventree-password': 'receive-all-day' })
    await connect(wrapper)
    expect(callsOf(real, 'inventreeConnect')[1]).toEqual({
      url: 'https://inventree.example.com',
      user: 'desk',
      password: 'receive-all-day',
    })
    expect(wrapper.get('[data-testid="inventree-connect-error"]').text()).toContain('Only an admin may connect')
    expect(wrapper.get<HTMLInputElement>('#inventree-password').element.value).toBe('')
    expect(wrapper.get<HTMLInputElement>('#inventree-user').element.value).toBe('desk')
  })

  it('asks for what is missing before calling the Station, and places a refused address at its field', async () => {
    const real = installRealStation()
    await real.call('signIn', { badge: 'OP-9000', pin: '9000' })
    const { wrapper } = await mountApp('/settings/inventree')

    await connect(wrapper)
    expect(callsOf(real, 'inventreeConnect')).toEqual([])
    expect(wrapper.get('[data-testid="setting-inventree-url"] [data-testid="setting-error"]').text()).toContain(
      'Enter the server address',
    )

    await fill(wrapper, { 'inventree-url': 'inventree.example.com', 'inventree-token': 'abc' })
    await connect(wrapper)
    const field = wrapper.get('[data-testid="setting-inventree-url"]')
    expect(field.get('[data-testid="setting-error"]').text()).toContain('starts with http:// or https://')
    expect(field.get('input').attributes('aria-invalid')).toBe('true')
  })

  it('draws the progress bar from the sync status main announces, pulling then pushing', async () => {
    const real = installRealStation()
    const { wrapper } = await mountApp('/settings/inventree')
    const connected = { ...(await real.call('inventreeStatus', {})), connected: true, url: 'https://inv.example' }
    const announce = async (s: Partial<SyncStatus>) => {
      real.emit('syncStatus', { ...connected, ...s })
      await flushPromises()
    }

    await announce({ state: 'syncing', progress: { phase: 'pull', label: 'stock items', done: 1500, total: 100_000 } })
    const bar = wrapper.get('[data-testid="sync-progress"]')
    expect(bar.get('[data-testid="sync-progress-text"]').text()).toBe('Pulling stock items 1,500 / 100,000')
    const progress = bar.get<HTMLProgressElement>('progress')
    expect([progress.element.value, progress.element.max]).toEqual([1500, 100_000])
    expect(progress.attributes('aria-valuetext')).toBe('Pulling stock items 1,500 / 100,000')
    expect(wrapper.get<HTMLButtonElement>('[data-testid="sync-now"]').element.disabled).toBe(true)
    expect(wrapper.get('[data-testid="sync-state"]').text()).toBe('Syncing…')

    await announce({ state: 'syncing', progress: { phase: 'push', label: 'desk actions', done: 3, total: 12 } })
    expect(wrapper.get('[data-testid="sync-progress-text"]').text()).toBe('Pushing desk actions 3 / 12')

    await announce({ state: 'idle', progress: null, lastSync: new Date().toISOString() })
    expect(wrapper.find('[data-testid="sync-progress"]').exists()).toBe(false)
    expect(wrapper.get<HTMLButtonElement>('[data-testid="sync-now"]').element.disabled).toBe(false)
  })

  it.skipIf(schemaAbsent)("says a wrong password is wrong, in the server connection's words", async () => {
    const server = await standin()
    const real = emptyStation()
    await real.call('signIn', { badge: REPLICA_ADMIN_BADGE, pin: REPLICA_ADMIN_PIN })
    const { wrapper } = await mountApp('/settings/inventree')

    await usePassword(wrapper)
    await fill(wrapper, { 'inventree-url': server.url, 'inventree-user': 'desk', 'inventree-password': 'guess' })
    await connect(wrapper)

    await until(() =>
      expect(wrapper.get('[data-testid="inventree-connect-error"]').text()).toMatch(/Wrong user or password/),
    )
    expect((await real.call('inventreeStatus', {})).connected).toBe(false)
  })

  it.skipIf(schemaAbsent)(
    'connects an admin with a user and password, shows the connection, syncs, and disconnects',
    async () => {
      const server = await standin()
      const real = emptyStation()
      await real.call('signIn', { badge: REPLICA_ADMIN_BADGE, pin: REPLICA_ADMIN_PIN })
      const { wrapper } = await mountApp('/settings/inventree')

      await usePassword(wrapper)
      await fill(wrapper, {
        'inventree-url': server.url,
        'inventree-user': 'desk',
        'inventree-password': 'receive-all-day',
      })
      await connect(wrapper)

      await until(() => expect(wrapper.find('[data-testid="inventree-connect-form"]').exists()).toBe(false))
      expect(wrapper.get('[data-testid="inventree-server"]').text()).toContain(server.url)
      expect(wrapper.get('[data-testid="inventree-version"]').text()).toBe('1.1.0 (API 534)')
      expect(wrapper.get('[data-testid="inventree-user"]').text()).toBe('desk')
      // What the user's InvenTree roles allow at the desk, each named as a person says it.
      const { allowedActions } = await real.call('inventreeStatus', {})
      expect(wrapper.get('[data-testid="inventree-actions"]').text()).toBe(allowedActions.map(actionWord).join(', '))
      expect(wrapper.get('[data-testid="inventree-actions"]').text()).toContain('move, count, add stock')
      expect(wrapper.get('[data-testid="inventree-last-pull"]').text()).toBe('never')
      expect(wrapper.get('[data-testid="sync-state"]').text()).toBe('Connected')
      // The password went to the Station and nowhere else.
      expect(JSON.stringify(useInventreeStore().$state)).not.toContain('receive-all-day')

      await wrapper.get('[data-testid="sync-now"]').trigger('click')
      await until(() => expect(wrapper.find('[data-testid="sync-summary"]').exists()).toBe(true))
      expect(callsOf(real, 'inventreeSync')).toEqual([{}])
      expect(wrapper.get('[data-testid="sync-summary"]').text()).toMatch(/0 pushed, \d+ pulled/)
      expect(wrapper.get('[data-testid="inventree-last-pull"]').text()).not.toBe('never')
      expect(wrapper.get('[data-testid="inventree-last-error"]').text()).toBe('none')
      expect(wrapper.get('[data-testid="sync-state"]').text()).toBe('Synced')
      expect(wrapper.get('[data-testid="sync-last"]').text()).toBe('synced just now')

      await wrapper.get('[data-testid="sync-full"]').trigger('click')
      await until(() => expect(wrapper.find('[data-testid="sync-summary"]').exists()).toBe(true))
      expect(callsOf(real, 'inventreeSync')[1]).toEqual({ full: true })

      await wrapper.get('[data-testid="inventree-disconnect"]').trigger('click')
      await flushPromises()
      expect(wrapper.find('[data-testid="inventree-connect-form"]').exists()).toBe(true)
      expect((await real.call('inventreeStatus', {})).connected).toBe(false)
    },
  )
})
