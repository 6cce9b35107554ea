/**
 * A workshop without an inventory server sets up its own desk from nothing: the first start's "Start empty", its
 * admin PIN, then a location, parts, a supplier, supplier parts and a purchase order with two lines, placed and
 * received by scanning the supplier's bag labels. The stock lands where the order said.
 */
import type { Locator, Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { ask, deskScan as scan, signInAdmin } from './station'
import { wedgeReady } from './wedge-keys'

const GS = '\u001D'
const RS = '\u001E'
const EOT = '\u0004'
const PIN = '2468'

test.use({ demo: 'ask' })

/** Picks the option whose text starts with `text` (a picker's options read "name · detail"), once listed. */
async function pick(select: Locator, text: string): Promise<void> {
  await expect(select.locator('option', { hasText: text }).first()).toBeAttached()
  const labels = await select.locator('option').allTextContents()
  const index = labels.findIndex((l) => l.startsWith(text))
  expect(index, `an option "${text}" in ${labels.join(' | ')}`).toBeGreaterThan(0)
  await select.selectOption({ index })
}

/** Creates one row on the inventory screen's tab for `model`, filling the form as a person does. */
async function create(
  page: Page,
  model: string,
  fields: Record<string, string | boolean | { pick: string }>,
): Promise<void> {
  await page.getByTestId(`inventory-tab-${model}`).click()
  await page.getByTestId(`new-${model}`).click()
  const form = page.getByTestId('edit-form')
  for (const [key, value] of Object.entries(fields)) {
    const input = form.getByTestId(`edit-${key}`)
    if (typeof value === 'boolean') await input.setChecked(value)
    else if (typeof value === 'string') await input.fill(value)
    else await pick(input, value.pick)
  }
  await form.getByTestId('edit-save').click()
  await expect(form).toBeHidden()
  const name = typeof fields['name'] === 'string' ? fields['name'] : String(fields['sku'] ?? fields['reference'])
  await expect(page.getByTestId('inventory-row').filter({ hasText: name })).toHaveCount(1)
}

/** A DigiKey bag label as the scanner types it, separators and all. */
const digikeyLabel = (sku: string, mpn: string, order: string, quantity: number, lot: string): string =>
  `[)>${RS}06${GS}P${sku}${GS}1P${mpn}${GS}K${order}${GS}1T${lot}${GS}Q${quantity}${RS}${EOT}`

test('an empty station gets a location, parts, a supplier and an order, and receives it by scanning', async ({
  page,
  station,
}) => {
  // First start: an empty station, then its admin PIN, then the admin signs in with it.
  await expect(page.getByTestId('first-start')).toBeVisible()
  await page.getByTestId('start-empty').click()
  await page.getByTestId('admin-pin').fill(PIN)
  await page.getByTestId('admin-pin-again').fill(PIN)
  await page.getByTestId('admin-pin-save').click()
  await expect(page.getByTestId('inventory')).toBeVisible()
  await expect(page.getByTestId('inventory-read-only')).toBeVisible()
  await signInAdmin(page, PIN)
  await expect(page.getByTestId('inventory-read-only')).toBeHidden()

  await create(page, 'stocklocation', { name: 'Stores', structural: true })
  await create(page, 'stocklocation', { name: 'Shelf A', parent: { pick: 'Stores' } })
  await create(page, 'company', { name: 'DigiKey', isSupplier: true })
  await create(page, 'part', { ipn: 'R-10K', name: 'Resistor 10k 0805', units: 'pcs' })
  await create(page, 'part', { ipn: 'C-100N', name: 'Capacitor 100n 0805' })
  await create(page, 'supplierpart', {
    part: { pick: 'Resistor 10k 0805' },
    supplier: { pick: 'DigiKey' },
    sku: '311-10.0KCRCT-ND',
  })
  await create(page, 'supplierpart', {
    part: { pick: 'Capacitor 100n 0805' },
    supplier: { pick: 'DigiKey' },
    sku: '1276-1003-1-ND',
  })
  await create(page, 'purchaseorder', {
    reference: 'PO-2001',
    supplier: { pick: 'DigiKey' },
    destination: { pick: 'Shelf A' },
  })

  // The order: two lines, then placed.
  await page.getByTestId('inventory-row').filter({ hasText: 'PO-2001' }).getByRole('link').click()
  await expect(page.getByTestId('order-reference')).toHaveText('PO-2001')
  for (const [sku, quantity] of [
    ['311-10.0KCRCT-ND', '100'],
    ['1276-1003-1-ND', '50'],
  ] as const) {
    await pick(page.getByTestId('line-supplierpart'), `DigiKey ${sku}`)
    await page.getByTestId('line-quantity').fill(quantity)
    await page.getByTestId('line-add').click()
    await expect(page.getByTestId('order-line').filter({ hasText: sku })).toHaveCount(1)
  }
  await page.getByTestId('order-place').click()
  await expect(page.getByTestId('order-status')).toHaveText('placed')

  // Receiving by scanning the bags, as they arrive.
  await wedgeReady(page, station.mode)
  await page.getByTestId('receive-link').click()
  await scan(page, digikeyLabel('311-10.0KCRCT-ND', 'RC0805FR-0710KL', 'PO-2001', 100, 'L2401'))
  await expect(page.getByTestId('receive-order')).toHaveText('PO-2001')
  await scan(page, digikeyLabel('1276-1003-1-ND', 'CL21B104KBCNNNC', 'PO-2001', 50, 'L2402'))
  await expect(page.getByTestId('receipt-row')).toHaveCount(2)
  for (const row of await page.getByTestId('receipt-row').all()) await expect(row).toHaveAttribute('data-flag', 'ok')
  await scan(page, 'CMD:COMMIT')
  await expect(page.getByTestId('receive-message')).toHaveText(
    /^Received 2 packages: 100 (pcs )?Resistor 10k 0805, 50 (pcs )?Capacitor 100n 0805$/,
  )
  await expect(page.getByTestId('created-stockitem')).toHaveCount(2)

  // The stock is on Shelf A, with the scanned quantities and lots, and the order is received in full.
  const shelf = (await ask(page, 'search', { query: 'Shelf A' })).find((h) => h.model === 'stocklocation')!
  const stock = await ask(page, 'getItem', { model: 'stocklocation', pk: shelf.pk })
  const rows = stock.sections.flatMap((s) => s.rows.map((r) => r.cells.map(String).join(' ')))
  expect(
    rows.some((r) => r.includes('Resistor 10k 0805') && r.includes('100')),
    rows.join('\n'),
  ).toBe(true)
  expect(
    rows.some((r) => r.includes('Capacitor 100n 0805') && r.includes('50')),
    rows.join('\n'),
  ).toBe(true)
  await page.getByTestId('inventory-link').click()
  await page.getByTestId('inventory-tab-purchaseorder').click()
  await page.getByTestId('inventory-row').filter({ hasText: 'PO-2001' }).getByRole('link').click()
  for (const line of await page.getByTestId('order-line').all()) {
    const cells = await line.locator('td').allTextContents()
    expect(parseFloat(cells[3]!), cells.join(' | ')).toBe(parseFloat(cells[2]!))
  }
})
