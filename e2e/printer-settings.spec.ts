/**
 * The admin points the desk at a Zebra on the network and prints an item's label from its page: the printer is a
 * TCP listener in the test, which keeps the bytes it is sent, so the spec reads the very ZPL job the desk sent.
 */
import { expect, test } from './fixtures'
import { ask, signInAdmin } from './station'
import { FakeLabelPrinter } from '../src-main/tests/support/fake-label-printer'

test('a Zebra on the network, set in Settings, is sent a ZPL job carrying the item’s barcode', async ({ page }) => {
  // 62 × 29 mm labels on a 300 dpi head: 29 mm × 12 dots/mm.
  const zebra = await FakeLabelPrinter.zebra({ labelLengthDots: 348 })
  try {
    await signInAdmin(page)
    await page.evaluate(() => (location.hash = '#/settings'))
    const settings = page.getByTestId('printer-settings')
    await settings.getByTestId('printer-kind').selectOption('zpl-tcp')
    await settings.getByTestId('printer-host').fill('127.0.0.1')
    await settings.getByTestId('printer-port').fill(String(zebra.port))
    await settings.getByTestId('printer-dpi').selectOption('300')
    await settings.getByTestId('printer-save').click()
    await expect(settings.getByText('Printer saved.')).toBeVisible()
    expect((await ask(page, 'getSettings', {}))['printer.desk']).toEqual({
      kind: 'zpl-tcp',
      host: '127.0.0.1',
      port: zebra.port,
      dpi: 300,
    })

    await page.evaluate(() => (location.hash = '#/stockitem/3'))
    const panel = page.getByTestId('label-panel')
    await expect(panel.getByTestId('label-template')).toHaveValue('stockitem-62x29')
    await panel.getByTestId('label-print').click()
    await expect(panel.getByTestId('label-message')).toHaveText(`✓ Sent 1 label to Zebra at 127.0.0.1:${zebra.port}.`, {
      timeout: 30_000,
    })

    const barcode = (await ask(page, 'getItem', { model: 'stockitem', pk: 3 })).barcode.preferred
    expect(zebra.jobs).toHaveLength(1)
    const zpl = zebra.jobs[0]!.toString('utf8')
    expect(zpl).toMatch(/^\^XA/)
    expect(zpl).toContain('^PW744')
    // The QR code is the printer's own (^BQ), its field data the item's barcode text.
    expect(zpl).toMatch(/\^BQN,2,\d+/)
    expect(zpl).toContain(`^FDMA,${barcode}^FS`)
    expect(zpl.trimEnd()).toMatch(/\^XZ$/)
  } finally {
    await zebra.close()
  }
})
