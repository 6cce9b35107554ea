import { expect, test } from './fixtures'
import { ask } from './station'

// A manufacturer part number of the demo inventory (src-main/core/demo/demo-data.ts): Microchip's ATmega328P.
const MPN = 'ATMEGA328P-AU'
const PART_NAME = 'ATmega328P TQFP-32'

test('searching by a manufacturer part number finds the part', async ({ page }) => {
  // Ask the Station itself what it answers for this MPN, then check that a user sees the same.
  const hits = await ask(page, 'search', { query: MPN })
  const hit = hits.find((h) => h.matched.includes(MPN) && (h.model === 'part' || h.model === 'manufacturerpart'))
  expect(hit, `the station finds MPN ${MPN} in the demo data`).toBeDefined()

  const box = page.getByTestId('search-input')
  await box.fill(MPN)
  await box.press('Enter')

  const results = page.getByTestId('search-results')
  await expect(results).toBeVisible()
  const row = page.getByTestId('search-hit').filter({ hasText: hit!.matched })
  await expect(row.first()).toBeVisible()
  await expect(row.first()).toContainText(PART_NAME)

  await row.first().getByRole('link', { name: hit!.title, exact: true }).click()
  await expect(page.getByTestId('item-title')).toHaveText(hit!.title)
  await expect(page.getByText(PART_NAME).first()).toBeVisible()
})
