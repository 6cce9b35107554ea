/// <reference lib="dom" />
// The checks below run in the page, which has a DOM.
import { expect, test } from './fixtures'
import { contrast } from './contrast'
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

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the scan signal reads at AA contrast and covers no control (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme })
    for (const [data, kind] of [
      ['INV-SI1', 'matched'],
      ['NOT-A-KNOWN-BARCODE-42', 'notFound'],
    ] as const) {
      await quickScan(page, data)
      const signal = page.getByTestId('scan-signal')
      await expect(signal).toHaveAttribute('data-kind', kind)
      const { color, background } = await signal.evaluate((el) => {
        const s = getComputedStyle(el)
        return { color: s.color, background: s.backgroundColor }
      })
      expect(contrast(color, background), `${kind}: ${color} on ${background}`).toBeGreaterThanOrEqual(4.5)
      await page.keyboard.press('Escape')
    }
    // At the end of the page, no control lies under the strip: the page keeps room for it.
    await quickScan(page, 'INV-SI1')
    await expect(page.getByTestId('item-title')).toBeVisible()
    await expect(page.getByTestId('scan-signal')).toBeVisible()
    const { overlaps, footerBottom, stripTop } = await page.evaluate(() => {
      window.scrollTo(0, document.documentElement.scrollHeight)
      const strip = document.querySelector('[data-testid="scan-signal-strip"]')!.getBoundingClientRect()
      const footer = document.querySelector('[data-testid="status-footer"]')!.getBoundingClientRect()
      const under = Array.from(document.querySelectorAll('button, a, input, select, textarea, img, svg, canvas'))
        .filter((el) => !el.closest('[data-testid="scan-signal-strip"], dialog:not([open])'))
        .map((el) => ({ el, r: el.getBoundingClientRect() }))
        .filter(({ r }) => r.width > 0 && r.height > 0 && r.bottom > strip.top && r.top < strip.bottom)
        .map(({ el }) => el.outerHTML.slice(0, 80))
      return { overlaps: under, footerBottom: footer.bottom, stripTop: strip.top }
    })
    expect(overlaps).toEqual([])
    // The last of the page, the status footer, ends above the strip.
    expect(footerBottom).toBeLessThanOrEqual(stripTop + 0.5)
  })
}
