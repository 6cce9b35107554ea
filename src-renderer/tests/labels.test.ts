import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { mountApp, unmountAll } from './mountApp'
import { callsOf, installRealStation } from './support/realStation'
import PrintLabelsButton from '../src/components/PrintLabelsButton.vue'

// The Station loads its label code (renderer, decoder) on first use; loading it once here keeps each test quick.
beforeAll(() => import('../../src-main/core/labels'), 30_000)

afterEach(() => {
  unmountAll()
  vi.restoreAllMocks()
})

/** Labels are drawn and read back by the real decoder: slower than a page of data. */
const until = (check: () => void) => vi.waitFor(check, { timeout: 10_000, interval: 20 })

function captureDownloads(): { names: string[]; blobs: Blob[] } {
  const names: string[] = []
  const blobs: Blob[] = []
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    blobs.push(blob as Blob)
    return 'blob:fake'
  })
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {})
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download)
  })
  return { names, blobs }
}

describe('item page label section', () => {
  it('previews the default template and says it reads back', async () => {
    const real = installRealStation()
    const { wrapper } = await mountApp('/stockitem/5')
    await until(() => expect(wrapper.find('[data-testid="label-verified"]').exists()).toBe(true))

    expect(callsOf(real, 'labelTemplates')).toEqual([{ model: 'stockitem', items: [{ model: 'stockitem', pk: 5 }] }])
    expect(callsOf(real, 'labelPreview')).toEqual([{ model: 'stockitem', pk: 5, template: 'stockitem-62x29' }])
    const panel = wrapper.get('[data-testid="label-panel"]')
    expect(panel.get<HTMLSelectElement>('[data-testid="label-template"]').element.value).toBe('stockitem-62x29')
    expect(panel.get('[data-testid="label-svg"]').find('svg').exists()).toBe(true)
    expect(panel.get('[data-testid="label-verified"]').text()).toContain('Reads back ✓')

    const offered = panel.findAll('[data-testid="label-template"] option').map((o) => o.attributes('value'))
    // The linked-barcode template is not offered: this item has no external barcode linked to it to print.
    expect(offered).toEqual(['a4-3x8-70x37', 'stockitem-50x25', 'stockitem-62x29'])

    const first = panel.get('[data-testid="label-svg"]').html()
    await panel.get('[data-testid="label-template"]').setValue('stockitem-50x25')
    await until(() => expect(panel.get('[data-testid="label-svg"]').html()).not.toBe(first))
    expect(callsOf(real, 'labelPreview').at(-1)).toEqual({ model: 'stockitem', pk: 5, template: 'stockitem-50x25' })
    await until(() => expect(panel.get('[data-testid="label-verified"]').text()).toContain('Reads back ✓'))
  })

  it('shows the refusal reason in words when the label does not read back', async () => {
    const real = installRealStation()
    // A label the decoder cannot read back is hard to make from real data; its verdict is replaced.
    real.override('labelPreview', async (_input, send) => {
      const reply = await send()
      return reply.ok
        ? { ok: true, value: { ...reply.value, verified: false, reason: 'the decoder read nothing from the barcode' } }
        : reply
    })
    const { wrapper } = await mountApp('/stockitem/5')

    await until(() => expect(wrapper.find('[data-testid="label-refused"]').exists()).toBe(true))
    const refused = wrapper.get('[data-testid="label-refused"]')
    expect(refused.text()).toContain('Refused')
    expect(refused.text()).toContain('the decoder read nothing from the barcode')
    expect(wrapper.find('[data-testid="label-verified"]').exists()).toBe(false)
  })

  it('has no label section for an item type without labels', async () => {
    installRealStation()
    const { wrapper } = await mountApp('/company/2')
    expect(wrapper.find('[data-testid="item-title"]').exists()).toBe(true)
    expect(wrapper.find('[data-testid="label-panel"]').exists()).toBe(false)
  })

  it('downloads the PDF the station made', async () => {
    const downloads = captureDownloads()
    const real = installRealStation()
    const { wrapper } = await mountApp('/stockitem/5')
    await until(() => expect(wrapper.find('[data-testid="label-verified"]').exists()).toBe(true))

    await wrapper.get('[data-testid="label-pdf"]').trigger('click')
    await until(() => expect(downloads.names).toHaveLength(1))

    expect(callsOf(real, 'labelPdf')).toEqual([
      { items: [{ model: 'stockitem', pk: 5 }], template: 'stockitem-62x29', jobId: expect.any(String) },
    ])
    expect(downloads.names).toEqual(['label-stockitem-5.pdf'])
    expect(downloads.blobs[0]!.type).toBe('application/pdf')
    expect(await downloads.blobs[0]!.text()).toMatch(/^%PDF/)
    expect(wrapper.get('[data-testid="label-message"]').text()).toContain('1 label')
  })
})

