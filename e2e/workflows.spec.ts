/**
 * Receiving-desk workflows through the real Station: the scan page's bulk move with undo, and a receipt
 * of a demo purchase order from supplier labels alone.
 *
 * Scans arrive as a keyboard-wedge scanner types them (5 ms per key, then Enter; GS/RS/EOT as Ctrl+] / Ctrl+^ /
 * Ctrl+D), sent through CDP with the scanner's own timestamps (wedge-keys.ts `scanKeys`). STATION_E2E_SCAN=dialog
 * uses the quick-scan dialog instead.
 */
import type { ItemDetail } from '../src-main/contract'
import { expect, test } from './fixtures'
import { ask, deskScan as scan, wedgeScan } from './station'
import { wedgeReady } from './wedge-keys'

const GS = '\u001D'
const RS = '\u001E'
const EOT = '\u0004'

/** The Tracking section of a stock item: [what, operator] oldest first, without its creation. */
function tracking(item: ItemDetail): [string, string][] {
  const section = item.sections.find((s) => s.title === 'Tracking')!
  const what = section.columns.indexOf('What')
  const operator = section.columns.indexOf('Operator')
  return section.rows
    .map((r) => [String(r.cells[what]), String(r.cells[operator])] as [string, string])
    .filter(([kind]) => kind !== 'created')
    .reverse()
}

const field = (item: ItemDetail, label: string): string =>
  String(item.fields.find((f) => f.label === label)?.value ?? '')

