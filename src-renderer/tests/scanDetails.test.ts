import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import type { ScanNoMatch, SearchHit } from '../../src-main/contract'
import { demoItem, fail, installFakeStation, ok, stockItemMatch } from './fakeStation'
import { mountApp, unmountAll } from './mountApp'

afterEach(unmountAll)

async function quickScan(wrapper: VueWrapper, data: string): Promise<void> {
  await wrapper.get('[data-testid="quick-scan-button"]').trigger('click')
  await flushPromises()
  const input = wrapper.get('[data-testid="quick-scan-input"]')
  await input.setValue(data)
  await input.trigger('keydown', { key: 'Enter' })
  await flushPromises()
}

const ambiguous = (data: string): ScanNoMatch => ({
  outcome: 'ambiguous',
  match: null,
  error: 'Barcode data matches more than one item',
  plugin: 'DigiKeyBarcode',
  barcode_data: data,
  barcode_hash: 'h',
  scan_id: 9,
  result_id: 9,
  format: 'ECIA ISO/IEC 15434',
  candidates: [
    { model: 'supplierpart', pk: 4, name: 'DigiKey 296-1234-ND', url: '/supplierpart/4' },
    { model: 'supplierpart', pk: 11, name: 'DigiKey 296-1234-1-ND', url: '/supplierpart/11' },
  ],
})

const supplierLabel: ScanNoMatch = {
  outcome: 'no_match',
  match: null,
  error: 'No match found for barcode data',
  plugin: null,
  barcode_data: '[)>06P296-9999-NDQ25K PO-0007',
  barcode_hash: 'h',
  scan_id: null,
  result_id: -1,
  format: 'ECIA ISO/IEC 15434',
  fields: { supplier_part_number: '296-9999-ND', quantity: 25, customer_order_number: 'PO-0007' },
  related: { purchaseorder: { pk: 7, name: 'PO-0007', url: '/purchaseorder/7' } },
  normalised: ['group separators restored between fields'],
  problem: 'Supplier part 296-9999-ND is not in the database',
}

describe('scan feedback details', () => {
  it('an ambiguous quick scan lists both candidates as links, and choosing one opens it', async () => {
    installFakeStation({ scan: ({ data }) => ok(ambiguous(data)), getItem: () => ok(demoItem) })
    const { wrapper, router } = await mountApp('/')

    await quickScan(wrapper, '[)>\x1e06\x1dP296-1234-ND')

    const feedback = wrapper.get('[data-testid="scan-feedback"]')
    expect(feedback.text()).toContain('Several items match')
    expect(feedback.text()).toContain('Barcode data matches more than one item')
    const links = feedback.get('[data-testid="scan-candidates"]').findAll('a')
    expect(links.map((a) => [a.text(), a.attributes('href')])).toEqual([
      ['DigiKey 296-1234-ND', '/supplierpart/4'],
      ['DigiKey 296-1234-1-ND', '/supplierpart/11'],
    ])
    // Data that matches items cannot be linked to yet another one.
    expect(feedback.find('[data-testid="link-to-item"]').exists()).toBe(false)

    await links[1]!.trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/supplierpart/11')
    expect(wrapper.get('dialog').element.open).toBe(false)
  })

  it('shows format, parsed fields, related items, repairs and the problem', async () => {
    installFakeStation({ scan: () => ok(supplierLabel) })
    const { wrapper } = await mountApp('/')

    await quickScan(wrapper, supplierLabel.barcode_data)

    const feedback = wrapper.get('[data-testid="scan-feedback"]')
    expect(feedback.get('[data-testid="scan-format"]').text()).toBe('Read as: ECIA ISO/IEC 15434')
    const rows = feedback.get('[data-testid="scan-fields"]').findAll('tbody tr')
    expect(rows.map((r) => [r.get('th').text(), r.get('td').text()])).toEqual([
      ['Supplier part number', '296-9999-ND'],
      ['Quantity', '25'],
      ['Customer order number', 'PO-0007'],
    ])
    const related = feedback.get('[data-testid="scan-related"]')
    expect(related.text()).toContain('Purchase order: PO-0007')
    expect(related.get('a').attributes('href')).toBe('/purchaseorder/7')
    expect(feedback.get('[data-testid="scan-normalised"]').text()).toContain(
      'Repaired: group separators restored between fields',
    )
    expect(feedback.get('[data-testid="scan-problem"]').text()).toContain(
      'Supplier part 296-9999-ND is not in the database',
    )
    expect(feedback.text()).toContain('Cannot use this barcode')
  })

  it('a device scan with several matches shows the chooser in the notice', async () => {
    const fake = installFakeStation()
    const { wrapper } = await mountApp('/')

    fake.emit('scanResult', ambiguous('P296-1234-ND'))
    await flushPromises()

    const notice = wrapper.get('[data-testid="scan-feedback"]')
    expect(notice.get('[data-testid="scan-candidates"]').findAll('a')).toHaveLength(2)
    expect(notice.text()).toContain('DigiKey 296-1234-1-ND')
  })
})

