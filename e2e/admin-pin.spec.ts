/**
 * The admin signs in with a PIN, for one window or connection only: admin settings are refused without it, and
 * a second page of the same station is not signed in by the first.
 */
import type { Page } from '@playwright/test'
import type { MethodInput, MethodName, Reply } from '../src-main/contract'
import { expect, test } from './fixtures'

/** The documented PIN of the demo's admin (README). */
const DEMO_ADMIN_PIN = '9000'

/** A contract call from the page, answering the reply envelope (refusals included) rather than throwing. */
function reply<M extends MethodName>(page: Page, method: M, input: MethodInput<M>): Promise<Reply<unknown>> {
  return page.evaluate(
    async ([name, arg]) => {
      const station = (globalThis as unknown as { station: Record<string, (input: unknown) => Promise<unknown>> })
        .station
      return station[name]!(arg) as Promise<Reply<unknown>>
    },
    [method, input] as const,
  )
}

async function openSignIn(page: Page): Promise<void> {
  await page.getByTestId('sign-in-button').click()
  await expect(page.getByTestId('sign-in-dialog')).toBeVisible()
}

test('admin settings are refused without the PIN, and with a wrong one; the right PIN signs the admin in', async ({
  page,
}) => {
  const forbidden = { ok: false, error: { code: 'forbidden' } }
  expect(await reply(page, 'setSettings', { 'feedback.mute': true })).toMatchObject(forbidden)
  // The admin's badge alone, or a wrong PIN, signs nobody in.
  expect(await reply(page, 'signIn', { badge: 'OP-9000' })).toMatchObject(forbidden)
  expect(await reply(page, 'signIn', { badge: 'OP-9000', pin: '1234' })).toMatchObject(forbidden)
  expect(await reply(page, 'setSettings', { 'feedback.mute': true })).toMatchObject(forbidden)
  expect(await reply(page, 'purgeHistory', { confirm: true })).toMatchObject(forbidden)

  // Choosing "Admin" in the dialog asks for the PIN instead of signing in.
  await openSignIn(page)
  await page.getByTestId('operator-choice').filter({ hasText: 'Admin' }).click()
  const pin = page.getByTestId('pin-input')
  await expect(pin).toBeFocused()
  await expect(page.getByTestId('operator-name')).toHaveCount(0)
  await pin.fill('0000')
  await pin.press('Enter')
  await expect(page.getByTestId('sign-in-error')).toContainText('Wrong PIN')
  await expect(page.getByTestId('operator-name')).toHaveCount(0)
  await pin.fill(DEMO_ADMIN_PIN)
  await pin.press('Enter')
  await expect(page.getByTestId('sign-in-dialog')).toBeHidden()
  await expect(page.getByTestId('operator-name')).toHaveText('Admin')

  expect(await reply(page, 'setSettings', { 'feedback.mute': true })).toMatchObject({ ok: true })
  // Switching the history off still asks first.
  expect(await reply(page, 'setSettings', { 'history.store': false })).toMatchObject({
    ok: false,
    error: { code: 'conflict', message: expect.stringMatching(/stops recording scans/) },
  })
  await page.getByTestId('settings-link').click()
  await page.getByTestId('setting-history-store').getByRole('switch').uncheck()
  await page.getByTestId('settings-save').click()
  await expect(page.getByTestId('settings-confirm')).toContainText('stops recording scans')
  await page.getByTestId('settings-confirm-yes').click()
  await expect(page.getByTestId('settings-saved')).toBeVisible()
  expect(await reply(page, 'getSettings', {})).toMatchObject({ ok: true, value: { 'history.store': false } })
})

test('a second page is not signed in by the first, and changes no settings', async ({ page, station }) => {
  test.skip(station.mode === 'electron', 'the web host serves many connections; the Electron app shows one window')
  expect(await reply(page, 'signIn', { badge: 'OP-9000', pin: DEMO_ADMIN_PIN })).toMatchObject({ ok: true })

  const second = await page.context().newPage()
  try {
    await second.goto(page.url())
    await second.waitForFunction(() => typeof (globalThis as { station?: unknown }).station === 'object')
    await expect(second.getByTestId('sign-in-button')).toBeVisible()
    expect(await reply(second, 'info', {})).toMatchObject({ ok: true, value: { operator: null } })
    expect(await reply(second, 'setSettings', { 'history.maxResults': 1 })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    })
    expect(await reply(second, 'purgeHistory', { confirm: true })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    })
    // The first page is still the admin's, and signing the second in as an operator does not change that.
    expect(await reply(second, 'signIn', { badge: 'OP-1001' })).toMatchObject({ ok: true })
    expect(await reply(page, 'info', {})).toMatchObject({ ok: true, value: { operator: { name: 'Admin' } } })
    expect(await reply(second, 'setSettings', { 'feedback.mute': true })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    })
  } finally {
    await second.close()
  }
})
