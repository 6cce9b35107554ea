import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'

// Two projects because the two halves run in different worlds: core and hosts in Node, components in happy-dom.
export default defineConfig({
  test: {
    projects: [
      {
        test: { name: 'main', environment: 'node', include: ['src-main/**/*.test.ts'], testTimeout: 30_000 },
      },
      {
        plugins: [vue()],
        test: { name: 'renderer', environment: 'happy-dom', include: ['src-renderer/**/*.test.ts'] },
      },
    ],
  },
})
