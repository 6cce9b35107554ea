import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'

// Every file that starts the InvenTree stand-in ends by checking that InvenTree's schema rejected none of its exchanges.
const zeroRejections = 'src-main/tests/inventree-standin/zero-rejections.setup.ts'

// Projects by the world a test runs in: core, hosts and the shared layer in Node, components in happy-dom. The
// shared layer runs in Node because it must not need the DOM (main imports it too).
export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores, which on a two-core desk or CI machine is one file at a
    // time; measured, that leaves a core idle half the run while files wait on child processes, sockets and timers.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'main',
          environment: 'node',
          include: ['src-main/**/*.test.ts'],
          testTimeout: 30_000,
          // Replica set-ups start the InvenTree stand-in and pull from it: with two files at once on two cores a
          // set-up can pass Vitest's 10 s hook default without anything being wrong.
          hookTimeout: 30_000,
          setupFiles: [zeroRejections],
        },
      },
      {
        test: { name: 'shared', environment: 'node', include: ['src-shared/**/*.test.ts'] },
      },
      {
        plugins: [vue()],
        test: {
          name: 'renderer',
          environment: 'happy-dom',
          include: ['src-renderer/**/*.test.ts'],
          // Components mount against a real Station (and some a stand-in server); on a busy two-core machine a
          // few take longer than Vitest's 5 s default without anything being wrong.
          testTimeout: 20_000,
          hookTimeout: 30_000,
          setupFiles: [zeroRejections],
        },
      },
    ],
  },
})
