import { describe, expect, it } from 'vitest'
import { parseIso15434, recoverIso15434 } from './iso15434'
import { parseLcsc } from './lcsc'
import { parseTme } from './tme'

const GS = '\u001D'
const RS = '\u001E'
const EOT = '\u0004'

/** A DigiKey bag label as DigiKey prints it (field order and identifiers of their 2D labels). */
const DIGIKEY = `[)>${RS}06${GS}P296-LM358DRCT-ND${GS}1PLM358DR${GS}30P296-LM358DRCT-ND${GS}KPO-0001${GS}1K84213377${GS}10K98765432${GS}9D2345${GS}1TLOT4471A${GS}11K1${GS}4LMY${GS}Q25${GS}11ZPICK${GS}12Z4471823${GS}13Z123456${GS}20Z0000000000000000${RS}${EOT}`
/** A Mouser label with the old `>[)>06` header. */
const MOUSER_OLD = `>[)>06${GS}KPO-0002${GS}14K007${GS}1PSTM32F103C8T6${GS}Q50${GS}11K066521234${GS}4LCN${GS}1VSTMicroelectronics`

describe('ISO/IEC 15434 supplier labels', () => {
  it('reads a DigiKey label into InvenTree field names', () => {
    expect(parseIso15434(DIGIKEY)?.fields).toEqual({
      customer_part_number: '296-LM358DRCT-ND',
      supplier_part_number: '296-LM358DRCT-ND',
      manufacturer_part_number: 'LM358DR',
      customer_order_number: 'PO-0001',
      supplier_order_number: '84213377',
      date_code: '2345',
      lot_code: 'LOT4471A',
      packing_list_number: '1',
      country_of_origin: 'MY',
      quantity: 25,
    })
  })

  it('reads the old Mouser header and 14K as the order line', () => {
    expect(parseIso15434(MOUSER_OLD)?.fields).toMatchObject({
      customer_order_number: 'PO-0002',
      purchase_order_line: '007',
      manufacturer_part_number: 'STM32F103C8T6',
      quantity: 50,
      country_of_origin: 'CN',
      manufacturer: 'STMicroelectronics',
    })
  })

  it('matches the longest identifier first (11K is not 1K, 30P is not P)', () => {
    const fields = parseIso15434(`[)>${RS}06${GS}11K42${GS}1K7${GS}30PABC${GS}PXYZ`)!.fields
    expect(fields).toMatchObject({
      packing_list_number: '42',
      supplier_order_number: '7',
      supplier_part_number: 'ABC',
      customer_part_number: 'XYZ',
    })
  })

  it('recovers a label whose GS/RS/EOT a wedge scanner dropped, and says so', () => {
    const stripped = DIGIKEY.replace(/[\u001D\u001E\u0004]/g, '')
    const known = (f: { supplier_part_number?: string }) => (f.supplier_part_number === '296-LM358DRCT-ND' ? 1 : 0)
    const recovered = recoverIso15434(stripped, known)
    expect(recovered).toMatchObject({ recovered: true })
    expect(recovered && 'fields' in recovered && recovered.fields).toEqual(parseIso15434(DIGIKEY)!.fields)
    // "14K0071PSTM…" reads as line 007 + MPN, or as line 0071 + customer part: only the database can tell.
    const mouser = MOUSER_OLD.replaceAll(GS, '')
    expect(recoverIso15434(mouser)).toEqual({ ambiguous: 2 })
    expect(recoverIso15434(mouser, (f) => (f.manufacturer_part_number === 'STM32F103C8T6' ? 1 : 0))).toMatchObject({
      fields: { manufacturer_part_number: 'STM32F103C8T6', purchase_order_line: '007', quantity: 50 },
    })
  })

  it('does not guess when a stripped label splits several ways', () => {
    // P="1" 1P="Q5"… or P="1P1P" Q="5": two readings with as many fields each.
    expect(recoverIso15434('[)>06P1P1PQ5')).toEqual({ ambiguous: 2 })
    // A hostile run of identifiers gets no reading at all (the search is bounded, see MAX_STEPS).
    const hostile = recoverIso15434(`[)>06${'P1PK1K9D1T4LQ'.repeat(300)}`)
    expect(hostile === null || 'ambiguous' in hostile).toBe(true)
  })

  it('is not fooled by text that only starts like a label', () => {
    expect(parseIso15434('[)>hello')).toBeNull()
    expect(parseIso15434(`[)>${RS}06${GS}`)).toBeNull()
  })
})

describe('LCSC and TME labels', () => {
  it('reads an LCSC bag QR', () => {
    expect(
      parseLcsc('{pbn:PICK2009291337,on:SO2009291337,pc:C312270,pm:ESR03EZPJ151,qty:2,mc:,cc:1,pdi:34421807}'),
    ).toEqual({
      picking_batch: 'PICK2009291337',
      supplier_order_number: 'SO2009291337',
      supplier_part_number: 'C312270',
      manufacturer_part_number: 'ESR03EZPJ151',
      quantity: 2,
    })
    expect(parseLcsc('{pbn:PICK1,on:WM1,pc:C8581,pm:BAT54S,215,qty:900}')).toMatchObject({
      manufacturer_part_number: 'BAT54S,215',
      quantity: 900,
    })
    expect(parseLcsc('{"stockitem": 1}')).toBeNull()
    expect(parseLcsc('{pbn:x,garbage}')).toBeNull()
  })

  it('reads both TME forms', () => {
    expect(
      parseTme('QTY:1 PN:SMD1206-5K1-1% PO:19361950/1 CPO:PO-2023-06-08-001 MFR:ROYALOHM MPN:1206S4J0512T5E'),
    ).toEqual({
      quantity: 1,
      supplier_part_number: 'SMD1206-5K1-1%',
      supplier_order_number: '19361950',
      purchase_order_line: '1',
      customer_order_number: 'PO-2023-06-08-001',
      manufacturer: 'ROYALOHM',
      manufacturer_part_number: '1206S4J0512T5E',
    })
    expect(parseTme('PLM358DR-TI 1PLM358DR Q10 KPO-0004 1K5218734')).toEqual({
      supplier_part_number: 'LM358DR-TI',
      manufacturer_part_number: 'LM358DR',
      quantity: 10,
      customer_order_number: 'PO-0004',
      supplier_order_number: '5218734',
    })
  })
})
