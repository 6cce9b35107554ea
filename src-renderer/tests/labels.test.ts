import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { demoItem, installFakeStation, ok } from './fakeStation'
import { mountApp, unmountAll } from './mountApp'
import PrintLabelsButton from '../src/components/PrintLabelsButton.vue'

afterEach(() => {
  unmountAll()
  vi.restoreAllMocks()
})

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
    const fake = installFakeStation({ getItem: () => ok(demoItem) })
    const { wrapper } = await mountApp('/stockitem/5')

    expect(fake.calls).toContainEqual({ method: 'labelTemplates', input: { model: 'stockitem' } })
    expect(fake.calls).toContainEqual({
      method: 'labelPreview',
      input: { model: 'stockitem', pk: 5, template: 'stockitem-62x29' },
    })
    const panel = wrapper.get('[data-testid="label-panel"]')
    expect(panel.get<HTMLSelectElement>('[data-testid="label-template"]').element.value).toBe('stockitem-62x29')
    expect(panel.get('[data-testid="label-svg"]').find('svg').exists()).toBe(true)
    expect(panel.get('[data-testid="label-verified"]').text()).toContain('Reads back ✓')

    await panel.get('[data-testid="label-template"]').setValue('a4-3x8-70x37')
    await flushPromises()
    expect(fake.calls).toContainEqual({
      method: 'labelPreview',
      input: { model: 'stockitem', pk: 5, template: 'a4-3x8-70x37' },
    })
  })

  it('shows the refusal reason in words when the label does not read back', async () => {
    installFakeStation({
      getItem: () => ok(demoItem),
      labelPreview: ({ template }) =>
        ok({
          svg: '<svg xmlns="http://www.w3.org/2000/svg"></svg>',
          verified: false,
          reason: 'the decoder read nothing from the barcode',
          template: template ?? 'x',
        }),
    })
    const { wrapper } = await mountApp('/stockitem/5')

    const refused = wrapper.get('[data-testid="label-refused"]')
    expect(refused.text()).toContain('Refused')
    expect(refused.text()).toContain('the decoder read nothing from the barcode')
    expect(wrapper.find('[data-testid="label-verified"]').exists()).toBe(false)
  })

  it('has no label section for an item type without labels', async () => {
    installFakeStation({ getItem: () => ok({ ...demoItem, model: 'company', pk: 2 }) })
    const { wrapper } = await mountApp('/company/2')
    expect(wrapper.find('[data-testid="item-title"]').exists()).toBe(true)
    expect(wrapper.find('[data-testid="label-panel"]').exists()).toBe(false)
  })

  it('downloads the PDF the station made', async () => {
    const downloads = captureDownloads()
    const fake = installFakeStation({ getItem: () => ok(demoItem) })
    const { wrapper } = await mountApp('/stockitem/5')

    await wrapper.get('[data-testid="label-pdf"]').trigger('click')
    await flushPromises()

    expect(fake.calls).toContainEqual({
      method: 'labelPdf',
      input: { items: [{ model: 'stockitem', pk: 5 }], template: 'stockitem-62x29' },
    })
    expect(downloads.names).toEqual(['label-stockitem-5.pdf'])
    expect(downloads.blobs[0]!.type).toBe('application/pdf')
    expect(await downloads.blobs[0]!.text()).toMatch(/^%PDF/)
    expect(wrapper.get('[data-testid="label-message"]').text()).toContain('1 label')
  })
})

describe('PrintLabelsButton', () => {
  it('shows the conflict message when printing is refused', async () => {
    const fake = installFakeStation()
    const items = [
      { model: 'stockitem' as const, pk: 5 },
      { model: 'stockitem' as const, pk: 6 },
    ]
    const wrapper = mount(PrintLabelsButton, { props: { items }, attachTo: document.body })
    await flushPromises()

    const print = wrapper.get('[data-testid="label-print"]')
    expect(print.text()).toBe('Print 2 labels')
    await print.trigger('click')
    await flushPromises()

    expect(fake.calls).toContainEqual({ method: 'printLabels', input: { items, template: 'stockitem-62x29' } })
    expect(wrapper.get('[data-testid="label-error"]').text()).toContain(
      'Printing needs the desktop app; download the PDF and print it instead',
    )
    expect(wrapper.find('[data-testid="label-message"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('offers only templates that fit every item of a mixed batch', async () => {
    const fake = installFakeStation()
    const wrapper = mount(PrintLabelsButton, {
      props: {
        items: [
          { model: 'stockitem', pk: 5 },
          { model: 'part', pk: 7 },
        ],
      },
      attachTo: document.body,
    })
    await flushPromises()

    expect(fake.calls).toContainEqual({ method: 'labelTemplates', input: {} })
    const options = wrapper.findAll('[data-testid="label-template"] option').map((o) => o.attributes('value'))
    expect(options).toEqual(['a4-3x8-70x37'])
    wrapper.unmount()
  })

  it('says so when there is nothing to label', async () => {
    installFakeStation()
    const wrapper = mount(PrintLabelsButton, { props: { items: [] }, attachTo: document.body })
    await flushPromises()
    expect(wrapper.find('[data-testid="label-no-items"]').exists()).toBe(true)
    expect(wrapper.get<HTMLButtonElement>('[data-testid="label-print"]').element.disabled).toBe(true)
    wrapper.unmount()
  })
})