test('scan page: ten stock items and a bin, move, undo, move again, each step tracked with the operator', async ({
  page,
  station,
}) => {
  await wedgeReady(page, station.mode)
  await ask(page, 'signIn', { badge: 'OP-1002' })
  const bin = (await ask(page, 'search', { query: 'Bin C2' })).find((h) => h.model === 'stocklocation')!
  await page.getByTestId('scan-page-link').click()
  await expect(page.getByTestId('session-empty')).toBeVisible()

  for (let pk = 1; pk <= 10; pk++) {
    await scan(page, `INV-SI${pk}`)
    await expect(page.getByTestId('session-row')).toHaveCount(pk)
  }
  // The location comes after the items: it becomes the target.
  await scan(page, `INV-SL${bin.pk}`)
  await expect(page.getByTestId('target-location')).toHaveText('Bin C2')
  await expect(page).toHaveURL(/#\/scan$/)

  const stats = await page.evaluate(
    () => (globalThis as { __scanPageStats?: { lastScanToRowMs: number | null } }).__scanPageStats,
  )
  expect(stats?.lastScanToRowMs).toEqual(expect.any(Number))
  test
    .info()
    .annotations.push({ type: 'scan-to-row (10 rows)', description: `${stats?.lastScanToRowMs?.toFixed(1)} ms` })

  await page.getByTestId('select-all').check()
  await expect(page.getByTestId('selected-count')).toHaveText('10')
  await page.getByTestId('action-move').click()
  await expect(page.getByTestId('action-summary-text')).toHaveText('Moved 10 stock items to Bin C2')
  await page.getByTestId('action-undo').click()
  await expect(page.getByTestId('action-summary-text')).toHaveText('Undid: Moved 10 stock items to Bin C2')
  await page.getByTestId('action-move').click()
  await expect(page.getByTestId('action-summary-text')).toHaveText('Moved 10 stock items to Bin C2')

  for (let pk = 1; pk <= 10; pk++) {
    const item = await ask(page, 'getItem', { model: 'stockitem', pk })
    expect(field(item, 'Location')).toBe('Bin C2')
    expect(tracking(item)).toEqual([
      ['moved', 'Sam Stores'],
      ['undone', 'Sam Stores'],
      ['moved', 'Sam Stores'],
    ])
  }
})

test('receiving: a demo order received from its supplier labels alone, committed by a command barcode', async ({
  page,
  station,
}) => {
  await wedgeReady(page, station.mode)
  const order = await ask(page, 'getItem', { model: 'purchaseorder', pk: 1 })
  expect(order.title).toBe('PO-0001')
  const lines = order.sections.find((s) => s.title === 'Lines')!.rows.slice(0, 2)
  const parts = await Promise.all(
    lines.map(async (l) => {
      const sp = await ask(page, 'getItem', { model: 'supplierpart', pk: l.link!.pk })
      return {
        sku: field(sp, 'SKU'),
        mpn: field(sp, 'Manufacturer part'),
        pack: Number(field(sp, 'Pack quantity')) || 1,
        ordered: parseFloat(String(l.cells[2])),
      }
    }),
  )
  /** A DigiKey bag label (ISO/IEC 15434 format 06). */
  const digikey = (p: (typeof parts)[number], qty: number, lot: string): string =>
    `[)>${RS}06${GS}P${p.sku}${GS}1P${p.mpn}${GS}30P${p.sku}${GS}KPO-0001${GS}1K84213377${GS}10K55512${GS}9D2346${GS}1T${lot}${GS}11K1${GS}4LTW${GS}Q${qty}${GS}11ZPICK${GS}12Z998877${GS}13Z400${GS}20Z0000000000${RS}${EOT}`
  const first = {
    label: digikey(parts[0]!, Math.min(10, parts[0]!.ordered), 'LOT-A'),
    qty: Math.min(10, parts[0]!.ordered),
    lot: 'LOT-A',
    pack: parts[0]!.pack,
  }
  const stripped = {
    label: digikey(parts[1]!, Math.min(20, parts[1]!.ordered), 'LOT-B')
      .replaceAll(GS, '')
      .replaceAll(RS, '')
      .replaceAll(EOT, ''),
    qty: Math.min(20, parts[1]!.ordered),
    lot: 'LOT-B',
    pack: parts[1]!.pack,
  }

  await page.getByTestId('receive-link').click()
  await expect(page.getByTestId('receive-no-order')).toBeVisible()

  await scan(page, first.label)
  // The first label picked the order.
  await expect(page.getByTestId('receive-order')).toHaveText('PO-0001')
  await expect(page.getByTestId('receipt-row')).toHaveCount(1)
  await scan(page, stripped.label)
  await expect(page.getByTestId('receipt-row')).toHaveCount(2)
  await scan(page, stripped.label)
  await expect(page.getByTestId('receipt-row')).toHaveCount(3)
  await expect(page.getByTestId('receipt-row').nth(2).getByTestId('row-flag')).toHaveText(/Duplicate package/)
  await expect(page.getByTestId('receipt-row').nth(0)).toHaveAttribute('data-flag', 'ok')
  await expect(page.getByTestId('receipt-row').nth(1)).toHaveAttribute('data-flag', 'ok')
  const line2 = page.getByTestId('receipt-line').nth(1)
  await expect(line2.getByTestId('line-scanned')).toHaveText(String(stripped.qty))
  await expect(line2.getByTestId('line-remaining')).toContainText(String(Math.max(0, parts[1]!.ordered - stripped.qty)))

  // A duplicate on the list: Commit asks first, and the Confirm commit barcode answers.
  await scan(page, 'CMD:COMMIT')
  const confirm = page.getByTestId('commit-confirm')
  await expect(confirm).toBeVisible()
  await expect(confirm.getByTestId('commit-confirm-row')).toHaveText([/Duplicate package: .* — not received/])
  await expect(page.getByTestId('created-stockitem')).toHaveCount(0)
  await scan(page, 'CMD:CONFIRM')
  await expect(confirm).toBeHidden()
  await expect(page.getByTestId('receive-message')).toHaveText(/^Received 2 packages: /)
  await expect(page.getByTestId('created-part')).toHaveCount(2)

  // Undone while nothing touched the new stock: the receipt is back as it was, and is committed again.
  await page.getByTestId('receipt-undo').click()
  await expect(page.getByTestId('receive-message')).toHaveText(
    /^Undid: Received 2 packages on PO-0001: .*The receipt is open again\.$/,
  )
  await expect(page.getByTestId('receipt-row')).toHaveCount(3)
  await page.getByTestId('receive-commit').click()
  await confirm.getByTestId('commit-confirm-yes').click()
  await expect(page.getByTestId('receive-message')).toHaveText(/^Received 2 packages on PO-0001: /)
  const links = page.getByTestId('created-stockitem')
  await expect(links).toHaveCount(2)
  const pks = (await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))).map((h) =>
    Number(/(\d+)$/.exec(h)![1]),
  )

  for (const [pk, expected] of [
    [pks[0]!, first],
    [pks[1]!, stripped],
  ] as const) {
    const item = await ask(page, 'getItem', { model: 'stockitem', pk })
    expect(field(item, 'Location')).toBe('Receiving Bench')
    expect(parseFloat(field(item, 'Quantity'))).toBe(expected.qty * expected.pack)
    expect(field(item, 'Batch')).toBe(expected.lot)
  }

  // Away from the receipt, the bag's label opens the stock item it became.
  await page.getByRole('link', { name: 'Scan Station' }).click()
  // The home page loads its location tree and recent scans first; a person scans once it is there.
  await expect(page.getByTestId('location-tree')).toBeVisible()
  await expect(page.getByTestId('scan-history')).toBeVisible()
  await scan(page, first.label)
  await expect(page).toHaveURL(new RegExp(`#/stockitem/${pks[0]}$`))
})

