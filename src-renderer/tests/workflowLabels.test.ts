import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { mountApp, unmountAll } from './mountApp'
import { callsOf, installRealStation } from './support/realStation'

// The Station loads its label code on first use; loading it once here keeps each test quick.
beforeAll(() => import('../../src-main/core/labels'), 30_000)

afterEach(() => {
  unmountAll()
  vi.restoreAllMocks()
})

const GS = '\u001D'
const RS = '\u001E'
const EOT = '\u0004'
const resistorLabel = (qty: number, lot: string) =>
  `[)>${RS}06${GS}P311-RC0805FR-0710KLCT-ND${GS}1PRC0805FR-0710KL${GS}KPO-0001${GS}1T${lot}${GS}Q${qty}${RS}${EOT}`
const until = (check: () => void) => vi.waitFor(check, { timeout: 10_000, interval: 20 })

describe('batch labels on the workflow pages', () => {
  it('the scan page labels every stock-item row, or only the selected ones', async () => {
    const real = installRealStation()
    const session = await real.call('sessionStart', { kind: 'scan' })
    for (const data of ['INV-SI4', 'INV-SI6', 'INV-SI4', 'NOPE'])
      await real.call('sessionAdd', { session: session.id, data, source: 'wedge' })
    const { wrapper } = await mountApp('/scan')

    const labels = wrapper.get('[data-testid="session-labels"]')
    expect(labels.text()).toContain('Labels for all 2 stock items in this session')
    await until(() =>
      expect(labels.get<HTMLSelectElement>('[data-testid="label-template"]').element.value).toBe('stockitem-62x29'),
    )
    await labels.get('[data-testid="label-print"]').trigger('click')
    await until(() => expect(labels.find('[data-testid="label-error"]').exists()).toBe(true))
    expect(callsOf(real, 'printLabels')).toEqual([
      {
        items: [
          { model: 'stockitem', pk: 4 },
          { model: 'stockitem', pk: 6 },
        ],
        template: 'stockitem-62x29',
        jobId: expect.any(String),
      },
    ])
    expect(labels.get('[data-testid="label-error"]').text()).toContain('desktop app')

    await wrapper.findAll('[data-testid="row-select"]').at(-1)!.setValue(true)
    expect(labels.text()).toContain('Labels for the 1 selected stock item')
  })

  it('the receipt result offers labels for the created stock items', async () => {
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:fake')
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {})
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
    const real = installRealStation()
    const session = await real.call('sessionStart', { kind: 'receive', purchaseOrder: 1 })
    for (const data of [resistorLabel(6, 'LOT-A'), resistorLabel(4, 'LOT-B')])
      await real.call('sessionAdd', { session: session.id, data, source: 'wedge' })
    const { wrapper } = await mountApp('/receive')

    await wrapper.get('[data-testid="receive-commit"]').trigger('click')
    await flushPromises()
    const [committed] = callsOf(real, 'sessionCommit')
    expect(committed).toEqual({ session: session.id })
    const made = wrapper
      .findAll('[data-testid="created-stockitem"]')
      .map((a) => Number(a.attributes('href')!.replace('/stockitem/', '')))
    expect(made).toHaveLength(2)

    const created = wrapper.get('[data-testid="receipt-created"]')
    await until(() => expect(created.find('[data-testid="label-template"] option').exists()).toBe(true))
    await created.get('[data-testid="label-pdf"]').trigger('click')
    await until(() => expect(click).toHaveBeenCalledOnce())
    expect(callsOf(real, 'labelPdf')).toEqual([
      { items: made.map((pk) => ({ model: 'stockitem', pk })), template: 'stockitem-62x29', jobId: expect.any(String) },
    ])
    expect(created.get('[data-testid="label-message"]').text()).toContain('2 labels')
  })
})
