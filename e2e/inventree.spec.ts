/**
 * A desk on an InvenTree server, offline: connected to the stand-in (run in this process, so the test can stop
 * and restart it with its state), the server is stopped, a placed DigiKey order is received at the desk from its
 * supplier labels and two received bags are moved; then the server comes back and the desk syncs. The server must
 * hold each receipt and move exactly once, and the order must be complete.
 */
import { schemaAbsent, SCHEMA_PATH, demoData, SKIP_REASON } from '../src-main/tests/inventree-standin/fixture'
import { startStandin, type Standin } from '../src-main/tests/inventree-standin/server'
import { StandinState } from '../src-main/tests/inventree-standin/state'
import { barcodeHash } from '../src-main/core/barcode/hash'
import { digikeyLabel, PO1_LINES } from '../src-main/tests/support/replica-station'
import { expect, test } from './fixtures'
import { ask, deskScan } from './station'
import { wedgeReady } from './wedge-keys'

test.use({ demo: false })

if (schemaAbsent) console.warn(SKIP_REASON)

test('offline at the desk: receive a placed order and move two bags; the sync brings each to InvenTree once', async ({
  page,
  station,
}) => {
  test.skip(schemaAbsent, SKIP_REASON)
  const state = new StandinState(demoData())
  let standin: Standin = await startStandin({ data: state, schemaPath: SCHEMA_PATH })
  const gates = [standin.gate]
  const port = Number(new URL(standin.url).port)
  try {
    await wedgeReady(page, station.mode)
    const footer = page.getByRole('status', { name: 'InvenTree sync' })
    await expect(footer).toContainText('Local inventory')

    // A new desk's first start asks for the admin PIN before anything else.
    await page.getByTestId('admin-pin').fill('246810')
    await page.getByTestId('admin-pin-again').fill('246810')
    await page.getByTestId('admin-pin-save').click()
    await expect(page.getByTestId('admin-pin-setup')).toBeHidden()

    // The admin connects the desk from the settings screen with a token the server issued.
    await ask(page, 'signIn', { badge: 'OP-9000', pin: '246810' })
    await footer.getByTestId('sync-state').click()
    await expect(page.getByRole('heading', { name: 'InvenTree server' })).toBeVisible()
    await page.locator('#inventree-url').fill(standin.url)
    await page.getByTestId('login-token').check()
    await page.locator('#inventree-token').fill(standin.issueToken('receiver'))
    await page.getByTestId('inventree-connect').click()
    // Connecting starts the first sync, which pulls the replica.
    await expect(footer.getByTestId('sync-last')).not.toContainText('never', { timeout: 30_000 })
    await expect(footer).toHaveAttribute('data-state', 'idle')
    await expect(page.getByTestId('inventree-actions')).toContainText(/receive/i)
    await ask(page, 'signIn', { badge: 'OP-1001' })

    // The server goes away.
    await standin.close()

    const bags = [
      { line: PO1_LINES[0], qty: 500, lot: 'LOT-A' },
      { line: PO1_LINES[1], qty: 200, lot: 'LOT-B' },
    ]
    const labels = bags.map((b) => digikeyLabel(b.line.sku, b.line.mpn, b.qty, b.lot))
    await page.getByRole('link', { name: 'Scan Station' }).click()
    await page.getByTestId('receive-link').click()
    await expect(page.getByTestId('receive-no-order')).toBeVisible()
    for (const [n, label] of labels.entries()) {
      await deskScan(page, label)
      await expect(page.getByTestId('receipt-row')).toHaveCount(n + 1)
    }
    await expect(page.getByTestId('receive-order')).toHaveText('PO-0001')
    await deskScan(page, 'CMD:COMMIT')
    await expect(page.getByTestId('receive-message')).toHaveText(/^Received 2 packages: /)

    // Both bags go to Shelf A, from the scan page.
    await page.getByRole('link', { name: 'Scan Station' }).click()
    await page.getByTestId('scan-page-link').click()
    for (const [n, label] of labels.entries()) {
      await deskScan(page, label)
      await expect(page.getByTestId('session-row')).toHaveCount(n + 1)
    }
    await deskScan(page, 'INV-SL3')
    await expect(page.getByTestId('target-location')).toHaveText('Shelf A')
    await page.getByTestId('select-all').check()
    await page.getByTestId('action-move').click()
    await expect(page.getByTestId('action-summary-text')).toHaveText('Moved 2 stock items to Shelf A')

    // Offline, with the desk's four actions waiting; an InvenTree label of a pulled item still opens it.
    await expect(footer).toHaveAttribute('data-state', 'offline', { timeout: 30_000 })
    await expect(footer.getByTestId('sync-queued')).toContainText('3 queued')
    await page.getByRole('link', { name: 'Scan Station' }).click()
    await expect(page.getByTestId('scan-history')).toBeVisible()
    await deskScan(page, '{"stockitem": 1}')
    await expect(page).toHaveURL(/#\/stockitem\/1$/)

    // The server is back: the desk syncs from its Sync screen.
    standin = await startStandin({ data: state, schemaPath: SCHEMA_PATH, port })
    gates.push(standin.gate)
    await footer.getByTestId('sync-state').click()
    await page.getByTestId('sync-now').click()
    await expect(footer).toHaveAttribute('data-state', 'idle', { timeout: 30_000 })
    await expect(footer).not.toContainText('queued')

    const snapshot = state.snapshot()
    const received = snapshot.stock.filter((s) => s.purchase_order === 1)
    expect(
      received.map((s) => ({
        quantity: Number(s.quantity),
        batch: s.batch,
        location: s.location,
        hash: s.barcode_hash,
      })),
    ).toEqual(bags.map((b, n) => ({ quantity: b.qty, batch: b.lot, location: 3, hash: barcodeHash(labels[n]!) })))
    expect(snapshot.orders.find((o) => o.pk === 1)?.status).toBe(30)
    const writes = state.applied.map((a) => a.operationId)
    expect(writes.filter((w) => w === 'order_po_receive_create')).toHaveLength(2)
    expect(writes.filter((w) => w === 'stock_transfer_create')).toHaveLength(1)

    // The bag's own label opens the item under the server's pk now.
    await page.getByRole('link', { name: 'Scan Station' }).click()
    await expect(page.getByTestId('scan-history')).toBeVisible()
    await deskScan(page, labels[0]!)
    await expect(page).toHaveURL(new RegExp(`#/stockitem/${received[0]!.pk}$`))
    for (const gate of gates) expect(gate.rejections).toEqual([])
  } finally {
    await standin.close()
  }
})
