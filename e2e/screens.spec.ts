/// <reference lib="dom" />
// The checks below run in the page, which has a DOM.
/**
 * The desk's main screens at a laptop's 1366×768 and a small panel's 800×600: a screenshot of each (attached to
 * the report), nothing wider than the window, every top-bar entry in reach, and the scan badge readable at WCAG AA
 * in every outcome a scan can have.
 */
import type { Page, TestInfo } from '@playwright/test'
import { contrast } from './contrast'
import { expect, test } from './fixtures'
import { ask, deskScan as scan } from './station'
import { wedgeReady } from './wedge-keys'

const GS = '\u001D'
const RS = '\u001E'
const EOT = '\u0004'

async function shot(page: Page, info: TestInfo, name: string): Promise<void> {
  const path = info.outputPath(`${name}.png`)
  await page.screenshot({ path, fullPage: true })
  await info.attach(name, { path, contentType: 'image/png' })
}

/** The page fits the window's width, and every link and button of the top bar lies inside the window. */
async function fitsTheWindow(page: Page, where: string): Promise<void> {
  const { scrollWidth, width, outside } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    width: window.innerWidth,
    outside: Array.from(document.querySelectorAll('[data-testid="top-bar"] a, [data-testid="top-bar"] button'))
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && (r.left < 0 || r.right > window.innerWidth + 0.5))
      .map(({ el }) => el.textContent?.trim() ?? el.outerHTML.slice(0, 60)),
  }))
  const widest = await page.evaluate(() =>
    Array.from(document.querySelectorAll('body *'))
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
      // What scrolls inside its own box does not widen the page, unless it is positioned out of that box.
      .filter((el) => !el.parentElement?.closest('.overflow-auto') || getComputedStyle(el).position !== 'static')
      .slice(0, 8)
      .map((el) => `${el.tagName}.${el.className} ending at ${Math.round(el.getBoundingClientRect().right)} px`),
  )
  expect(scrollWidth, `${where}: page wider than the window: ${widest.join('; ')}`).toBeLessThanOrEqual(width)
  expect(outside, `${where}: top-bar entries outside the window`).toEqual([])
}

async function badgeContrast(page: Page, kind: string): Promise<number> {
  const signal = page.getByTestId('scan-signal')
  await expect(signal).toHaveAttribute('data-kind', kind)
  const { color, background } = await signal.evaluate((el) => {
    const s = getComputedStyle(el)
    return { color: s.color, background: s.backgroundColor }
  })
  return contrast(color, background)
}

const field = (fields: { label: string; value: unknown }[], label: string): string =>
  String(fields.find((f) => f.label === label)?.value ?? '')

for (const [width, height] of [
  [1366, 768],
  [800, 600],
] as const) {
  test(`home, an item, the scan page and receiving at ${width}×${height}, the badge readable in every outcome`, async ({
    page,
    station,
  }, info) => {
    await page.setViewportSize({ width, height })
    await wedgeReady(page, station.mode)
    const size = `${width}x${height}`
    const ratios: Record<string, number> = {}

    await expect(page.getByTestId('location-tree')).toBeVisible()
    await fitsTheWindow(page, 'home')
    await shot(page, info, `home-${size}`)

    await scan(page, 'INV-SI1')
    await expect(page.getByTestId('item-title')).toBeVisible()
    ratios['matched'] = await badgeContrast(page, 'matched')
    await fitsTheWindow(page, 'item')
    await shot(page, info, `item-${size}`)

    await scan(page, 'NOT-A-KNOWN-BARCODE-42')
    ratios['notFound'] = await badgeContrast(page, 'notFound')
    // A GS1 string whose GTIN fails its check digit: recognised, unusable, an error to fix.
    await scan(page, '(01)09506000134353(10)X')
    ratios['error'] = await badgeContrast(page, 'error')
    await page.keyboard.press('Escape')

    await page.getByTestId('scan-page-link').click()
    await expect(page.getByTestId('session-empty')).toBeVisible()
    await scan(page, 'INV-SI2')
    await scan(page, 'INV-SI2')
    await expect(page.getByTestId('session-row')).toHaveCount(2)
    ratios['duplicate'] = await badgeContrast(page, 'duplicate')
    await fitsTheWindow(page, 'scan page')
    await shot(page, info, `scan-page-${size}`)

    const order = await ask(page, 'getItem', { model: 'purchaseorder', pk: 1 })
    const line = order.sections.find((s) => s.title === 'Lines')!.rows[0]!
    const sp = await ask(page, 'getItem', { model: 'supplierpart', pk: line.link!.pk })
    const ordered = parseFloat(String(line.cells[2]))
    const digikey = (qty: number) =>
      `[)>${RS}06${GS}P${field(sp.fields, 'SKU')}${GS}1P${field(sp.fields, 'Manufacturer part')}${GS}K${order.title}${GS}1TLOT-S${GS}Q${qty}${RS}${EOT}`
    const mouserOrder = await ask(page, 'getItem', { model: 'purchaseorder', pk: 2 })
    const mouserLine = mouserOrder.sections.find((s) => s.title === 'Lines')!.rows[0]!
    const mouserPart = await ask(page, 'getItem', { model: 'supplierpart', pk: mouserLine.link!.pk })

    await page.getByTestId('receive-link').click()
    await scan(page, digikey(ordered + 3))
    await expect(page.getByTestId('receive-order')).toHaveText(order.title)
    ratios['over'] = await badgeContrast(page, 'over')
    // A Mouser bag naming this DigiKey order: its part is not on it.
    await scan(
      page,
      `[)>${RS}06${GS}K${order.title}${GS}P${field(mouserPart.fields, 'SKU')}${GS}1P${field(mouserPart.fields, 'Manufacturer part')}${GS}Q1${RS}${EOT}`,
    )
    ratios['notOnOrder'] = await badgeContrast(page, 'notOnOrder')
    await expect(page.getByTestId('receipt-row')).toHaveCount(2)
    await fitsTheWindow(page, 'receiving')
    await shot(page, info, `receiving-${size}`)

    info.annotations.push({
      type: `badge contrast ${size}`,
      description: Object.entries(ratios)
        .map(([k, r]) => `${k} ${r.toFixed(2)}:1`)
        .join(', '),
    })
    for (const [kind, ratio] of Object.entries(ratios)) expect(ratio, kind).toBeGreaterThanOrEqual(4.5)
    expect(Object.keys(ratios).sort()).toEqual(['duplicate', 'error', 'matched', 'notFound', 'notOnOrder', 'over'])
  })
}