describe('link this barcode to an item', () => {
  const hits: SearchHit[] = [
    { model: 'supplierpart', pk: 12, title: 'Mouser 595-TLV70233', matched: 'SKU', detail: '' },
  ]

  it('after a no-match quick scan, searches, picks a hit and links the scanned data to it', async () => {
    const fake = installFakeStation({ search: ({ query }) => ok(query === 'TLV' ? hits : []) })
    const { wrapper } = await mountApp('/')

    await quickScan(wrapper, 'MOUSER-LABEL-1')
    await wrapper.get('[data-testid="link-to-item-button"]').trigger('click')
    const box = wrapper.get('[data-testid="link-search-input"]')
    await box.setValue('TLV')
    await box.trigger('submit')
    await flushPromises()

    const pick = wrapper.get('[data-testid="link-search-hit"]')
    expect(pick.text()).toContain('Mouser 595-TLV70233')
    await pick.trigger('click')
    await flushPromises()

    expect(fake.calls).toContainEqual({
      method: 'link',
      input: { model: 'supplierpart', pk: 12, data: 'MOUSER-LABEL-1' },
    })
    const done = wrapper.get('[data-testid="link-to-item-done"]')
    expect(done.text()).toContain('Linked to Mouser 595-TLV70233')
    expect(done.get('a').attributes('href')).toBe('/supplierpart/12')
  })

  it('shows why main refused the link', async () => {
    installFakeStation({
      search: () => ok(hits),
      link: () => fail('conflict', 'This barcode is already linked to part 3 (Resistor)'),
    })
    const { wrapper } = await mountApp('/')

    await quickScan(wrapper, 'TAKEN')
    await wrapper.get('[data-testid="link-to-item-button"]').trigger('click')
    await wrapper.get('[data-testid="link-search-input"]').setValue('x')
    await wrapper.get('[data-testid="link-search-input"]').trigger('submit')
    await flushPromises()
    await wrapper.get('[data-testid="link-search-hit"]').trigger('click')
    await flushPromises()

    expect(wrapper.get('[data-testid="link-to-item-error"]').text()).toContain(
      'This barcode is already linked to part 3 (Resistor)',
    )
    expect(wrapper.find('[data-testid="link-to-item-done"]').exists()).toBe(false)
  })
})

describe('details of a matched label', () => {
  it('opens the supplier part and keeps the label quantity and order on screen', async () => {
    installFakeStation({
      scan: ({ data }) =>
        ok({
          outcome: 'matched',
          match: { model: 'supplierpart', pk: 4, via: 'label' },
          supplierpart: { pk: 4, name: 'DigiKey 296-1234-ND', url: '/supplierpart/4' },
          success: 'Match found for barcode data',
          plugin: 'DigiKeyBarcode',
          barcode_data: data,
          barcode_hash: 'h',
          scan_id: 5,
          result_id: 5,
          format: 'ECIA ISO/IEC 15434',
          fields: { supplier_part_number: '296-1234-ND', quantity: 10, supplier_order_number: 'SO-88' },
          related: { purchaseorder: { pk: 2, name: 'PO-0002', url: '/purchaseorder/2' } },
        }),
      getItem: ({ model, pk }) => ok({ ...demoItem, model, pk, title: 'DigiKey 296-1234-ND' }),
    })
    const { wrapper, router } = await mountApp('/')

    await quickScan(wrapper, 'label')

    expect(router.currentRoute.value.fullPath).toBe('/supplierpart/4')
    const details = wrapper.get('[data-testid="scan-match-details"]')
    expect(details.text()).toContain('Scanned: DigiKey 296-1234-ND')
    expect(details.get('[data-testid="scan-fields"]').text()).toContain('Quantity10')
    expect(details.get('[data-testid="scan-related"] a').attributes('href')).toBe('/purchaseorder/2')
    expect(wrapper.find('[data-testid="scan-feedback"]').exists()).toBe(false)
  })

  it('shows nothing extra for a plain internal barcode', async () => {
    installFakeStation({
      scan: ({ data }) => ok(stockItemMatch(data, 5)),
      getItem: () => ok(demoItem),
    })
    const { wrapper } = await mountApp('/')
    await quickScan(wrapper, 'INV-SI5')
    expect(wrapper.get('[data-testid="item-title"]').text()).toBe('M3 screw ×200')
    expect(wrapper.find('[data-testid="scan-match-details"]').exists()).toBe(false)
  })
})
