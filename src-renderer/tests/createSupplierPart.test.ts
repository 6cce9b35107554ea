import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { createRouter, createMemoryHistory } from 'vue-router'
import type { ScanResult } from '../../src-main/contract'
import CreateSupplierPart from '../src/components/CreateSupplierPart.vue'
import { installFakeStation, ok } from './fakeStation'

const label: ScanResult = {
  outcome: 'no_match',
  match: null,
  error: 'No match found for barcode data',
  plugin: null,
  barcode_data: '[)>…',
  barcode_hash: 'x',
  scan_id: 9,
  result_id: 9,
  format: 'ECIA ISO/IEC 15434',
  recognised_by: 'MouserBarcode',
  fields: { supplier_part_number: '511-NEW', manufacturer_part_number: 'NEW-1', manufacturer: 'ST', quantity: 5 },
}

let wrapper: ReturnType<typeof mount> | null = null
afterEach(() => wrapper?.unmount())

describe('CreateSupplierPart', () => {
  it('creates the supplier part from the label fields, for the supplier whose plugin read it', async () => {
    const fake = installFakeStation({
      suppliers: () =>
        ok([
          { pk: 1, name: 'DigiKey', url: '/company/1' },
          { pk: 2, name: 'Mouser', url: '/company/2' },
        ]),
      createSupplierPart: () =>
        ok({
          supplierpart: { pk: 70, name: 'Mouser 511-NEW', url: '/supplierpart/70' },
          part: { pk: 61, name: 'NEW-1', url: '/part/61' },
          manufacturerpart: null,
        }),
    })
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [{ path: '/:p(.*)*', component: { template: '<div/>' } }],
    })
    wrapper = mount(CreateSupplierPart, { props: { result: label }, global: { plugins: [router] } })
    await wrapper.get('[data-testid="create-supplier-part-button"]').trigger('click')
    await flushPromises()
    expect((wrapper.get('[data-testid="csp-supplier"]').element as HTMLSelectElement).value).toBe('2')
    expect((wrapper.get('[data-testid="csp-sku"]').element as HTMLInputElement).value).toBe('511-NEW')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(fake.calls).toContainEqual({
      method: 'createSupplierPart',
      input: { supplier: 2, sku: '511-NEW', newPartName: 'NEW-1', mpn: 'NEW-1', manufacturer: 'ST' },
    })
    expect(wrapper.get('[data-testid="create-supplier-part-done"]').text()).toContain('Mouser 511-NEW')
  })
})
