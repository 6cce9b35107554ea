/**
 * The installers' configuration (electron-builder.yml), read the way electron-builder reads it: its own loader and
 * schema, its own file matcher. The installers themselves need Electron's binary and cannot be built here; this
 * proves that what `npm run dist` would package is what a desk needs, and nothing of the source tree besides.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Stats } from 'node:fs'
import type { Configuration } from 'electron-builder'
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config'
import { getFileMatchers } from 'app-builder-lib/out/fileMatcher'
import { DebugLogger } from 'builder-util'
import { beforeAll, describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>
  dependencies: Record<string, string>
  devDependencies: Record<string, string>
}
let config: Configuration

beforeAll(async () => {
  config = await getConfig(root, null, null)
})

/** Which of `paths` (relative to the repo) electron-builder's `files` matcher puts into the app. */
function packaged(paths: string[]): string[] {
  const matchers = getFileMatchers(config, 'files', join(root, 'dist/app'), {
    macroExpander: (pattern) => pattern,
    customBuildOptions: config.linux ?? {},
    globalOutDir: join(root, 'dist'),
    defaultSrc: root,
  })
  const filters = (matchers ?? []).map((matcher) => matcher.createFilter())
  const file = { isDirectory: () => false, isFile: () => true } as Stats
  return paths.filter((path) => filters.some((filter) => filter(join(root, path), file)))
}

const targetsOf = (platform: { target?: unknown } | null | undefined): string[] =>
  ((platform?.target ?? []) as Array<string | { target: string }>).map((t) => (typeof t === 'string' ? t : t.target))

describe('the installers (electron-builder.yml)', () => {
  it('loads and passes electron-builder’s own schema', async () => {
    expect(config.appId).toBe('org.scanstation.desk')
    expect(config.productName).toBe('Scan Station')
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined()
  })

  it('builds AppImage and .deb on Linux, NSIS on Windows, a dmg on macOS', () => {
    expect(targetsOf(config.linux)).toEqual(['AppImage', 'deb'])
    expect(targetsOf(config.win)).toEqual(['nsis'])
    expect(targetsOf(config.mac)).toEqual(['dmg'])
  })

  it('takes the icon and the label templates from resources/', () => {
    expect(config.directories?.buildResources).toBe('resources')
    expect(existsSync(join(root, String(config.icon)))).toBe(true)
    expect(config.extraResources).toEqual([{ from: 'resources/labels', to: 'labels' }])
    expect(existsSync(join(root, 'resources/labels'))).toBe(true)
  })

  it('rebuilds the native modules for Electron with its own step and keeps their binaries out of the asar', () => {
    expect(config.npmRebuild).toBe(true)
    for (const native of ['better-sqlite3', 'node-hid', 'serialport']) {
      // Only production dependencies are packaged (and rebuilt): a native module among the devDependencies
      // would be missing from the installed desk.
      expect(pkg.dependencies[native], native).toBeDefined()
      expect(pkg.devDependencies[native], native).toBeUndefined()
    }
    // The updater runs in the installed app, so it must be packaged too.
    expect(pkg.dependencies['electron-updater']).toBeDefined()
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['**/*.node', 'node_modules/better-sqlite3/**']))
  })

  it('packages the built app and leaves out tests, benchmarks, e2e specs, sources and scripts', () => {
    const shipped = ['out/main/main.js', 'out/main/jobs-worker.js', 'out/preload/index.cjs', 'out/renderer/index.html']
    const left = [
      'src-main/core/station.ts',
      'src-main/core/station.test.ts',
      'bench/run.ts',
      'e2e/scan.spec.ts',
      'scripts/electron-native.mjs',
      '.native/electron/better_sqlite3.node',
      'out/main/main.js.map',
      'out/main/station.test.js',
    ]
    expect(packaged([...shipped, ...left])).toEqual(shipped)
  })

  it('is what `npm run dist` runs, after building the app', () => {
    expect(pkg.scripts['dist']).toBe('electron-vite build && electron-builder')
    expect(pkg.devDependencies['electron-builder']).toBeDefined()
  })
})
