import { defineConfig } from '@playwright/test'

/**
 * End-to-end specs. `e2e/fixtures.ts` launches the station: Electron when its binary is installed,
 * otherwise the web host plus the system Chromium. Run after `electron-vite build` (`npm run test:e2e` does).
 */
export default defineConfig({
  testDir: 'e2e',
  // One station at a time: each test launches its own, with its own fresh database.
  workers: 1,
  fullyParallel: false,
  // A flaky spec is a bug to fix, not to retry.
  retries: 0,
  forbidOnly: Boolean(process.env['CI']),
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    actionTimeout: 10_000,
    navigationTimeout: 30_000,
  },
})
