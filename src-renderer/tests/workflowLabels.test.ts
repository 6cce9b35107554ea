import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { installFakeStation, ok } from './fakeStation'
import { header, stockRow, unknownRow, view } from './fakeSessions'
import { mountApp, unmountAll } from './mountApp'

afterEach(() => {
  unmountAll()
  vi.restoreAllMocks()
})

describe('batch labels on the workflow pages', () => {
  it('the scan page labels every stock-item row, or only the selected ones', async () => {
    const session = view([stockRow(1, 4), stockRow(2, 6), stockRow(3, 4, { flag: 'duplicate' }), unknownRow(4, 'NOPE')])
    const fake = installFakeStation({ sessionStart: () => ok(session), sessionCurrent: () => ok(session) })
    const { wrapper } = await mountApp('/scan')

    const labels = wrapper.get('[data-testid="session-labels"]')
    expect(labels.text()).toContain('Labels for all 2 stock items in this session')
    await labels.get('[data-testid="label-print"]').trigger('click')
    await flushPromises()
    expect(fake.calls).toContainEqual({
      method: 'printLabels',
      input: {
        items: [
          { model: 'stockitem', pk: 4 },
          { model: 'stockitem', pk: 6 },
        ],
        template: 'stockitem-62x29',
      },
    })
    expect(labels.get('[data-testid="label-error"]').text()).toContain('desktop app')

    await wrapper.findAll('[data-testid="row-select"]').at(-1)!.setValue(true)
    expect(labels.text()).toContain('Labels for the 1 selected stock item')
  })

  it('the receipt result offers labels for the created stock items', async () => {
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:fake')
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {})
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
    const receipt = view([], { kind: 'receive' })
    const fake = installFakeStation({
      sessionStart: () => ok(receipt),
      sessionCurrent: () => ok(receipt),
      sessionAdd: () => ok({ row: null, message: '', session: header({ kind: 'receive' }) }),
      sessionCommit: () =>
        ok({
          ...header({ kind: 'receive', status: 'committed' }),
          created: [
            { stockitem: 91, quantity: 10, location: 3 },
            { stockitem: 92, quantity: 5, location: 3 },
          ],
        }),
    })
    const { wrapper } = await mountApp('/receive')
    // An empty receipt cannot be committed from the button; commit through the store's path as a command would.
    const { useReceiveSessionStore } = await import('../src/workflows/stores/receiveSession')
    await useReceiveSessionStore().commit()
    await flushPromises()

    const created = wrapper.get('[data-testid="receipt-created"]')
    await created.get('[data-testid="label-pdf"]').trigger('click')
    await flushPromises()
    expect(fake.calls).toContainEqual({
      method: 'labelPdf',
      input: {
        items: [
          { model: 'stockitem', pk: 91 },
          { model: 'stockitem', pk: 92 },
        ],
        template: 'stockitem-62x29',
      },
    })
    expect(click).toHaveBeenCalledOnce()
    expect(created.get('[data-testid="label-message"]').text()).toContain('2 labels')
  })
})
