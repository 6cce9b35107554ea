/**
 * The admin's history review over 100,000 logged scans: filter by result and date range, check the rows
 * and the total against the Station itself, open a row's detail drawer. And a stock item's label as a PDF.
 */
import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import type { Page } from '@playwright/test'
import type { HistoryFilter } from '../src-main/contract'
import { expect, test } from './fixtures'
import { ask } from './station'

const root = resolve(import.meta.dirname, '..')
const run = promisify(execFile)

/** Seeds synthetic scans into the running station's database with the CLI (WAL lets it write alongside the host). */
async function seedHistory(dataDir: string, count: number): Promise<void> {
  const tsx = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'tsx.cmd' : 'tsx')
  await run(tsx, ['src-main/cli/main.ts', 'seed', '--db', join(dataDir, 'station.db'), '--history', String(count)], {
    cwd: root,
    timeout: 120_000,
  })
}

async function openRoute(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => {
    ;(globalThis as unknown as { location: { hash: string } }).location.hash = h
  }, hash)
}

/** `datetime-local` value (local time, minutes) of a moment `daysAgo` days before now, in the page's time zone. */
async function localInputValue(page: Page, daysAgo: number): Promise<string> {
  return page.evaluate((days) => {
    const d = new Date(Date.now() - days * 24 * 3600 * 1000)
    const p = (n: number) => String(n).padStart(2, '0')
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`
  }, daysAgo)
}

test('the history review filters 100,000 scans by result and date and opens a detail drawer', async ({
  page,
  station,
}) => {
  test.setTimeout(180_000)
  await seedHistory(station.dataDir, 100_000)
  await page.reload()
  await page.waitForFunction(() => typeof (globalThis as { station?: unknown }).station === 'object')
  await openRoute(page, '#/history')

  // The unfiltered view: every seeded scan is counted, only a window of rows is in the DOM.
  const all = await ask(page, 'historyQuery', { filter: {}, offset: 0, limit: 1 })
  expect(all.total).toBeGreaterThanOrEqual(100_000)
  await expect(page.getByTestId('history-total')).toHaveText(String(all.total))
  const rowsInDom = await page.getByTestId('history-row').count()
  expect(rowsInDom).toBeGreaterThan(5)
  expect(rowsInDom).toBeLessThan(100)

  // Filter: "Not found" between 12 and 5 days ago.
  const fromValue = await localInputValue(page, 12)
  const toValue = await localInputValue(page, 5)
  await page.getByTestId('filter-result-no_match').check()
  await page.getByTestId('filter-from').fill(fromValue)
  await page.getByTestId('filter-to').fill(toValue)

  // What the Station says for the same filter (dates converted in the page, as the renderer does).
  const filter = await page.evaluate(
    ([from, to]): HistoryFilter => ({
      results: ['no_match'],
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
    }),
    [fromValue, toValue] as const,
  )
  const expected = await ask(page, 'historyQuery', { filter, offset: 0, limit: 200 })
  expect(expected.total).toBeGreaterThan(100)
  expect(expected.total).toBeLessThan(all.total)

  await expect(page.getByTestId('history-total')).toHaveText(String(expected.total))
  const rows = page.getByTestId('history-row')
  await expect(rows.first()).toHaveAttribute('data-id', String(expected.rows[0]!.id))
  const shownIds = await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-id'))))
  expect(shownIds.length).toBeGreaterThan(5)
  expect(shownIds).toEqual(expected.rows.slice(0, shownIds.length).map((r) => r.id))
  for (const result of await page.getByTestId('history-result').allTextContents()) expect(result).toContain('Not found')
  for (const r of expected.rows) {
    expect(r.result).toBe('no_match')
    expect(r.timestamp >= filter.from! && r.timestamp < filter.to!).toBe(true)
  }

  // The measurement the benchmark reads.
  const timing = await page.evaluate(
    () =>
      (globalThis as unknown as { __historyStats?: { lastFilterToRowsMs: number | null; total: number | null } })
        .__historyStats,
  )
  expect(timing?.lastFilterToRowsMs).toEqual(expect.any(Number))
  expect(timing?.total).toBe(expected.total)
  test
    .info()
    .annotations.push({ type: 'filter → rows (ms)', description: String(timing?.lastFilterToRowsMs?.toFixed(1)) })

  // The detail drawer of the first row: its raw data with controls made visible, and its bytes.
  const first = expected.rows[0]!
  await rows.first().click()
  const drawer = page.getByTestId('history-drawer')
  await expect(drawer).toBeVisible()
  const visible = first.data.replace(/[\x00-\x1f]/g, (c) => String.fromCodePoint(0x2400 + c.charCodeAt(0))) // eslint-disable-line no-control-regex -- showing control characters is the point
  await expect(drawer.getByTestId('drawer-data')).toHaveText(visible)
  const hex = Buffer.from(first.data, 'utf8').toString('hex').match(/../g)!.slice(0, 16).join(' ')
  await expect(drawer.getByTestId('drawer-hex')).toContainText(hex)
  await expect(drawer.getByTestId('drawer-result')).toContainText('Not found')
  await expect(drawer.getByTestId('drawer-response')).toContainText('No match found for barcode data')

  // Scrolling far down fetches that page and shows matching rows there too.
  await drawer.getByTestId('history-drawer-close').click()
  const target = Math.min(expected.total - 1, 1_000)
  await page.getByTestId('history-scroller').evaluate((el, index) => {
    el.scrollTop = index * 36
  }, target)
  await expect(page.locator(`[data-testid="history-row"][data-index="${target}"]`)).toHaveAttribute('data-id', /\d+/)
  const far = await ask(page, 'historyQuery', { filter, offset: target, limit: 1 })
  await expect(page.locator(`[data-testid="history-row"][data-index="${target}"]`)).toHaveAttribute(
    'data-id',
    String(far.rows[0]!.id),
  )
})

test('a stock item page downloads its label as a PDF', async ({ page, station }) => {
  await openRoute(page, '#/stockitem/1')
  await expect(page.getByTestId('item-title')).toBeVisible()
  const panel = page.getByTestId('label-panel')
  await expect(panel.getByTestId('label-verified')).toContainText('Reads back ✓', { timeout: 30_000 })
  await expect(panel.getByTestId('label-svg').locator('svg')).toBeVisible()

  const downloading = page.waitForEvent('download')
  await panel.getByTestId('label-pdf').click()
  const download = await downloading
  expect(download.suggestedFilename()).toBe('label-stockitem-1.pdf')
  const file = await download.path()
  expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-')
  await expect(panel.getByTestId('label-message')).toContainText('1 label')

  // The web host cannot print: the refusal is shown in words.
  if (station.mode === 'web') {
    await panel.getByTestId('label-print').click()
    await expect(panel.getByTestId('label-error')).toContainText('desktop app')
  }
})

test('at 1920 × 1080 the history shows typical item names, results and times whole; long data is cut, in full on hover', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 })
  const GS = String.fromCharCode(0x1d)
  const RS = String.fromCharCode(0x1e)
  const EOT = String.fromCharCode(0x04)
  const label = `[)>${RS}06${GS}P311-RC0805FR-0710KLCT-ND${GS}1PRC0805FR-0710KL${GS}KPO-0001${GS}1K77001234${GS}10K91234567${GS}11K1${GS}4LCN${GS}Q25${GS}11ZPICK${GS}12Z1234567${GS}13Z123456${GS}20Z${'0'.repeat(60)}${RS}${EOT}`
  // The demo's longest stock item names, a supplier label as a scanner sends it, and a barcode nothing knows.
  for (const data of ['INV-SI105', 'INV-SI53', 'INV-SI112', label, 'UNKNOWN-CARTON-0042', 'INV-SL13'])
    await ask(page, 'scan', { data, source: 'manual' })
  await openRoute(page, '#/history')
  const rows = page.getByTestId('history-row')
  await expect(rows).toHaveCount(6)
  await page.screenshot({ path: test.info().outputPath('history-1920x1080.png') })

  const cut = await rows.evaluateAll((trs) =>
    trs.flatMap((tr) =>
      ['td.c-time', 'td.c-result', 'td.c-item', 'td.c-source', 'td.c-action', 'td.c-num', 'td.c-plugin summary']
        .flatMap((cell) => Array.from(tr.querySelectorAll<HTMLElement>(cell)))
        .filter((td) => td.scrollWidth > td.clientWidth)
        .map((td) => `${td.className}: ${td.textContent?.trim()} (${td.scrollWidth} > ${td.clientWidth} px)`),
    ),
  )
  expect(cut).toEqual([])
  // The whole table fits the window: nothing to scroll sideways to.
  const scroller = page.getByTestId('history-scroller')
  expect(await scroller.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true)
  // The supplier label is longer than its column: cut with an ellipsis, its whole text on hover.
  const data = rows.nth(2).getByTestId('history-data')
  expect(await data.locator('code').evaluate((code) => code.scrollWidth > code.clientWidth)).toBe(true)
  await expect(data).toHaveAttribute('title', /^\[\)>␞06␝P311-RC0805FR-0710KLCT-ND␝.*20Z0{60}␞␄$/)
})
