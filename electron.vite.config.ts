/**
 * electron-vite build of the three Electron targets:
 * - main     src-main/electron/main.ts  → out/main/main.js (ESM; package.json "main" points here)
 *            src-main/core/jobs/jobs-worker.ts → out/main/jobs-worker.js, the job pool's worker (pool.ts finds it)
 * - preload  src-preload/index.ts       → out/preload/index.cjs (CommonJS, fully bundled: a sandboxed preload
 *                                          can neither be ESM nor require anything from node_modules)
 * - renderer src-renderer/index.html    → out/renderer (also what the web host serves)
 *            src-main/web-host/page/bridge.ts → out/renderer/station-bridge.js, the web host's `window.station`
 */
import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import vue from '@vitejs/plugin-vue'

const root = import.meta.dirname

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      // Dependencies stay in node_modules; better-sqlite3 is a native module and must never be bundled.
      externalizeDeps: { include: ['better-sqlite3'] },
      rolldownOptions: {
        // Each worker is an entry of its own: a worker thread loads it by file (core/jobs, core/importing/run-worker.ts).
        input: {
          main: resolve(root, 'src-main/electron/main.ts'),
          'jobs-worker': resolve(root, 'src-main/core/jobs/jobs-worker.ts'),
          'import-worker': resolve(root, 'src-main/core/importing/import-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      // The sandboxed preload's require() knows only a few Electron modules: bundle the contract and zod.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'src-preload/index.ts') },
        output: {
          format: 'cjs',
          entryFileNames: '[name].cjs',
          codeSplitting: false,
        },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src-renderer'),
    plugins: [vue()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      rolldownOptions: {
        // The web host's page bridge is built here, beside the app it serves, rather than by a bundler of its own:
        // same toolchain, same browser targets, and `npm run web` already builds the renderer first. It lands in
        // the Electron build too, where nothing loads it. A fixed name, because the web host serves it by name.
        input: {
          index: resolve(root, 'src-renderer/index.html'),
          // The phone page the phone link serves (phone-link/server.ts), with the same decode worker.
          phone: resolve(root, 'src-renderer/phone.html'),
          'station-bridge': resolve(root, 'src-main/web-host/page/bridge.ts'),
        },
        output: {
          entryFileNames: (chunk) =>
            chunk.name === 'station-bridge' ? 'station-bridge.js' : 'assets/[name]-[hash].js',
        },
      },
    },
  },
})
