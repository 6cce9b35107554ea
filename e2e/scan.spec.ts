import { expect, test } from './fixtures'
import { ask, quickScan } from './station'

test('a short internal barcode opens its stock location', async ({ page }) => {
  await quickScan(page, 'INV-SL1')
  await expect(page).toHaveURL(/#\/stocklocation\/1$/)
  await expect(page.getByTestId('item-title')).toHaveText('Main Site')
  await expect(page.getByTestId('quick-scan-input')).toBeHidden()
  await expect(page.getByTestId('item-barcode')).toBeVisible()
})

test('a JSON internal barcode opens its stock item', async ({ page }) => {
  const item = await ask(page, 'getItem', { model: 'stockitem', pk: 1 })
  await quickScan(page, '{"stockitem": 1}')
  await expect(page).toHaveURL(/#\/stockitem\/1$/)
  await expect(page.getByTestId('item-title')).toHaveText(item.title)
})

test('an unknown barcode says so and stays in the dialog', async ({ page }) => {
  await quickScan(page, 'NOT-A-KNOWN-BARCODE-42')
  const feedback = page.getByRole('alert').filter({ has: page.getByTestId('scan-feedback-data') })
  await expect(page.getByTestId('scan-feedback')).toBeVisible()
  await expect(feedback).toContainText('No match found for barcode data')
  await expect(feedback).toContainText('NOT-A-KNOWN-BARCODE-42')
  await expect(page.getByTestId('quick-scan-input')).toBeVisible()
})
