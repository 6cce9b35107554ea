// @vitest-environment-options {"settings":{"fetch":{"disableSameOriginPolicy":true}}}
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import type { OutboxItem } from '../../src-main/contract'
import { mountApp, unmountAll } from './mountApp'
import { callsOf, type RealStation } from './support/realStation'
import { replicaWithParkedRows, schemaAbsent, SKIP_REASON } from './support/inventreeReplica'

afterEach(unmountAll)
if (schemaAbsent) console.warn(SKIP_REASON)

const until = (check: () => void) => vi.waitFor(check, { timeout: 10_000, interval: 20 })

const rows = (wrapper: VueWrapper) => wrapper.findAll('[data-testid="outbox-waiting"] [data-testid="outbox-row"]')
const states = (wrapper: VueWrapper) => rows(wrapper).map((r) => r.attributes('data-state'))
const rowOf = (wrapper: VueWrapper, id: number) =>
  wrapper.get(`[data-testid="outbox-waiting"] [data-testid="outbox-row"][data-id="${id}"]`)

/** The Sync screen over a replica whose server refused two desk actions; a third waits behind them. */
async function openSync(
  options: { signedOut?: boolean } = {},
): Promise<{ real: RealStation; wrapper: VueWrapper; parked: OutboxItem[] }> {
  const { real } = await replicaWithParkedRows()
  if (options.signedOut) await real.call('signOut', {})
  const parked = await real.call('inventreeOutbox', { states: ['parked'] })
  const { wrapper } = await mountApp('/sync')
  await until(() => expect(rows(wrapper)).toHaveLength(3))
  return { real, wrapper, parked }
}