test('scan page with 500 rows: the time from a scan to its row painted is measured', async ({ page, station }) => {
  await wedgeReady(page, station.mode)
  const session = await ask(page, 'sessionStart', { kind: 'scan' })
  // 495 rows straight through the Station (stock items 1…n, repeated: repeats are flagged duplicates).
  await page.evaluate(async (id) => {
    const station = (globalThis as unknown as { station: { sessionAdd: (i: unknown) => Promise<unknown> } }).station
    for (let i = 0; i < 495; i++)
      await station.sessionAdd({ session: id, data: `INV-SI${(i % 40) + 1}`, source: 'api' })
  }, session.id)
  await page.getByTestId('scan-page-link').click()
  await expect(page.getByTestId('session-row')).toHaveCount(495)

  const samples: { total: number; add: number; render: number }[] = []
  for (let i = 0; i < 5; i++) {
    await wedgeScan(page, `INV-SI${i + 1}`)
    await expect
      .poll(() => page.evaluate(() => (globalThis as { __scanPageStats?: { scans: number } }).__scanPageStats?.scans))
      .toBeGreaterThanOrEqual(i + 1)
    // Wait for the frame that recorded it.
    await page.evaluate(
      () =>
        new Promise((done) => {
          const raf = (globalThis as unknown as { requestAnimationFrame: (cb: () => void) => void })
            .requestAnimationFrame
          raf(() => raf(() => done(null)))
        }),
    )
    const stats = await page.evaluate(
      () => (globalThis as { __scanPageStats?: Record<string, number | null> }).__scanPageStats,
    )
    samples.push({
      total: stats?.['lastScanToRowMs'] ?? Number.NaN,
      add: stats?.['lastAddMs'] ?? Number.NaN,
      render: stats?.['lastRenderMs'] ?? Number.NaN,
    })
  }
  expect(samples.every((s) => Number.isFinite(s.total))).toBe(true)
  // A figure, not a verdict: timing belongs to `npm run bench`; the desk's target is under 50 ms.
  const text = samples
    .map((s) => `${s.total.toFixed(1)} (sessionAdd ${s.add.toFixed(1)} + render ${s.render.toFixed(1)})`)
    .join(', ')
  test.info().annotations.push({ type: 'scan-to-row at 500 rows (ms)', description: text })
  console.log(`scan page, 500 rows: scan-to-row ${text} ms`)
})
