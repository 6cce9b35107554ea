// ESLint flat config: JS + TypeScript recommended everywhere, Vue recommended for the renderer, and the layer
// rule of design §1 (src-main/core is pure Node: it must never import electron).
import { defineConfig } from 'eslint/config'
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import vue from 'eslint-plugin-vue'
import vueParser from 'vue-eslint-parser'
import globals from 'globals'
import prettier from 'eslint-config-prettier'

const electronForbidden =
  'src-main/core is pure TypeScript on Node and must not import electron (design §1): put Electron glue in src-main/electron.'

export default defineConfig(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '.native/**',
      'coverage/**',
      '.scratch/**',
      '.tmp-*',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: {
      parser: vueParser,
      parserOptions: {
        parser: tseslint.parser,
        extraFileExtensions: ['.vue'],
        sourceType: 'module',
      },
    },
  },
  {
    files: ['src-renderer/**/*.{ts,vue,js}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.{ts,js,mjs,cjs}'],
    ignores: ['src-renderer/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Playwright's page.evaluate callbacks run in the browser.
    files: ['e2e/**/*.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['**/*.vue'],
    rules: {
      // Template layout is a formatter's business, not a linter's: keep the rules that catch bugs.
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
    },
  },
  {
    // Barcodes are made of control characters (GS, RS, EOT): in the barcode and scanner code, regexes that match
    // them are the point. Elsewhere, say why with an eslint-disable-next-line comment.
    files: ['src-main/core/barcode/**', 'src-main/core/scanner/**'],
    rules: { 'no-control-regex': 'off' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    files: ['src-main/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: electronForbidden }],
          patterns: [{ group: ['electron/*'], message: electronForbidden }],
        },
      ],
    },
  },
  // Layout is prettier's (checked by `npm run lint`): turn off every stylistic rule that would fight it.
  prettier,
)
