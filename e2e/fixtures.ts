/**
 * The one fixture that launches the station: Electron through `_electron.launch` when its binary is
 * installed, otherwise the web host (`src-main/web-host/serve.ts`) plus the system Chromium. The same specs run
 * on both. Every test gets a fresh database, with the demo data unless the test uses `demo: false`.
 *
 * Environment: STATION_E2E=web|electron forces a mode; CHROMIUM_PATH overrides /usr/bin/chromium.
 */
import { test as base, expect, chromium, _electron, type Page } from '@playwright/test'
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'

const root = resolve(import.meta.dirname, '..')

export type StationMode = 'electron' | 'web'

/** Path of the Electron binary if `npm install` downloaded it, else null (never throws, unlike `require('electron')`). */
export function installedElectron(): string | null {
  const dir = join(root, 'node_modules', 'electron')
  const pathFile = join(dir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}

function stationMode(): StationMode {
  const forced = process.env['STATION_E2E']
  if (forced === 'web' || forced === 'electron') return forced
  return installedElectron() ? 'electron' : 'web'
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-gpu',
]

/** The test's environment for Electron: a fresh profile, and the built renderer rather than a dev server. */
function electronEnv(userData: string, demo: DemoChoice): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && key !== 'ELECTRON_RENDERER_URL') env[key] = value
  }
  env['SCAN_STATION_USER_DATA'] = userData
  if (demo !== 'ask') env['SCAN_STATION_DEMO'] = demo ? '1' : '0'
  return env
}

/** Starts `serve.ts` on a free port and resolves with the URL it prints (its only stdout line). */
async function startWebHost(
  dbPath: string,
  demo: DemoChoice,
): Promise<{ url: string; child: ChildProcess; stderr: () => string }> {
  const tsx = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'tsx.cmd' : 'tsx')
  const args = [
    'src-main/web-host/serve.ts',
    '--db',
    dbPath,
    '--port',
    '0',
    ...(demo === 'ask' ? [] : [demo ? '--demo' : '--no-demo']),
  ]
  const child = spawn(tsx, args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'test' },
  })
  let stderr = ''
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host did not start within 30 s\n${stderr}`)), 30_000)
    const lines = createInterface({ input: child.stdout! })
    lines.on('line', (line) => {
      const match = /^Scan Station web host: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/.exec(line)
      if (!match) return
      clearTimeout(timer)
      resolveUrl(match[1]!)
    })
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      reject(new Error(`web host exited (${code ?? signal}) before printing its URL\n${stderr}`))
    })
  })
  return { url, child, stderr: () => stderr }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<void>((done) => child.once('exit', () => done()))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
  await exited
  clearTimeout(timer)
}

export interface StationFixture {
  mode: StationMode
  page: Page
  /** Folder of this test's database (removed after the test). */
  dataDir: string
  /** Uncaught page errors and console errors so far (a CSP violation shows up here). */
  errors: string[]
}

export interface StationOptions {
  /** Extra Chromium switches for this test's browser (or Electron), e.g. a fake camera fed from a .y4m file. */
  chromiumArgs: string[]
  /**
   * Start on the demo inventory (default), on an empty database (as a desk for an InvenTree server does), or on a
   * new one that asks at its first start, as a new user's station does.
   */
  demo: DemoChoice
}

export type DemoChoice = boolean | 'ask'

export const test = base.extend<{ station: StationFixture } & StationOptions>({
  chromiumArgs: [[], { option: true }],
  demo: [true, { option: true }],
  station: async ({ chromiumArgs, demo }, use, testInfo) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'scan-station-e2e-'))
    const mode = stationMode()
    const cleanups: (() => Promise<void>)[] = []
    const browserErrors: string[] = []
    const watchErrors = (page: Page): void => {
      page.on('pageerror', (error) => browserErrors.push(error.message))
      page.on('console', (message) => {
        if (message.type() === 'error') browserErrors.push(message.text())
      })
    }
    try {
      let page: Page
      if (mode === 'electron') {
        const app = await _electron.launch({
          args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), ...chromiumArgs, root],
          cwd: root,
          env: electronEnv(dataDir, demo),
        })
        cleanups.push(() => app.close())
        page = await app.firstWindow()
        watchErrors(page)
      } else {
        const host = await startWebHost(join(dataDir, 'station.db'), demo)
        cleanups.push(() => stopChild(host.child))
        const browser = await chromium.launch({
          executablePath: process.env['CHROMIUM_PATH'] || '/usr/bin/chromium',
          args: [...CHROMIUM_ARGS, ...chromiumArgs],
        })
        cleanups.push(() => browser.close())
        const context = await browser.newContext()
        page = await context.newPage()
        watchErrors(page)
        await page.goto(host.url)
      }
      await page.waitForFunction(() => typeof (globalThis as { station?: unknown }).station === 'object')
      await use({ mode, page, dataDir, errors: browserErrors })
      if (testInfo.status !== testInfo.expectedStatus) {
        await testInfo.attach('screenshot', { body: await page.screenshot(), contentType: 'image/png' }).catch(() => {})
        if (browserErrors.length) await testInfo.attach('browser errors', { body: browserErrors.join('\n') })
      }
    } finally {
      for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {})
      rmSync(dataDir, { recursive: true, force: true })
    }
  },
  page: async ({ station }, use) => {
    await use(station.page)
  },
})

export { expect }
