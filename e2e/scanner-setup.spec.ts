/**
 * Scanner setup: a scanner types the setup label and the page says what it did — its speed, its terminator,
 * whether capitals come with Shift — proposes the settings that fit, and saves them; the live list shows where
 * each scan came from; the scanner settings are saved from the same page.
 */
import { expect, test } from './fixtures'
import { ask, signInAdmin } from './station'
import { keyEventsFor, scanKeys, wedgeReady, withEnter } from './wedge-keys'
import { CALIBRATION_LABEL } from '../src-main/core/scanner/layouts'
import { decodeImageBytes, setupNodeDecoder } from '../src-main/core/decode/node'
import { decodeZxingOnly } from '../src-shared/decode/pipeline'

test('a slow scanner without Shift or Enter is measured as such, and the proposed settings are saved', async ({
  page,
  station,
}) => {
  await wedgeReady(page, station.mode)
  await signInAdmin(page)
  await page.evaluate(() => (location.hash = '#/calibrate'))
  await expect(page.getByRole('heading', { name: 'Scanner setup' })).toBeVisible()
  await page.getByTestId('calibrate-start').click()
  await expect(page.getByTestId('calibrate-waiting')).toBeVisible()

  // 25 ms a key, letters without Shift, nothing at the end: the station's 30 ms input delay is too tight for it.
  const events = keyEventsFor(CALIBRATION_LABEL)
    .filter((e) => e.key !== 'Shift')
    .map((e) => ({ ...e, shift: false, key: e.key.length === 1 ? e.key.toLowerCase() : e.key }))
  await scanKeys(page, events, 25)

  await expect(page.getByTestId('setup-measured')).toBeVisible({ timeout: 15_000 })
  await expect(page.getByTestId('setup-terminator')).toContainText('nothing')
  await expect(page.getByTestId('setup-shift')).toContainText('without Shift')
  await expect(page.getByTestId('setup-scanner-fixes')).toContainText('arrives as inv-si1')
  // For a Honeywell, the page prints the menu barcode that sets its keyboard country, and a scanner reading the
  // drawn symbol gets Honeywell's menu text (FNC3, which marks it a programming code, is not text).
  await page.getByTestId('setup-vendor').selectOption('honeywell')
  const country = page.locator('[data-testid="setup-fix-barcode"][data-code="~KBDCTY0."]')
  await expect(country).toContainText('Keyboard country: U.S.A.')
  setupNodeDecoder()
  const drawn = await decodeZxingOnly(
    decodeImageBytes(await country.getByRole('img', { name: /^Code 128/ }).screenshot()),
  )
  expect(drawn?.text).toBe('~KBDCTY0.')
  await expect(page.getByTestId('setup-print-fixes')).toBeVisible()
  const typical = parseFloat((await page.getByTestId('setup-gap').textContent()) ?? '')
  expect(typical).toBeGreaterThanOrEqual(15)
  await expect(page.getByTestId('setup-proposals')).toContainText('barcode.inputDelay')
  await page.getByTestId('setup-apply').click()
  await expect(page.getByTestId('setup-saved')).toBeVisible()
  const settings = await ask(page, 'getSettings', {})
  expect(settings['barcode.inputDelay']).toBeGreaterThan(30)
  expect(settings['scanner.wedge.requireTerminator']).toBe(false)
})

test("the live list names each scan's source, and the scanner settings save from the page", async ({
  page,
  station,
}) => {
  await wedgeReady(page, station.mode)
  await signInAdmin(page)
  await page.evaluate(() => (location.hash = '#/calibrate'))
  await expect(page.getByTestId('live-scans')).toBeVisible()
  await scanKeys(page, withEnter(keyEventsFor('INV-SI1')), 5)
  // The scan opens its item; back to the setup page in the app (a reload would start a new, signed-out connection).
  await expect(page).toHaveURL(/#\/stockitem\/1$/)
  await page.evaluate(() => (location.hash = '#/calibrate'))
  await expect(page.getByTestId('live-scan').first().getByTestId('live-scan-source')).toHaveText('wedge')

  const form = page.getByTestId('scanner-settings')
  await form.getByTestId('wedge-min-length').fill('6')
  await form.getByTestId('feedback-volume').fill('30')
  await form.getByTestId('serial-path').fill('/dev/ttyUSB7')
  await form.getByTestId('scanner-save').click()
  await expect(form.getByTestId('scanner-settings-saved')).toBeVisible()
  const settings = await ask(page, 'getSettings', {})
  expect(settings).toMatchObject({
    'scanner.wedge.minLength': 6,
    'feedback.volume': 30,
    'scanner.serial.path': '/dev/ttyUSB7',
  })
  // A value out of range is stopped by the form itself, and nothing is saved.
  const minLength = form.getByTestId('wedge-min-length')
  await minLength.fill('0')
  await form.getByTestId('scanner-save').click()
  expect(await minLength.evaluate((el: HTMLInputElement) => el.validity.rangeUnderflow)).toBe(true)
  expect((await ask(page, 'getSettings', {}))['scanner.wedge.minLength']).toBe(6)
})
