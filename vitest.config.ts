import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'

// Every file that starts the InvenTree stand-in ends by checking that InvenTree's schema rejected none of its exchanges.
const zeroRejections = 'src-main/tests/inventree-standin/zero-rejections.setup.ts'

// Projects by the world a test runs in: core, hosts and the shared layer in Node, components in happy-dom. The
// shared layer runs in Node because it must not need the DOM (main imports it too).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'main',
          environment: 'node',
          include: ['src-main/**/*.test.ts'],
          testTimeout: 30_000,
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
          setupFiles: [zeroRejections],
        },
      },
    ],
  },
})
