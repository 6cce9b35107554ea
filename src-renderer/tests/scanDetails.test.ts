import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { quickScan } from './support/quickScan'
import { mountApp, unmountAll } from './mountApp'
import { callsOf, installRealStation, type RealStation } from './support/realStation'

afterEach(unmountAll)

const GS = '\u001D'
const RS = '\u001E'
const EOT = '\u0004'
/**
 * A DigiKey label (its order is the DigiKey order PO-0001) naming only the manufacturer part number of the demo's
 * 100 nF capacitor.
 */
const MPN_ONLY_LABEL = `[)>${RS}06${GS}1PCL21B104KBCNNNC${GS}KPO-0001${GS}Q5${RS}${EOT}`
/** A DigiKey label for order PO-0001 with a SKU the demo catalogue does not have. */
const UNKNOWN_SKU_LABEL = `[)>${RS}06${GS}P296-9999-ND${GS}KPO-0001${GS}Q25${RS}${EOT}`
/** The demo capacitor's DigiKey label for PO-0001, as a scanner that sends every separator types it. */
const CAPACITOR_LABEL = `[)>${RS}06${GS}P1276-CL21B104KBCNNNCCT-ND${GS}1PCL21B104KBCNNNC${GS}KPO-0001${GS}Q25${RS}${EOT}`

/** A second DigiKey part with the capacitor's MPN, so a label naming only that MPN matches two supplier parts. */
async function addSecondCapacitorSku(real: RealStation): Promise<number> {
  const made = await real.call('createSupplierPart', {
    supplier: 1,
    sku: '1276-CL21B104KBCNNNCCT-ALT',
    part: 9,
    mpn: 'CL21B104KBCNNNC',
  })
  return made.supplierpart.pk
}

describe('scan feedback details', () => {
  it('an ambiguous quick scan lists both candidates as links, and choosing one opens it', async () => {
    const real = installRealStation()
    const alt = await addSecondCapacitorSku(real)
    const { wrapper, router } = await mountApp('/')

    await quickScan(wrapper, MPN_ONLY_LABEL)

    const feedback = wrapper.get('[data-testid="scan-feedback"]')
    expect(feedback.text()).toContain('Several items match')
    expect(feedback.text()).toContain('Barcode data matches more than one item')
    const links = feedback.get('[data-testid="scan-candidates"]').findAll('a')
    expect(links.map((a) => [a.text(), a.attributes('href')])).toEqual([
      ['DigiKey 1276-CL21B104KBCNNNCCT-ALT', `/supplierpart/${alt}`],
      ['DigiKey 1276-CL21B104KBCNNNCCT-ND', '/supplierpart/19'],
    ])
    // Data that matches items cannot be linked to yet another one.
    expect(feedback.find('[data-testid="link-to-item"]').exists()).toBe(false)

    await links[1]!.trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/supplierpart/19')
    expect(wrapper.get('dialog').element.open).toBe(false)
  })

  it('shows format, parsed fields and related items of an unknown supplier label', async () => {
    installRealStation()
    const { wrapper } = await mountApp('/')

    await quickScan(wrapper, UNKNOWN_SKU_LABEL)

    const feedback = wrapper.get('[data-testid="scan-feedback"]')
    expect(feedback.text()).toContain('No match found for barcode data')
    expect(feedback.get('[data-testid="scan-format"]').text()).toBe('Read as: ECIA ISO/IEC 15434')
    const rows = feedback.get('[data-testid="scan-fields"]').findAll('tbody tr')
    expect(rows.map((r) => [r.get('th').text(), r.get('td').text()])).toEqual([
      ['Customer part number', '296-9999-ND'],
      ['Customer order number', 'PO-0001'],
      ['Quantity', '25'],
      ['Supplier part number', '296-9999-ND'],
    ])
    const related = feedback.get('[data-testid="scan-related"]')
    expect(related.text()).toContain('Purchase order: PO-0001')
    expect(related.get('a').attributes('href')).toBe('/purchaseorder/1')
    expect(feedback.find('[data-testid="scan-problem"]').exists()).toBe(false)
  })

  it('a device scan with several matches shows the chooser in the notice', async () => {
    const real = installRealStation()
    await addSecondCapacitorSku(real)
    const { wrapper } = await mountApp('/')

    real.deviceScan(MPN_ONLY_LABEL)
    await flushPromises()

    const notice = wrapper.get('[data-testid="scan-feedback"]')
    expect(notice.get('[data-testid="scan-candidates"]').findAll('a')).toHaveLength(2)
    expect(notice.text()).toContain('DigiKey 1276-CL21B104KBCNNNCCT-ALT')
  })
})

