import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { SearchHit } from '../../src-main/contract'
import { installFakeStation, ok } from './fakeStation'
import { mountApp, unmountAll } from './mountApp'

afterEach(unmountAll)

const hits: SearchHit[] = [
  { model: 'part', pk: 7, title: 'M3x8 screw', matched: 'IPN: SCR-M3-8', detail: 'Fasteners' },
  { model: 'supplierpart', pk: 12, title: 'DigiKey 1234-ND', matched: 'SKU: 1234-ND', detail: 'for M3x8 screw' },
]

describe('search', () => {
  it('goes from the top bar search box to a list of linked hits', async () => {
    const fake = installFakeStation({ search: ({ query }) => ok(query === 'screw' ? hits : []) })
    const { wrapper, router } = await mountApp('/')

    const box = wrapper.get('[data-testid="search-input"]')
    expect(box.attributes('type')).toBe('search')
    await box.setValue('  screw ')
    await box.trigger('keydown', { key: 'Enter' })
    await flushPromises()

    expect(router.currentRoute.value.fullPath).toBe('/search?q=screw')
    expect(fake.calls).toContainEqual({ method: 'search', input: { query: 'screw', limit: 50 } })
    const results = wrapper.get('[data-testid="search-results"]')
    const rows = results.findAll('[data-testid="search-hit"]')
    expect(rows).toHaveLength(2)
    expect(rows[0]!.get('a').attributes('href')).toBe('/part/7')
    expect(rows[0]!.get('a').text()).toBe('M3x8 screw')
    expect(rows[0]!.text()).toContain('IPN: SCR-M3-8')
    expect(rows[0]!.text()).toContain('Fasteners')
    expect(rows[1]!.get('a').attributes('href')).toBe('/supplierpart/12')
  })

  it('says when nothing matches', async () => {
    installFakeStation()
    const { wrapper } = await mountApp('/search?q=nothing')

    await vi.waitFor(() => expect(wrapper.text()).toContain('Nothing matches'))
    expect(wrapper.find('[data-testid="search-results"]').exists()).toBe(false)
  })
})
