/**
 * What a person at the desk waits for, measured in the real renderer (web host + Chromium, as the e2e suite runs
 * it): the scan page with 500 rows — last scan to its row shown — and the history review over 100,000 scans —
 * filter change to rows shown. The pages record these times themselves (`window.__scanPageStats`,
 * `window.__historyStats`); this script drives them and prints the figures, never pass/fail.
 */
import { chromium, type Page } from 'playwright-core'
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { keyEventsFor } from '../src-main/core/scanner/layouts'
import { seedHistory } from '../src-main/core/demo/seed'
import { scanKeys, withEnter } from '../e2e/scanner-keys'
import { openStationDatabase, Station } from '../src-main/core/station'
import { fmt, heading, line, percentile } from './stats'

const root = resolve(import.meta.dirname, '..')

/** The web host on a free port over `dbPath` (demo data), serving the renderer built in `from`/out. */
export async function startHost(dbPath: string, from = root): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    join(root, 'node_modules/.bin/tsx'),
    [join(from, 'src-main/web-host/serve.ts'), '--db', dbPath, '--port', '0', '--demo'],
    { cwd: from, stdio: ['ignore', 'pipe', 'inherit'] },
  )
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error('web host did not start')), 30_000)
    createInterface({ input: child.stdout! }).on('line', (l) => {
      const m = /^Scan Station web host: (\S+)$/.exec(l)
      if (m) {
        clearTimeout(timer)
        done(m[1]!)
      }
    })
  })
  return { url, child }
}

type Stats = Record<string, number | null | undefined>
const stats = (page: Page, name: string): Promise<Stats | undefined> =>
  page.evaluate((n) => (globalThis as unknown as Record<string, Stats | undefined>)[n], name)
const frames = (page: Page): Promise<unknown> =>
  page.evaluate(
    () =>
      new Promise((done) => {
        const raf = (globalThis as unknown as { requestAnimationFrame: (cb: () => void) => void }).requestAnimationFrame
        raf(() => raf(() => done(null)))
      }),
  )

async function scanPage(page: Page, url: string): Promise<void> {
  heading('Scan page with 500 rows: last scan to its row shown (renderer, Chromium; keyboard-wedge scans)')
  await page.goto(`${url}#/scan`)
  await page.getByTestId('scan-page').waitFor()
  await page.locator('html[data-station-wedge="on"]').waitFor({ state: 'attached' })
  await page.waitForTimeout(500)
  const samples: number[] = []
  const adds: number[] = []
  const renders: number[] = []
  for (let i = 0; i < 10; i++) {
    const before = (await stats(page, '__scanPageStats'))?.['scans'] ?? 0
    // As a scanner types it: 5 ms per key, then Enter (the device path; no dialog in the way).
    await scanKeys(page, withEnter(keyEventsFor(`INV-SI${10 + i}`)), 5)
    await page.waitForFunction(
      (n) => ((globalThis as unknown as { __scanPageStats?: { scans: number } }).__scanPageStats?.scans ?? 0) > n,
      before,
    )
    await frames(page)
    const s = await stats(page, '__scanPageStats')
    if (typeof s?.['lastScanToRowMs'] === 'number') samples.push(s['lastScanToRowMs'])
    if (typeof s?.['lastAddMs'] === 'number') adds.push(s['lastAddMs'])
    if (typeof s?.['lastRenderMs'] === 'number') renders.push(s['lastRenderMs'])
  }
  for (const list of [samples, adds, renders]) list.sort((a, b) => a - b)
  line('  of which: the station adds the row (round trip), p50', `${fmt(percentile(adds, 50), 1)} ms`)
  line('  of which: the renderer paints it, p50', `${fmt(percentile(renders, 50), 1)} ms`)
  line('rows on the page', String((await stats(page, '__scanPageStats'))?.['rows'] ?? '?'))
  line(
    'last scan to its row shown, p50 / max (target < 50 ms)',
    `${fmt(percentile(samples, 50), 1)} ms / ${fmt(samples.at(-1) ?? NaN, 1)} ms`,
  )
}

async function historyReview(page: Page, url: string): Promise<void> {
  heading('History review over 100,000 scans: filter change to rows shown (renderer, Chromium)')
  await page.goto(`${url}#/history`)
  await page.getByTestId('history-review').waitFor()
  const samples: number[] = []
  const results = page.getByTestId('history-filter-result')
  for (let i = 0; i < 8; i++) {
    const before = (await stats(page, '__historyStats'))?.['changes'] ?? 0
    // Toggle "no match" on and off: each is a filter change the page must answer.
    await results.getByLabel(/no match/i).click()
    await page.waitForFunction(
      (n) => ((globalThis as unknown as { __historyStats?: { changes: number } }).__historyStats?.changes ?? 0) > n,
      before,
    )
    await frames(page)
    const s = await stats(page, '__historyStats')
    if (typeof s?.['lastFilterToRowsMs'] === 'number') samples.push(s['lastFilterToRowsMs'])
  }
  samples.sort((a, b) => a - b)
  line(
    'filter change to rows shown, p50 / max (target < 200 ms)',
    `${fmt(percentile(samples, 50), 1)} ms / ${fmt(samples.at(-1) ?? NaN, 1)} ms`,
  )
}

export async function benchUi(dir: string): Promise<void> {
  if (!existsSync(join(root, 'out/renderer/index.html'))) {
    line('UI figures', 'skipped: build the renderer first (npm run build)')
    return
  }
  const dbPath = join(dir, 'ui.db')
  const db = openStationDatabase({ dbPath })
  const station = new Station(db, { dbPath })
  // 495 rows already on the scan page; the measured scans make it 500 and more.
  const session = station.sessionStart({ kind: 'scan' })
  station.scanMany(Array.from({ length: 495 }, (_, i) => ({ data: `INV-SI${1 + (i % 120)}`, source: 'api' as const })))
  for (const entry of station.history({ limit: 495 })) station.sessionAdd({ session: session.id, scanId: entry.id })
  seedHistory(db, 100_000)
  station.close()

  const host = await startHost(dbPath)
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] || '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-gpu',
    ],
  })
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    await page.goto(host.url)
    await page.waitForFunction(() => typeof (globalThis as { station?: unknown }).station === 'object')
    const url = host.url
    await scanPage(page, url).catch((err: unknown) =>
      line('scan page', `failed: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`),
    )
    await historyReview(page, url).catch((err: unknown) =>
      line('history review', `failed: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`),
    )
  } finally {
    await browser.close()
    host.child.kill('SIGTERM')
  }
}