describe('link this barcode to an item', () => {
  it('after a no-match quick scan, searches, picks a hit and links the scanned data to it', async () => {
    const real = installRealStation()
    const { wrapper } = await mountApp('/')

    await quickScan(wrapper, 'MOUSER-LABEL-1')
    await wrapper.get('[data-testid="link-to-item-button"]').trigger('click')
    const box = wrapper.get('[data-testid="link-search-input"]')
    await box.setValue('322-RP2040CT-ND')
    await box.trigger('submit')
    await flushPromises()

    const pick = wrapper.get('[data-testid="link-search-hit"]')
    expect(pick.text()).toContain('DigiKey 322-RP2040CT-ND')
    await pick.trigger('click')
    await flushPromises()

    expect(callsOf(real, 'link')).toEqual([{ model: 'supplierpart', pk: 45, data: 'MOUSER-LABEL-1' }])
    const done = wrapper.get('[data-testid="link-to-item-done"]')
    expect(done.text()).toContain('Linked to DigiKey 322-RP2040CT-ND')
    expect(done.get('a').attributes('href')).toBe('/supplierpart/45')
    expect(await real.call('scan', { data: 'MOUSER-LABEL-1', source: 'manual' })).toMatchObject({
      supplierpart: { pk: 45 },
    })
  })

  it('shows why main refused the link', async () => {
    const real = installRealStation()
    const { wrapper } = await mountApp('/')

    await quickScan(wrapper, 'TAKEN')
    // Meanwhile someone links the same data to another item (another window, the CLI).
    await real.call('link', { model: 'part', pk: 1, data: 'TAKEN' })
    await wrapper.get('[data-testid="link-to-item-button"]').trigger('click')
    await wrapper.get('[data-testid="link-search-input"]').setValue('322-RP2040CT-ND')
    await wrapper.get('[data-testid="link-search-input"]').trigger('submit')
    await flushPromises()
    await wrapper.get('[data-testid="link-search-hit"]').trigger('click')
    await flushPromises()

    expect(wrapper.get('[data-testid="link-to-item-error"]').text()).toMatch(/already linked to part 1/)
    expect(wrapper.find('[data-testid="link-to-item-done"]').exists()).toBe(false)
  })
})

describe('details of a matched label', () => {
  it('opens the supplier part and keeps the label quantity and order on screen', async () => {
    installRealStation()
    const { wrapper, router } = await mountApp('/')

    await quickScan(wrapper, CAPACITOR_LABEL)

    expect(router.currentRoute.value.fullPath).toBe('/supplierpart/19')
    const details = wrapper.get('[data-testid="scan-match-details"]')
    expect(details.text()).toContain('Scanned: DigiKey 1276-CL21B104KBCNNNCCT-ND')
    expect(details.get('[data-testid="scan-fields"]').text()).toContain('Quantity25')
    expect(details.get('[data-testid="scan-related"] a').attributes('href')).toBe('/purchaseorder/1')
    expect(wrapper.find('[data-testid="scan-feedback"]').exists()).toBe(false)
  })

  it('says what it repaired when the scanner dropped the separators', async () => {
    installRealStation()
    const { wrapper, router } = await mountApp('/')

    await quickScan(wrapper, CAPACITOR_LABEL.replaceAll(GS, '').replaceAll(RS, '').replaceAll(EOT, ''))

    expect(router.currentRoute.value.fullPath).toBe('/supplierpart/19')
    expect(wrapper.get('[data-testid="scan-normalised"]').text()).toMatch(/Repaired: .*separators/)
  })

  it('shows nothing extra for a plain internal barcode', async () => {
    installRealStation()
    const { wrapper } = await mountApp('/')
    await quickScan(wrapper, 'INV-SI1')
    expect(wrapper.get('[data-testid="item-title"]').text()).toBe('Resistor 10kΩ 0805')
    expect(wrapper.find('[data-testid="scan-match-details"]').exists()).toBe(false)
  })
})