describe('PrintLabelsButton', () => {
  it('shows the conflict message when printing is refused', async () => {
    const real = installRealStation()
    const items = [
      { model: 'stockitem' as const, pk: 5 },
      { model: 'stockitem' as const, pk: 6 },
    ]
    const wrapper = mount(PrintLabelsButton, {
      props: { items },
      global: { plugins: [createPinia()] },
      attachTo: document.body,
    })
    await until(() =>
      expect(wrapper.get<HTMLSelectElement>('[data-testid="label-template"]').element.value).toBe('stockitem-62x29'),
    )

    const print = wrapper.get('[data-testid="label-print"]')
    expect(print.text()).toBe('Print 2 labels')
    await print.trigger('click')
    await until(() => expect(wrapper.find('[data-testid="label-error"]').exists()).toBe(true))

    expect(callsOf(real, 'printLabels')).toEqual([{ items, template: 'stockitem-62x29', jobId: expect.any(String) }])
    expect(wrapper.get('[data-testid="label-error"]').text()).toContain(
      'Printing needs the desktop app; download the PDF and print it instead',
    )
    expect(wrapper.find('[data-testid="label-message"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('offers only templates that fit every item of a mixed batch', async () => {
    const real = installRealStation()
    const items = [
      { model: 'stockitem' as const, pk: 5 },
      { model: 'part' as const, pk: 7 },
    ]
    const offered = async (): Promise<(string | undefined)[]> => {
      const wrapper = mount(PrintLabelsButton, {
        global: { plugins: [createPinia()] },
        props: { items },
        attachTo: document.body,
      })
      await until(() => expect(wrapper.get('[data-testid="label-template"]').attributes('disabled')).toBeUndefined())
      const options = wrapper.findAll('[data-testid="label-template"] option').map((o) => o.attributes('value'))
      wrapper.unmount()
      return options
    }
    // Neither has a linked external barcode: the template that prints one would only be refused.
    expect(await offered()).toEqual(['a4-3x8-70x37'])
    expect(callsOf(real, 'labelTemplates')).toEqual([{ items }])

    await real.call('link', { model: 'stockitem', pk: 5, data: 'CARTON-000417' })
    expect(await offered()).toEqual(['a4-3x8-70x37'])
    await real.call('link', { model: 'part', pk: 7, data: '4006381333931' })
    expect(await offered()).toEqual(['a4-3x8-70x37', 'supplierpart-linked-62x29'])
  })

  it('offers a location only the templates made for locations', async () => {
    installRealStation()
    const wrapper = mount(PrintLabelsButton, {
      global: { plugins: [createPinia()] },
      props: { items: [{ model: 'stocklocation', pk: 13 }] },
      attachTo: document.body,
    })
    await until(() => expect(wrapper.get('[data-testid="label-template"]').attributes('disabled')).toBeUndefined())
    const options = wrapper.findAll('[data-testid="label-template"] option').map((o) => o.attributes('value'))
    expect(options).toEqual(['a4-3x8-70x37', 'stocklocation-4x6', 'stocklocation-62x29'])
    wrapper.unmount()
  })

  it('says so when there is nothing to label', async () => {
    installRealStation()
    const wrapper = mount(PrintLabelsButton, {
      props: { items: [] },
      global: { plugins: [createPinia()] },
      attachTo: document.body,
    })
    await flushPromises()
    expect(wrapper.find('[data-testid="label-no-items"]').exists()).toBe(true)
    expect(wrapper.get<HTMLButtonElement>('[data-testid="label-print"]').element.disabled).toBe(true)
    wrapper.unmount()
  })
})
