/**
 * Supplier labels for lines of the demo purchase orders, as a scanner that sends every separator types them;
 * shared by the component tests that scan them into workflows.
 */
const GS = '\u001D'
const RS = '\u001E'
const EOT = '\u0004'

/** A DigiKey bag label. */
export const digikey = (sku: string, mpn: string, qty: number, lot: string, po = 'PO-0001'): string =>
  `[)>${RS}06${GS}P${sku}${GS}1P${mpn}${GS}K${po}${GS}9D2346${GS}1T${lot}${GS}Q${qty}${RS}${EOT}`

/** The two first lines of demo order PO-0001: a 10 kΩ resistor (10 ordered) and a 100 nF capacitor (25 ordered). */
export const RESISTOR = ['311-RC0805FR-0710KLCT-ND', 'RC0805FR-0710KL'] as const
export const CAPACITOR = ['1276-CL21B104KBCNNNCCT-ND', 'CL21B104KBCNNNC'] as const

/** A Mouser label of order PO-0002: a real supplier part, not on PO-0001. */
export const MOUSER_STM32 = `>[)>06${GS}KPO-0002${GS}14K007${GS}1PSTM32F103C8T6${GS}Q50`