describe.skipIf(schemaAbsent)('the Sync screen', () => {
  it("lists the queued row first, then the parked ones with the server's reason", async () => {
    const { wrapper, parked } = await openSync()

    expect(wrapper.get('h1').text()).toBe('Sync queue')
    expect(states(wrapper)).toEqual(['queued', 'parked', 'parked'])
    const [count, move] = parked as [OutboxItem, OutboxItem]
    const first = rowOf(wrapper, count.id)
    expect(first.text()).toContain('Count')
    expect(first.get('[data-testid="outbox-summary"]').text()).toBe(count.summary)
    expect(first.get('[data-testid="outbox-reason"]').text()).toBe(count.reason)
    expect(count.reason).toBeTruthy()
    expect(rowOf(wrapper, move.id).text()).toContain('Move')
    expect(rowOf(wrapper, move.id).get('[data-testid="outbox-reason"]').text()).toBe(move.reason)
    expect(move.reason).toContain('structural')
    // Only a parked row can be resolved.
    expect(rows(wrapper)[0]!.find('[data-testid="outbox-retry"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="sync-status"] .waiting').text()).toBe('1 queued · 2 parked')
  })

  it('Retry puts a parked row back in the queue, in its place', async () => {
    const { real, wrapper, parked } = await openSync()
    const count = parked[0]!

    await rowOf(wrapper, count.id).get('[data-testid="outbox-retry"]').trigger('click')

    await until(() => expect(rowOf(wrapper, count.id).attributes('data-state')).toBe('queued'))
    expect(callsOf(real, 'inventreeResolve')).toEqual([{ id: count.id, action: 'retry' }])
    expect(states(wrapper)).toEqual(['queued', 'queued', 'parked'])
    expect(wrapper.get('[data-testid="sync-status"] .waiting').text()).toBe('2 queued · 1 parked')
  })

  it("Discard asks first, saying the server's state stands and what goes here, then settles the row", async () => {
    const { real, wrapper, parked } = await openSync()
    const move = parked[1]!
    const dialog = wrapper.get<HTMLDialogElement>('[data-testid="outbox-discard-dialog"]')

    await rowOf(wrapper, move.id).get('[data-testid="outbox-discard"]').trigger('click')
    await flushPromises()
    expect(dialog.element.open).toBe(true)
    expect(dialog.text()).toContain(move.summary)
    expect(dialog.get('[data-testid="outbox-discard-server"]').text()).toContain("the server's state stands")
    expect(dialog.get('[data-testid="outbox-discard-effect"]').text()).toContain('read again from the server')

    // Keeping it changes nothing.
    await dialog.get('button.secondary').trigger('click')
    await flushPromises()
    expect(dialog.element.open).toBe(false)
    expect(callsOf(real, 'inventreeResolve')).toEqual([])

    await rowOf(wrapper, move.id).get('[data-testid="outbox-discard"]').trigger('click')
    await flushPromises()
    await dialog.get('[data-testid="outbox-discard-confirm"]').trigger('click')

    await until(() => expect(rows(wrapper)).toHaveLength(2))
    expect(callsOf(real, 'inventreeResolve')).toEqual([{ id: move.id, action: 'discard' }])
    expect(dialog.element.open).toBe(false)
    const settled = wrapper.get('[data-testid="outbox-settled-section"]')
    expect(settled.get('summary').text()).toBe('Recently settled (1)')
    expect(settled.get('[data-testid="outbox-row"]').attributes('data-state')).toBe('discarded')
    expect(settled.text()).toContain(move.summary)
  })

  it('Edit sends a parked count again with a new quantity, and a move to a location from the tree or a scan', async () => {
    const { real, wrapper, parked } = await openSync()
    const [count, move] = parked as [OutboxItem, OutboxItem]

    await rowOf(wrapper, count.id).get('[data-testid="outbox-edit"]').trigger('click')
    const form = wrapper.get('[data-testid="outbox-edit-form"]')
    expect(form.find('[data-testid="outbox-edit-location"]').exists()).toBe(false)
    const quantity = form.get<HTMLInputElement>('[data-testid="outbox-edit-quantity"]')
    expect(quantity.element.value).toBe('240')
    await quantity.setValue('250')
    await form.trigger('submit')
    await until(() => expect(rowOf(wrapper, count.id).attributes('data-state')).toBe('queued'))
    expect(callsOf(real, 'inventreeResolve')).toEqual([{ id: count.id, action: 'edit', quantity: 250 }])
    expect(wrapper.find('[data-testid="outbox-edit-form"]').exists()).toBe(false)

    await rowOf(wrapper, move.id).get('[data-testid="outbox-edit"]').trigger('click')
    const select = wrapper.get<HTMLSelectElement>('[data-testid="outbox-edit-location"]')
    await until(() => expect(select.findAll('option').length).toBeGreaterThan(1))
    const options = select.findAll<HTMLOptionElement>('option')
    // Goods-in, where the desk moved the item, became structural on the server: it holds no stock now.
    expect(options.map((o) => o.text())).toEqual([
      'Warehouse (structural)',
      'Warehouse / Goods-in (structural)',
      'Warehouse / Shelf A',
    ])
    expect(options.map((o) => o.element.disabled)).toEqual([true, true, false])
    expect(select.element.value).toBe('2')
    // A scanned location label picks the location while the form is open.
    real.deviceScan('INV-SL3')
    await flushPromises()
    expect(wrapper.get('[data-testid="outbox-edit-scan"]').text()).toBe('Scanned Shelf A.')
    await wrapper.get('[data-testid="outbox-edit-form"]').trigger('submit')
    await until(() => expect(rowOf(wrapper, move.id).attributes('data-state')).toBe('queued'))
    expect(callsOf(real, 'inventreeResolve')[1]).toEqual({ id: move.id, action: 'edit', location: 3 })

    // Sent again, the move to Shelf A lands; the count of an item the server no longer has is refused again.
    await real.call('inventreeSync', {})
    await until(() => expect(wrapper.find('[data-testid="outbox-settled"]').exists()).toBe(true))
    const settled = wrapper.get('[data-testid="outbox-settled"] [data-testid="outbox-row"]')
    expect([settled.attributes('data-id'), settled.attributes('data-state')]).toEqual([String(move.id), 'done'])
    expect(states(wrapper)).toEqual(['parked', 'parked'])
  })

  it('lets anyone retry, and tells that only an admin may edit or discard', async () => {
    const { wrapper, parked } = await openSync({ signedOut: true })

    const row = rowOf(wrapper, parked[0]!.id)
    expect(row.find('[data-testid="outbox-retry"]').exists()).toBe(true)
    expect(row.find('[data-testid="outbox-edit"]').exists()).toBe(false)
    expect(row.find('[data-testid="outbox-discard"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="outbox-admin-note"]').text()).toContain('only an admin may change or discard')
  })

  it('follows a sync run elsewhere (the background worker, another window) as it happens', async () => {
    const { real, wrapper } = await openSync()
    const reads = callsOf(real, 'inventreeOutbox').length

    // The queued count is pushed, and refused like the others: the screen hears it from main's announcements.
    await real.call('inventreeSync', {})

    await until(() => expect(states(wrapper)).toEqual(['parked', 'parked', 'parked']))
    expect(callsOf(real, 'inventreeOutbox').length).toBeGreaterThan(reads)
    expect(wrapper.get('[data-testid="sync-status"] .waiting').text()).toBe('3 parked')
  })
})
