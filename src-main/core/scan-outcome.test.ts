import { describe, expect, it } from 'vitest'
import { loggedScan } from './history/logged-scan'
import { AMBIGUOUS, MATCH, NO_MATCH, Station } from './station'
import { tempDbPath } from '../tests/support/temp-db'

const GS = '\u001D'
const RS = '\u001E'
const EOT = '\u0004'
/** A DigiKey label for demo supplier part 19. */
const DIGIKEY = `[)>${RS}06${GS}P1276-CL21B104KBCNNNCCT-ND${GS}1PCL21B104KBCNNNC${GS}Q25${RS}${EOT}`

const openStation = (): Station => Station.open({ dbPath: tempDbPath() })

describe('a scan result says what it is', () => {
  it('names the outcome and the matched item, beside the InvenTree keys, and logs the same result column', () => {
    const station = openStation()
    station.link({ model: 'stockitem', pk: 2, data: 'CARTON-77' })
    const cases: [string, Record<string, unknown>, string][] = [
      [
        'INV-SL1',
        { outcome: 'matched', match: { model: 'stocklocation', pk: 1, via: 'internal' }, success: MATCH },
        'match',
      ],
      [
        'CARTON-77',
        { outcome: 'matched', match: { model: 'stockitem', pk: 2, via: 'linked' }, plugin: 'InvenTreeExternalBarcode' },
        'match',
      ],
      [DIGIKEY, { outcome: 'matched', match: { model: 'supplierpart', pk: 19, via: 'label' } }, 'match'],
      ['CMD:COMMIT', { outcome: 'command', match: null, command: { name: 'commit' } }, 'match'],
      ['OP-1001', { outcome: 'operator', match: null, operator: { name: 'Alex Receiving' } }, 'match'],
      ['nonsense', { outcome: 'no_match', match: null, error: NO_MATCH, plugin: null }, 'no_match'],
      ['   ', { outcome: 'error', match: null, error: 'Missing barcode data' }, 'error'],
    ]
    for (const [data, expected, logged] of cases) {
      const result = station.scan({ data, source: 'manual' })
      expect(result, data).toMatchObject(expected)
      expect('success' in result !== 'error' in result, data).toBe(true)
      if (result.outcome === 'matched') expect(result[result.match.model]?.pk, data).toBe(result.match.pk)
      const row = station.history({ limit: 1 })[0]!
      expect(row.result, data).toBe(logged)
      expect(JSON.parse(row.response), data).toMatchObject(expected)
    }
  })

  it('gives the item-less outcomes no match, so a caller reading `match` never opens a command or a badge', () => {
    const station = openStation()
    for (const data of ['CMD:UNDO', 'OP-1002', 'INV-SI999999', '']) {
      expect(station.scan({ data, source: 'manual' }).match, data).toBeNull()
    }
  })
})

describe('a scan read back from its history row', () => {
  const row = (response: object, result: 'match' | 'no_match' | 'error', model_type = null, pk = null) => ({
    response: JSON.stringify(response),
    result,
    model_type,
    pk,
  })

  it('keeps the outcome it was logged with', () => {
    const logged = { outcome: 'no_match', match: null, error: NO_MATCH, plugin: null, barcode_data: 'x' }
    expect(loggedScan(row(logged, 'no_match'), 7)).toEqual({ ...logged, scan_id: 7, result_id: 7 })
  })

  it('gives rows logged before results named their outcome one from the row', () => {
    const base = { barcode_data: 'x', barcode_hash: 'h' }
    const linked = {
      response: JSON.stringify({ stockitem: { pk: 3 }, success: MATCH, plugin: 'InvenTreeExternalBarcode', ...base }),
      result: 'match' as const,
      model_type: 'stockitem' as const,
      pk: 3,
    }
    expect(loggedScan(linked, 1)).toMatchObject({
      outcome: 'matched',
      match: { model: 'stockitem', pk: 3, via: 'linked' },
      scan_id: 1,
    })
    const command = { success: 'Command: undo', plugin: 'StationCommand', command: { name: 'undo' }, ...base }
    expect(loggedScan(row(command, 'match'), 2)).toMatchObject({ outcome: 'command', match: null })
    const candidates = [
      { model: 'part', pk: 1 },
      { model: 'part', pk: 2 },
    ]
    expect(loggedScan(row({ error: AMBIGUOUS, plugin: 'P', candidates, ...base }, 'error'), 3).outcome).toBe(
      'ambiguous',
    )
    expect(loggedScan(row({ error: NO_MATCH, plugin: null, ...base }, 'no_match'), 4).outcome).toBe('no_match')
    expect(loggedScan(row({ error: 'Missing barcode data', plugin: null, ...base }, 'error'), 5).outcome).toBe('error')
  })
})
