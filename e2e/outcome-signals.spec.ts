/**
 * The outcome a workflow decides is the one the desk signals: the badge's word and colour and the tone played.
 * The tone is heard through the page's real WebAudio graph: every oscillator started is recorded with its
 * frequency and waveform, and told apart as a person hears them: a success is high beeps, a warning mid beeps, an
 * error a low buzz.
 */
import type { Page } from '@playwright/test'
import type { ItemDetail } from '../src-main/contract'
import { expect, test } from './fixtures'
import { ask, deskScan as scan } from './station'
import { wedgeReady } from './wedge-keys'

const GS = '\u001D'
const RS = '\u001E'
const EOT = '\u0004'

// The station's page is open by the time a test starts, and its tones create their oscillators at each scan, so
// patching the prototype now hears every tone that follows.
test.beforeEach(async ({ page }) => {
  await page.evaluate(() => {
    const heard: { freq: number; wave: string }[] = []
    ;(globalThis as { __tonesHeard?: typeof heard }).__tonesHeard = heard
    const start = OscillatorNode.prototype.start
    OscillatorNode.prototype.start = function (this: OscillatorNode, ...args: [number?]) {
      heard.push({ freq: this.frequency.value, wave: this.type })
      return start.apply(this, args)
    }
  })
})

interface Note {
  freq: number
  wave: string
}

/** The notes started since the last call. */
async function notesHeard(page: Page, keep = false): Promise<Note[]> {
  return page.evaluate((keepThem) => {
    const heard = (globalThis as { __tonesHeard?: Note[] }).__tonesHeard ?? []
    return keepThem ? [...heard] : heard.splice(0, heard.length)
  }, keep)
}

/** How a person hears the notes: a buzz is an error, high beeps a success, mid beeps a warning. */
const toneOf = (notes: Note[]): 'success' | 'warning' | 'error' | 'none' | 'mixed' => {
  const kinds = new Set(
    notes.map((n) => (n.wave === 'square' ? 'error' : n.freq >= 1200 ? 'success' : n.freq >= 500 ? 'warning' : 'low')),
  )
  if (kinds.size === 0) return 'none'
  if (kinds.size > 1) return 'mixed'
  const [kind] = kinds
  return kind === 'low' ? 'mixed' : (kind as 'success' | 'warning' | 'error')
}

/** Waits for the badge of the last scan and returns what it showed and which tone sounded. */
async function signalled(page: Page, kind: string): Promise<{ word: string; tone: string }> {
  const signal = page.getByTestId('scan-signal')
  await expect(signal).toHaveAttribute('data-kind', kind)
  const word = (await signal.locator('strong').textContent()) ?? ''
  await expect.poll(async () => (await notesHeard(page, true)).length).toBeGreaterThan(1)
  return { word, tone: toneOf(await notesHeard(page)) }
}

const field = (item: ItemDetail, label: string): string =>
  String(item.fields.find((f) => f.label === label)?.value ?? '')

test('a duplicate on the scan page gives the warning tone and badge, not the happy one', async ({ page, station }) => {
  await wedgeReady(page, station.mode)
  await page.getByTestId('scan-page-link').click()
  await expect(page.getByTestId('session-empty')).toBeVisible()

  await scan(page, 'INV-SI1')
  expect(await signalled(page, 'matched')).toEqual({ word: 'Matched', tone: 'success' })
  await scan(page, 'INV-SI1')
  await expect(page.getByTestId('session-row')).toHaveCount(2)
  expect(await signalled(page, 'duplicate')).toEqual({ word: 'Duplicate', tone: 'warning' })
  await expect(page.getByTestId('scan-signal')).toHaveAttribute('data-severity', 'warning')
})

interface OrderLine {
  sku: string
  mpn: string
  maker: string
  ordered: number
}

async function orderLines(page: Page, pk: number): Promise<{ reference: string; lines: OrderLine[] }> {
  const order = await ask(page, 'getItem', { model: 'purchaseorder', pk })
  const lines = await Promise.all(
    order.sections
      .find((s) => s.title === 'Lines')!
      .rows.map(async (l) => {
        const sp = await ask(page, 'getItem', { model: 'supplierpart', pk: l.link!.pk })
        return {
          sku: field(sp, 'SKU'),
          mpn: field(sp, 'Manufacturer part'),
          maker: field(sp, 'Manufacturer'),
          ordered: parseFloat(String(l.cells[2])),
        }
      }),
  )
  return { reference: order.title, lines }
}

test('an over-receipt gives the warning tone and an Over-receipt badge, and the line shows it as over', async ({
  page,
  station,
}) => {
  await wedgeReady(page, station.mode)
  const { reference, lines } = await orderLines(page, 1)
  const line = lines[0]!
  const over = line.ordered + 5
  const label = `[)>${RS}06${GS}P${line.sku}${GS}1P${line.mpn}${GS}K${reference}${GS}1TLOT-OVER${GS}Q${over}${RS}${EOT}`

  await page.getByTestId('receive-link').click()
  await scan(page, label)
  await expect(page.getByTestId('receipt-row')).toHaveCount(1)
  expect(await signalled(page, 'over')).toEqual({ word: 'Over-receipt', tone: 'warning' })
  const first = page.getByTestId('receipt-line').first()
  await expect(first.getByTestId('line-remaining')).toContainText('5 over')
  await expect(first.getByTestId('line-remaining')).not.toContainText('complete')
})

test('the Mouser order PO-0002 is received completely from labels printed as Mouser prints them', async ({
  page,
  station,
}) => {
  await wedgeReady(page, station.mode)
  const { reference, lines } = await orderLines(page, 2)
  expect(reference).toBe('PO-0002')
  expect(lines.length).toBeGreaterThan(1)

  await page.getByTestId('receive-link').click()
  for (const [i, l] of lines.entries()) {
    // Mouser's own field order: our order, its line, the Mouser part number, the MPN, quantity, invoice, origin, maker.
    const label =
      [
        `[)>${RS}06`,
        `K${reference}`,
        `14K${String(i + 1).padStart(3, '0')}`,
        `P${l.sku}`,
        `1P${l.mpn}`,
        `Q${l.ordered}`,
        '11K066521234',
        '4LCN',
        `1V${l.maker}`,
      ].join(GS) + `${RS}${EOT}`
    await scan(page, label)
    await expect(page.getByTestId('receipt-row')).toHaveCount(i + 1)
    await expect(page.getByTestId('receive-order')).toHaveText('PO-0002')
    await expect(page.getByTestId('receipt-row').nth(i)).toHaveAttribute('data-flag', 'ok')
    expect(await signalled(page, 'matched')).toEqual({ word: 'Matched', tone: 'success' })
  }
  for (const row of await page.getByTestId('receipt-line').all())
    await expect(row.getByTestId('line-remaining')).toContainText('complete')

  await scan(page, 'CMD:COMMIT')
  await expect(page.getByTestId('receive-message')).toHaveText(new RegExp(`^Received ${lines.length} packages: `))
  await expect(page.getByTestId('created-stockitem')).toHaveCount(lines.length)
  const order = await ask(page, 'getItem', { model: 'purchaseorder', pk: 2 })
  for (const row of order.sections.find((s) => s.title === 'Lines')!.rows)
    expect(parseFloat(String(row.cells[3])), `received of ${String(row.cells[0])}`).toBe(
      parseFloat(String(row.cells[2])),
    )
})
