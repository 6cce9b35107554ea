/**
 * Helpers for specs: ask the Station itself through the page's `window.station` (the same transport the app
 * uses), and drive the quick-scan dialog as a user does.
 */
import type { Page } from '@playwright/test'
import type { MethodInput, MethodName, MethodOutputs, StationApi } from '../src-main/contract'
import { DEMO_ADMIN_PIN } from '../src-main/core/demo/demo-data'
import { expect } from './fixtures'
import { keyEventsFor, scanKeys, withEnter } from './wedge-keys'

/** Calls a contract method in the page and returns its value (fails the test on an error reply). */
export async function ask<M extends MethodName>(
  page: Page,
  method: M,
  input: MethodInput<M>,
): Promise<MethodOutputs[M]> {
  const reply = await page.evaluate(
    async ([name, arg]) => {
      const station = (globalThis as unknown as { station: Record<string, (input: unknown) => Promise<unknown>> })
        .station
      return station[name]!(arg)
    },
    [method, input] as const,
  )
  const typed = reply as Awaited<ReturnType<StationApi[M]>>
  if (!typed.ok) throw new Error(`station.${method} failed: ${typed.error.code} ${typed.error.message}`)
  return typed.value as MethodOutputs[M]
}

/** Opens the quick-scan dialog, types the barcode data and presses Enter, as a person at the desk would. */
export async function quickScan(page: Page, data: string): Promise<void> {
  await page.getByTestId('quick-scan-button').click()
  const input = page.getByTestId('quick-scan-input')
  await expect(input).toBeVisible()
  await expect(input).toBeFocused()
  await input.fill(data)
  await input.press('Enter')
}

/** One wedge scan: the keys a scanner sends for `data`, 5 ms apart, ended by Enter. */
export async function wedgeScan(page: Page, data: string): Promise<void> {
  await scanKeys(page, withEnter(keyEventsFor(data)), 5)
}

const useWedge = process.env['STATION_E2E_SCAN'] !== 'dialog'

/** One scan at the desk: by wedge keystrokes, or through the quick-scan dialog with STATION_E2E_SCAN=dialog. */
export async function deskScan(page: Page, data: string): Promise<void> {
  if (useWedge) return wedgeScan(page, data)
  await quickScan(page, data)
  // A match closes the dialog; the workflow page has taken the scan.
  await expect(page.getByTestId('quick-scan-input')).toBeHidden()
}

/** Signs the admin in as a clerk does: the sign-in button, the Admin operator, the PIN and Enter. */
export async function signInAdmin(page: Page, pin: string = DEMO_ADMIN_PIN): Promise<void> {
  await page.getByTestId('sign-in-button').click()
  await page.getByTestId('operator-choice').filter({ hasText: 'Admin' }).click()
  await page.getByTestId('pin-input').fill(pin)
  await page.getByTestId('pin-input').press('Enter')
  await expect(page.getByTestId('operator-name')).toHaveText('Admin')
}
