import { afterEach, describe, expect, it } from 'vitest'
import type { HistoryEntry } from '../../src-main/contract'
import { installFakeStation, ok } from './fakeStation'
import { mountApp, unmountAll } from './mountApp'

afterEach(unmountAll)

const entry = (id: number, over: Partial<HistoryEntry>): HistoryEntry => ({
  id,
  timestamp: '2026-01-02T10:00:00Z',
  action: 'scan',
  data: 'INV-SI5',
  dataHex: null,
  source: 'wedge',
  device: null,
  operator: null,
  plugin: 'InvenTreeInternalBarcode',
  result: 'match',
  model: 'stockitem',
  pk: 5,
  pluginsTried: 'InvenTreeBarcode:match',
  response: '{}',
  durationMs: 1.234,
  ...over,
})

describe('HistoryView', () => {
  it('asks for the newest 100 scans and shows data, result and item link', async () => {
    const fake = installFakeStation({
      history: () =>
        ok([
          entry(2, { data: 'P1\x1dQ2', result: 'no_match', plugin: null, model: null, pk: null, source: 'hid' }),
          entry(1, {}),
        ]),
    })
    const { wrapper } = await mountApp('/history')

    expect(fake.calls).toContainEqual({ method: 'history', input: { limit: 100 } })
    const rows = wrapper.get('[data-testid="scan-history"]').findAll('tbody tr')
    expect(rows).toHaveLength(2)
    expect(rows[0]!.text()).toContain('P1␝Q2')
    expect(rows[0]!.text()).toContain('Not found')
    expect(rows[0]!.find('a').exists()).toBe(false)
    expect(rows[1]!.text()).toContain('Match')
    expect(rows[1]!.text()).toContain('1.2 ms')
    expect(rows[1]!.get('a').attributes('href')).toBe('/stockitem/5')
  })
})
