import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { createRouter, createMemoryHistory } from 'vue-router'
import CreateSupplierPart from '../src/components/CreateSupplierPart.vue'
import { callsOf, installRealStation } from './support/realStation'

/** An LCSC reel label for a part the demo catalogue does not have. */
const LCSC_LABEL = '{pbn:PICK2411190087,on:WM2411190087,pc:C9999999,pm:NEW-1,qty:5,mc:,cc:1,pdi:34421807}'

let wrapper: ReturnType<typeof mount> | null = null
afterEach(() => wrapper?.unmount())

describe('CreateSupplierPart', () => {
  it('creates the supplier part from the label fields, for the supplier whose plugin read it', async () => {
    const real = installRealStation()
    const label = await real.call('scan', { data: LCSC_LABEL, source: 'manual' })
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [{ path: '/:p(.*)*', component: { template: '<div/>' } }],
    })
    wrapper = mount(CreateSupplierPart, { props: { result: label }, global: { plugins: [router] } })
    await wrapper.get('[data-testid="create-supplier-part-button"]').trigger('click')
    await flushPromises()
    const lcsc = (await real.call('suppliers', {})).find((s) => s.name === 'LCSC')!
    expect((wrapper.get('[data-testid="csp-supplier"]').element as HTMLSelectElement).value).toBe(String(lcsc.pk))
    expect((wrapper.get('[data-testid="csp-sku"]').element as HTMLInputElement).value).toBe('C9999999')
    await wrapper.get('form').trigger('submit')
    await flushPromises()

    expect(callsOf(real, 'createSupplierPart')).toEqual([
      { supplier: lcsc.pk, sku: 'C9999999', newPartName: 'NEW-1', mpn: 'NEW-1' },
    ])
    expect(wrapper.get('[data-testid="create-supplier-part-done"]').text()).toContain('LCSC C9999999')
    // From now on the same label resolves to the new supplier part.
    expect(await real.call('scan', { data: LCSC_LABEL, source: 'manual' })).toMatchObject({
      plugin: 'LCSCBarcode',
      supplierpart: { name: 'LCSC C9999999' },
    })
  })
})
