/**
 * Sends key events the way a keyboard-wedge scanner types them: physical key codes with their modifiers, at a
 * fixed pace (wedge specs type with per-key delays, as real scanners do). The events come from
 * `keyEventsFor` in core/scanner/layouts.ts (e2e code runs in Node, so it may import core code).
 */
import type { Page } from '@playwright/test'
import { isModifierKey, type KeyEvent } from '../src-shared/keyboard/keys'
import { keyEventsFor } from '../src-main/core/scanner/layouts'
import { expect } from './fixtures'

export { keyEventsFor }
export { scanKeys, withEnter } from './scanner-keys'

/** Playwright's name for the key: modifiers by name, everything else by its physical code (KeyA, Digit2, Quote…). */
function playwrightKey(ev: KeyEvent): string {
  if (isModifierKey(ev)) {
    if (ev.key === 'AltGraph') return 'AltGraph'
    return ev.key === 'Control' || ev.key === 'Shift' || ev.key === 'Alt' || ev.key === 'Meta' ? ev.key : ev.code
  }
  return ev.code
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** Presses and releases each key in order, `msPerKey` after each non-modifier key-down. */
export async function sendKeys(page: Page, events: KeyEvent[], msPerKey: number): Promise<void> {
  for (const ev of events) {
    const key = playwrightKey(ev)
    if (ev.type === 'keyDown') await page.keyboard.down(key)
    else await page.keyboard.up(key)
    if (ev.type === 'keyDown' && !isModifierKey(ev)) await sleep(msPerKey)
  }
}

/** Waits until the station listens for wedge scans (the web host's bridge marks <html>; Electron listens at once). */
export async function wedgeReady(page: Page, mode: 'electron' | 'web'): Promise<void> {
  if (mode === 'web') await expect(page.locator('html')).toHaveAttribute('data-station-wedge', 'on')
}
