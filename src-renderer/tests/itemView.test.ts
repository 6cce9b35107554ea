import { afterEach, describe, expect, it, vi } from 'vitest'
import { demoItem, installFakeStation, ok } from './fakeStation'
import { mountApp, unmountAll } from './mountApp'

afterEach(unmountAll)

describe('ItemView', () => {
  it('renders title, fields with links, sections and a QR code of the internal barcode', async () => {
    const fake = installFakeStation({ getItem: () => ok(demoItem) })
    const { wrapper } = await mountApp('/stockitem/5')

    expect(fake.calls).toContainEqual({ method: 'getItem', input: { model: 'stockitem', pk: 5 } })
    expect(wrapper.get('h1[data-testid="item-title"]').text()).toBe('M3 screw ×200')
    expect(wrapper.text()).toContain('Bin A-3')

    const fields = wrapper.get('[data-testid="item-fields"]')
    const rows = fields.findAll('tr').map((row) => [row.get('th').text(), row.get('td').text()])
    expect(rows).toEqual([
      ['Part', 'M3x8 screw'],
      ['Quantity', '200'],
      ['Batch', '—'],
    ])
    expect(fields.get('a').attributes('href')).toBe('/part/7')
    expect(fields.get('a').text()).toBe('M3x8 screw')

    const section = wrapper.get('[data-testid="item-section"]')
    expect(section.text()).toContain('Tracking')
    const sectionLinks = section.findAll('a')
    expect(sectionLinks).toHaveLength(1)
    expect(sectionLinks[0]!.attributes('href')).toBe('/purchaseorder/3')

    const barcode = wrapper.get('[data-testid="item-barcode"]')
    expect(barcode.text()).toContain('INV-SI5')
    await vi.waitFor(() => expect(barcode.find('svg').exists()).toBe(true))
    expect(barcode.find('svg path').exists()).toBe(true)
  })

  it('says clearly when the item does not exist', async () => {
    installFakeStation({ getItem: () => ({ ok: false, error: { code: 'not_found', message: 'No stockitem 99' } }) })
    const { wrapper } = await mountApp('/stockitem/99')

    const message = wrapper.get('[data-testid="item-not-found"]')
    expect(message.text()).toContain('Not found')
    expect(message.text()).toContain('stock item #99')
    expect(wrapper.find('[data-testid="item-title"]').exists()).toBe(false)
  })

  it('loads the new item when a link leads to another item', async () => {
    const fake = installFakeStation({
      getItem: ({ model, pk }) => ok({ ...demoItem, model, pk, title: `${model} ${pk}` }),
    })
    const { wrapper, router } = await mountApp('/stockitem/5')

    await wrapper.get('[data-testid="item-fields"] a').trigger('click')
    await vi.waitFor(() => expect(wrapper.get('[data-testid="item-title"]').text()).toBe('part 7'))
    expect(router.currentRoute.value.fullPath).toBe('/part/7')
    expect(fake.calls.filter((c) => c.method === 'getItem')).toHaveLength(2)
  })
})
