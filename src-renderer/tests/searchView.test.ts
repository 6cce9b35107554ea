import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { mountApp, unmountAll } from './mountApp'
import { callsOf, installRealStation } from './support/realStation'

afterEach(unmountAll)

describe('search', () => {
  it('goes from the top bar search box to a list of linked hits', async () => {
    const real = installRealStation()
    const { wrapper, router } = await mountApp('/')

    const box = wrapper.get('[data-testid="search-input"]')
    expect(box.attributes('type')).toBe('search')
    await box.setValue('  RC0805FR-0710KL ')
    await box.trigger('keydown', { key: 'Enter' })
    await flushPromises()

    expect(router.currentRoute.value.fullPath).toBe('/search?q=RC0805FR-0710KL')
    expect(callsOf(real, 'search')).toEqual([{ query: 'RC0805FR-0710KL', limit: 50 }])
    const rows = wrapper.get('[data-testid="search-results"]').findAll('[data-testid="search-hit"]')
    const shown = rows.map((r) => [r.get('a').text(), r.get('a').attributes('href')])
    // The manufacturer part and the two supplier parts of the 10 kΩ resistor, each under the key that matched.
    expect(shown).toEqual([
      ['Yageo RC0805FR-0710KL', '/manufacturerpart/1'],
      ['TME RC0805FR-0710KL', '/supplierpart/2'],
      ['DigiKey 311-RC0805FR-0710KLCT-ND', '/supplierpart/1'],
    ])
    expect(rows[2]!.text()).toContain('Resistor 10kΩ 0805')
  })

  it('says when nothing matches', async () => {
    installRealStation()
    const { wrapper } = await mountApp('/search?q=nothing-is-called-this')

    await vi.waitFor(() => expect(wrapper.text()).toContain('Nothing matches'))
    expect(wrapper.find('[data-testid="search-results"]').exists()).toBe(false)
  })
})
