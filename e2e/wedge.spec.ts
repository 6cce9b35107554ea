import { expect, test } from './fixtures'
import { ask } from './station'
import { keyEventsFor, scanKeys, wedgeReady, withEnter } from './wedge-keys'

const GS = '\x1d'
const RS = '\x1e'
const EOT = '\x04'

test('a scan typed at 5 ms per key into the focused search box opens the item and leaves the box empty', async ({
  page,
  station,
}) => {
  await wedgeReady(page, station.mode)
  const search = page.getByTestId('search-input')
  await search.click()
  await expect(search).toBeFocused()
  await scanKeys(page, withEnter(keyEventsFor('INV-SI1')), 5)
  await expect(page).toHaveURL(/#\/stockitem\/1$/)
  await expect(search).toHaveValue('')
  const [row] = await ask(page, 'history', { limit: 1 })
  expect(row).toMatchObject({ data: 'INV-SI1', source: 'wedge', result: 'match', model: 'stockitem', pk: 1 })
  // Feedback: an icon and a word, not colour alone.
  await expect(page.getByTestId('scan-signal')).toHaveAttribute('data-kind', 'matched')
  await expect(page.getByTestId('scan-signal')).toContainText('Matched')
})

test('a scanner that sends no Shift types INV-SI1 as inv-si1: not found, and the page says why', async ({
  page,
  station,
}) => {
  await wedgeReady(page, station.mode)
  // The scanner's own key events for the label, without its Shift presses: the letters come as plain keys.
  const events = withEnter(keyEventsFor('INV-SI1'))
    .filter((e) => e.key !== 'Shift')
    .map((e) => ({ ...e, shift: false, key: e.key.toLowerCase() }))
  expect(events.some((e) => e.code === 'KeyI')).toBe(true)
  await scanKeys(page, events, 5)
  // A problem with the data, not an unknown item: the error signal, and the reason beside the data.
  await expect(page.getByTestId('scan-signal')).toHaveAttribute('data-kind', 'error')
  await expect(page.getByTestId('scan-problem')).toContainText('In capitals this reads INV-SI1')
  await expect(page.getByTestId('scan-problem')).toContainText('without Shift')
  const [row] = await ask(page, 'history', { limit: 1 })
  expect(row).toMatchObject({ data: 'inv-si1', source: 'wedge', result: 'no_match' })
})

test('a person typing at 120 ms per key gets the text in the search box', async ({ page, station }) => {
  await wedgeReady(page, station.mode)
  const search = page.getByTestId('search-input')
  await search.click()
  await page.keyboard.type('INV-SI1', { delay: 120 })
  await expect(search).toHaveValue('INV-SI1')
  await expect(page).not.toHaveURL(/stockitem/)
  // Enter after typing acts as usual: the search runs.
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/#\/search\?q=INV-SI1$/)
  const history = await ask(page, 'history', { limit: 5 })
  expect(history.filter((h) => h.source === 'wedge')).toEqual([])
})

test('a supplier label with GS separators sent as Ctrl+] arrives intact and resolves the DigiKey part', async ({
  page,
  station,
}) => {
  await wedgeReady(page, station.mode)
  const sku = '1276-CL21B104KBCNNNCCT-ND'
  const hits = await ask(page, 'search', { query: sku })
  const supplierPart = hits.find((h) => h.model === 'supplierpart')
  expect(supplierPart, `the demo data has DigiKey SKU ${sku}`).toBeDefined()

  const label = `[)>${RS}06${GS}P${sku}${GS}1PCL21B104KBCNNNC${GS}KPO-0001${GS}Q10${RS}${EOT}`
  const events = keyEventsFor(label)
  expect(events.some((e) => e.control && e.code === 'BracketRight')).toBe(true)
  await scanKeys(page, withEnter(events), 5)

  await expect(page).toHaveURL(new RegExp(`#/supplierpart/${supplierPart!.pk}$`))
  const [row] = await ask(page, 'history', { limit: 1 })
  expect(row!.source).toBe('wedge')
  expect(row!.data).toBe(label)
  expect(row!.data).toContain(GS)
  expect(row!.result).toBe('match')
})

test('with the UK layout profile, a UK-configured scanner types {"stockitem": 1} exactly', async ({
  page,
  station,
}) => {
  await wedgeReady(page, station.mode)
  await ask(page, 'signIn', { badge: 'OP-9000', pin: '9000' })
  await ask(page, 'setSettings', { 'scanner.wedge.layout': 'uk' })
  await page.waitForTimeout(300) // the hub reconfigures its detectors after the settings change

  const text = '{"stockitem": 1}'
  const events = keyEventsFor(text, 'uk', 'us')
  // On a UK scanner `"` is Shift+2: a US decoding would read `@`.
  expect(events.some((e) => e.code === 'Digit2' && e.shift)).toBe(true)
  await scanKeys(page, withEnter(events), 5)

  await expect(page).toHaveURL(/#\/stockitem\/1$/)
  const [row] = await ask(page, 'history', { limit: 1 })
  expect(row).toMatchObject({ data: text, source: 'wedge', result: 'match' })
})

test('in the quick-scan field a person types separators with Ctrl+] and Ctrl+D, shown visibly', async ({
  page,
  station,
}) => {
  await wedgeReady(page, station.mode)
  await page.getByTestId('quick-scan-button').click()
  const input = page.getByTestId('quick-scan-input')
  await expect(input).toBeFocused()
  await page.keyboard.type('AB', { delay: 120 })
  await page.waitForTimeout(150)
  await page.keyboard.press('Control+BracketRight')
  await page.waitForTimeout(150)
  await page.keyboard.type('C', { delay: 120 })
  await page.waitForTimeout(150)
  await page.keyboard.press('Control+KeyD')
  // Control Pictures (␝ GS, ␄ EOT) with their names drawn over them by CSS.
  await expect(page.getByTestId('quick-scan-visible')).toContainText('AB␝C␄')
  expect(await input.inputValue()).toBe(`AB${GS}C${EOT}`)
})
