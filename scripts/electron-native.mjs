#!/usr/bin/env node
/**
 * Prepares an Electron-ABI build of better-sqlite3 for `npm start` / `npm run dev`, in `.native/electron/`,
 * WITHOUT touching node_modules/better-sqlite3 (whose Node-ABI build the CLI, the web host and the tests use).
 * Electron's main process loads it through better-sqlite3's `nativeBinding` option (src-main/electron/main.ts).
 *
 *   1. If `.native/electron/better_sqlite3.node` exists and its stamp names the installed Electron version,
 *      better-sqlite3 version, platform and arch: nothing to do.
 *   2. Else copy node_modules/better-sqlite3 to a temporary folder and, in that copy, download a prebuilt binary
 *      with `prebuild-install --runtime electron --target <electron version> --arch <arch>`;
 *   3. failing that, compile it with `node-gyp rebuild --runtime=electron --target=<v> --dist-url=…/headers`
 *      (needs Python and a C++ toolchain).
 *   4. Copy build/Release/better_sqlite3.node into .native/electron/ and write the stamp.
 * Exits non-zero with an explanation when neither way works (for example offline).
 */
import { spawnSync } from 'node:child_process'
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const outDir = join(root, '.native', 'electron')
const outFile = join(outDir, 'better_sqlite3.node')
const stampFile = join(outDir, 'stamp.json')
const require = createRequire(join(root, 'package.json'))

const log = (message) => console.log(`[electron-native] ${message}`)

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'))
}

function fail(message) {
  console.error(`[electron-native] ERROR: ${message}`)
  process.exit(1)
}

let electronVersion
let sqliteDir
try {
  electronVersion = readJson(require.resolve('electron/package.json')).version
  sqliteDir = dirname(require.resolve('better-sqlite3/package.json'))
} catch (err) {
  fail(`cannot find electron or better-sqlite3 in node_modules (${err.message}): run \`npm ci\` first`)
}
const sqliteVersion = readJson(join(sqliteDir, 'package.json')).version
const wanted = {
  electron: electronVersion,
  betterSqlite3: sqliteVersion,
  platform: process.platform,
  arch: process.arch,
}

if (existsSync(outFile) && existsSync(stampFile)) {
  try {
    const stamp = readJson(stampFile)
    if (Object.entries(wanted).every(([key, value]) => stamp[key] === value)) {
      log(
        `up to date: better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${process.platform}-${process.arch})`,
      )
      process.exit(0)
    }
    log(`stamp ${JSON.stringify(stamp)} does not match ${JSON.stringify(wanted)}: rebuilding`)
  } catch {
    log('unreadable stamp: rebuilding')
  }
}

// A binary for another Electron (ABI) would crash main on load: never leave one behind.
rmSync(outFile, { force: true })
rmSync(stampFile, { force: true })

log(`preparing better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${process.platform}-${process.arch})`)
const work = mkdtempSync(join(tmpdir(), 'scan-station-native-'))
const copy = join(work, 'better-sqlite3')

/** Runs a command in the copy, streaming its output; true when it exits 0. */
function run(label, command, args) {
  log(`${label}: ${[command, ...args].join(' ')}`)
  const result = spawnSync(command, args, { cwd: copy, stdio: 'inherit', env: process.env })
  if (result.error) log(`${label} could not start: ${result.error.message}`)
  else if (result.status !== 0) log(`${label} failed (exit ${result.status ?? result.signal})`)
  return !result.error && result.status === 0
}

function findNodeGyp() {
  const candidates = [
    process.env.npm_config_node_gyp, // set by npm when it runs a package script
    join(
      dirname(process.execPath),
      '..',
      'lib',
      'node_modules',
      'npm',
      'node_modules',
      'node-gyp',
      'bin',
      'node-gyp.js',
    ),
    join(dirname(process.execPath), 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ]
  try {
    candidates.push(require.resolve('node-gyp/bin/node-gyp.js'))
  } catch {
    // not installed locally
  }
  return candidates.find((candidate) => candidate && existsSync(candidate)) ?? null
}

const built = join(copy, 'build', 'Release', 'better_sqlite3.node')
let ok = false
try {
  log(`copying ${sqliteDir} to ${copy}`)
  cpSync(sqliteDir, copy, { recursive: true, dereference: true })
  // The copied build/ holds the Node-ABI binary: remove it so that only a fresh Electron build can be picked up.
  rmSync(join(copy, 'build'), { recursive: true, force: true })

  let prebuildBin = null
  try {
    prebuildBin = createRequire(join(sqliteDir, 'package.json')).resolve('prebuild-install/bin.js')
  } catch {
    log('prebuild-install is not installed (better-sqlite3 normally depends on it)')
  }
  const target = ['--runtime', 'electron', '--target', electronVersion, '--arch', process.arch]
  if (prebuildBin) {
    ok = run('download prebuilt binary', process.execPath, [prebuildBin, ...target, '--verbose']) && existsSync(built)
  }

  if (!ok) {
    const nodeGyp = findNodeGyp()
    if (!nodeGyp) {
      log('node-gyp not found (it ships with npm; or `npm i -g node-gyp`)')
    } else {
      ok =
        run('compile from source', process.execPath, [
          nodeGyp,
          'rebuild',
          '--release',
          '--runtime=electron',
          `--target=${electronVersion}`,
          `--arch=${process.arch}`,
          '--dist-url=https://electronjs.org/headers',
        ]) && existsSync(built)
    }
  }

  if (ok) {
    mkdirSync(outDir, { recursive: true })
    copyFileSync(built, outFile)
    writeFileSync(stampFile, JSON.stringify({ ...wanted, builtAt: new Date().toISOString() }, null, 2) + '\n')
    log(`wrote ${outFile}`)
  }
} finally {
  rmSync(work, { recursive: true, force: true })
}

if (!ok) {
  fail(
    [
      `could not get better-sqlite3 ${sqliteVersion} built for Electron ${electronVersion} (${process.platform}-${process.arch}).`,
      '  Both ways failed: downloading a prebuilt binary (prebuild-install, needs internet access to GitHub)',
      '  and compiling from source (node-gyp, needs internet access to electronjs.org/headers, Python 3 and a C++ compiler).',
      '  The Node build in node_modules is untouched: `npm test`, `npm run web` and `npm run cli` still work.',
      `  Fix the cause shown above and run \`node scripts/electron-native.mjs\` again, or place a matching binary at ${outFile}`,
      `  with a stamp ${stampFile} containing ${JSON.stringify(wanted)}.`,
    ].join('\n'),
  )
}
