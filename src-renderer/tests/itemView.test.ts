import { afterEach, describe, expect, it, vi } from 'vitest'
import { mountApp, unmountAll } from './mountApp'
import { callsOf, installRealStation } from './support/realStation'

afterEach(unmountAll)

describe('ItemView', () => {
  it('renders title, fields with links, sections and a QR code of the internal barcode', async () => {
    const real = installRealStation()
    const { wrapper } = await mountApp('/stockitem/1')

    expect(callsOf(real, 'getItem')).toEqual([{ model: 'stockitem', pk: 1 }])
    expect(wrapper.get('h1[data-testid="item-title"]').text()).toBe('Resistor 10kΩ 0805')
    expect(wrapper.text()).toContain('1273 pcs at Main Site / Stores / Shelf A / Bin A1')

    const fields = wrapper.get('[data-testid="item-fields"]')
    const rows = fields.findAll('tr').map((row) => [row.get('th').text(), row.get('td').text()])
    expect(rows).toEqual([
      ['Part', 'Resistor 10kΩ 0805'],
      ['Location', 'Bin A1'],
      ['Quantity', '1273 pcs'],
      ['Batch', '2528F46'],
      ['Serial', '—'],
      ['Expiry', '—'],
      ['Status', 'ok'],
      ['Supplier part', '311-RC0805FR-0710KLCT-ND'],
      ['Purchase order', '—'],
    ])
    expect(fields.findAll('a').map((a) => [a.text(), a.attributes('href')])).toEqual([
      ['Resistor 10kΩ 0805', '/part/1'],
      ['Bin A1', '/stocklocation/13'],
      ['311-RC0805FR-0710KLCT-ND', '/supplierpart/1'],
    ])

    const section = wrapper.get('[data-testid="item-section"]')
    expect(section.text()).toContain('Tracking')
    expect(section.text()).toContain('created')

    const barcode = wrapper.get('[data-testid="item-barcode"]')
    expect(barcode.text()).toContain('{"stockitem": 1}')
    await vi.waitFor(() => expect(barcode.find('svg').exists()).toBe(true))
    expect(barcode.find('svg path').exists()).toBe(true)
  })

  it('links each line of a purchase order to its supplier part', async () => {
    installRealStation()
    const { wrapper } = await mountApp('/purchaseorder/1')

    expect(wrapper.get('[data-testid="item-title"]').text()).toBe('PO-0001')
    const links = wrapper.get('[data-testid="item-section"]').findAll('a')
    expect(links.map((a) => a.attributes('href'))).toEqual([
      '/supplierpart/1',
      '/supplierpart/19',
      '/supplierpart/45',
      '/supplierpart/64',
      '/supplierpart/86',
    ])
  })

  it('says clearly when the item does not exist', async () => {
    installRealStation()
    const { wrapper } = await mountApp('/stockitem/9999')

    const message = wrapper.get('[data-testid="item-not-found"]')
    expect(message.text()).toContain('Not found')
    expect(message.text()).toContain('stock item #9999')
    expect(wrapper.find('[data-testid="item-title"]').exists()).toBe(false)
  })

  it('loads the new item when a link leads to another item', async () => {
    const real = installRealStation()
    const { wrapper, router } = await mountApp('/stockitem/1')

    await wrapper.get('[data-testid="item-fields"] a').trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/part/1'))
    // The part has the same name as its stock item; its kind line tells them apart.
    await vi.waitFor(() => expect(wrapper.get('.kind').text()).toBe('Part #1'))
    expect(callsOf(real, 'getItem')).toEqual([
      { model: 'stockitem', pk: 1 },
      { model: 'part', pk: 1 },
    ])
  })
})
