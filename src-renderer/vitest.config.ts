// Stand-alone config for the renderer's component tests, for use until (or besides) the root vitest config:
//   npx vitest run --config src-renderer/vitest.config.ts
import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

export default defineConfig({
  plugins: [vue()],
  test: {
    environment: 'happy-dom',
    include: ['src-renderer/**/*.test.ts'],
  },
})
