import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import type { SyncState, SyncStatus } from '../../src-main/contract'
import { mountApp, unmountAll } from './mountApp'
import { installRealStation, type RealStation } from './support/realStation'
import { contrastRatio, hue, relativeLuminance } from './support/contrast'

afterEach(unmountAll)

/** A connected desk's status as main announces it; each test changes what it is about. */
function status(change: Partial<SyncStatus>): SyncStatus {
  return {
    connected: true,
    state: 'idle',
    url: 'https://inventree.example.com',
    server: 'InvenTree',
    serverVersion: '1.1.0',
    apiVersion: 534,
    user: 'desk',
    allowedActions: ['pull', 'receive'],
    connectedAt: new Date().toISOString(),
    lastPull: new Date().toISOString(),
    lastSync: new Date().toISOString(),
    lastError: null,
    queued: 0,
    parked: 0,
    progress: null,
    ...change,
  }
}

async function announce(real: RealStation, change: Partial<SyncStatus>): Promise<void> {
  real.emit('syncStatus', status(change))
  await flushPromises()
}

function badge(wrapper: VueWrapper, testid: string) {
  const el = wrapper.get<HTMLElement>(`[data-testid="${testid}"]`)
  return {
    text: el.text(),
    background: el.element.style.getPropertyValue('--badge-bg'),
    color: el.element.style.getPropertyValue('--badge-fg'),
    dot: el.element.style.getPropertyValue('--badge-dot'),
  }
}

const syncStatus = (wrapper: VueWrapper) => wrapper.get('[data-testid="sync-status"]')

describe('the footer sync status', () => {
  it('says "Local inventory" on the demo station, which is not connected and queues nothing', async () => {
    installRealStation()
    const { wrapper } = await mountApp('/')

    const footer = syncStatus(wrapper)
    expect(footer.attributes('role')).toBe('status')
    expect(footer.attributes('aria-label')).toBe('InvenTree sync')
    expect(footer.attributes('data-state')).toBe('local')
    expect(footer.text()).toBe('Local inventory')
    expect(footer.find('[data-testid="sync-queued"]').exists()).toBe(false)
    expect(footer.find('[data-testid="sync-parked"]').exists()).toBe(false)
  })

  it('says "Not connected" when a disconnected desk still holds actions for its server', async () => {
    const real = installRealStation()
    const { wrapper } = await mountApp('/')

    await announce(real, { connected: false, state: 'not_connected', lastSync: null, queued: 2, parked: 0 })

    expect(syncStatus(wrapper).attributes('data-state')).toBe('not_connected')
    expect(syncStatus(wrapper).text()).toContain('Not connected')
    expect(wrapper.get('[data-testid="sync-queued"]').text()).toBe('2 queued')
    // Not connected, it has no sync time to tell.
    expect(wrapper.find('[data-testid="sync-last"]').exists()).toBe(false)
  })

  it('reads at AA contrast in every state, each with its own word; parked in amber, linking to the Sync screen', async () => {
    const real = installRealStation()
    const { wrapper, router } = await mountApp('/')
    const local = badge(wrapper, 'sync-state')
    expect(local.text).toBe('Local inventory')
    expect(contrastRatio(local.color, local.background)).toBeGreaterThanOrEqual(4.5)

    const words: Record<SyncState, string> = {
      not_connected: 'Not connected',
      idle: 'Synced',
      syncing: 'Syncing…',
      offline: 'Offline',
      token_refused: 'Token refused',
    }
    const seen = new Set<string>()
    for (const state of Object.keys(words) as SyncState[]) {
      await announce(real, { state, connected: state !== 'not_connected', queued: 3, parked: 1 })
      expect(syncStatus(wrapper).attributes('data-state')).toBe(state)
      const b = badge(wrapper, 'sync-state')
      expect(b.text).toBe(words[state])
      expect(contrastRatio(b.color, b.background), state).toBeGreaterThanOrEqual(4.5)
      // The dot is a graphic: 3:1 against its badge.
      expect(contrastRatio(b.dot, b.background), `${state} dot`).toBeGreaterThanOrEqual(3)
      seen.add(`${b.background}|${b.text}`)
    }
    expect(seen.size).toBe(5)

    await announce(real, { state: 'idle', queued: 3, parked: 1 })
    expect(wrapper.get('[data-testid="sync-status"] .waiting').text()).toBe('3 queued · 1 parked')
    const parked = badge(wrapper, 'sync-parked')
    expect(hue(parked.background)).toBeGreaterThanOrEqual(30)
    expect(hue(parked.background)).toBeLessThanOrEqual(50)
    expect(relativeLuminance(parked.color)).toBeLessThan(0.05)
    expect(contrastRatio(parked.color, parked.background)).toBeGreaterThanOrEqual(4.5)

    await wrapper.get('[data-testid="sync-parked"]').trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/sync'))
  })

  it('tells how long ago the desk last synced, and why it is offline', async () => {
    const real = installRealStation()
    const { wrapper } = await mountApp('/')

    await announce(real, { lastSync: new Date(Date.now() - 125_000).toISOString() })
    expect(wrapper.get('[data-testid="sync-last"]').text()).toBe('synced 2 min ago')

    const why = 'Cannot reach the InvenTree server at https://inventree.example.com: connect ECONNREFUSED'
    await announce(real, { state: 'offline', lastError: why, lastSync: null })
    expect(wrapper.get('[data-testid="sync-state"]').attributes('title')).toBe(why)
    expect(wrapper.get('[data-testid="sync-last"]').text()).toBe('never synced')
  })
})
