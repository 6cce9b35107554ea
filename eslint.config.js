// ESLint flat config: JS + TypeScript recommended everywhere, Vue recommended for the renderer, and the layers
// (below: who may import whom).
import { defineConfig } from 'eslint/config'
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import vue from 'eslint-plugin-vue'
import vueParser from 'vue-eslint-parser'
import globals from 'globals'
import prettier from 'eslint-config-prettier'
import { builtinModules } from 'node:module'

// ---- layers ----------------------------------------------------------------------------------------------------
// Who may import whom, the way VS Code keeps its layers apart: one import rule per folder, each listing what the
// folder may not reach.
//   src-shared                    nothing of main, preload or renderer; no zod, no Node, no Electron (it runs in
//                                 the renderer too; no DOM either: tsconfig.node.json type-checks it without DOM)
//   src-main/core                 src-shared, the contract, Node and npm packages; no Electron, no host (cli,
//                                 electron, web-host, devices), no dispatch (tests may use dispatch)
//   src-main/{cli,electron,web-host,devices,phone-link}   core, shared, the contract and dispatch
//   src-main/web-host/page        the page bridge, built for the browser: src-shared, the contract's names and
//                                 types, the web host's wedge protocol; no core, no Node
//   src-renderer                  src-shared, and contract *types* (`import type`): main is reached only through
//                                 window.station; its tests may stand up a real Station (core and dispatch)
//   everyone                      nothing imports src-renderer but the renderer itself
// All imports across folders are relative, so the rules match the specifier: a run of `../` followed by a folder
// of src-main, or a path through a top-level folder.
const HOSTS = 'cli|electron|web-host|devices|phone-link'
const layerRule = (patterns, paths = []) => ({
  '@typescript-eslint/no-restricted-imports': ['error', { paths, patterns }],
})
const noRenderer = {
  regex: '(^|/)src-renderer(/|$)',
  message: 'Nothing imports the renderer: put what both sides need in src-shared.',
}
const noPreload = { regex: '(^|/)src-preload(/|$)', message: 'The preload is an entry point: nothing imports it.' }
const electronForbidden =
  'src-main/core is pure TypeScript on Node and must not import electron: put Electron glue in src-main/electron.'
const coreForbidden = (reach) => ({
  regex: `^(\\.\\./)+(${reach})(\\.ts)?(/|$)|(^|/)src-main/(${reach})(\\.ts)?(/|$)`,
  message: 'src-main/core imports only src-shared, the contract and itself: hosts import core, not the other way.',
})
const coreRule = (reach) =>
  layerRule(
    [coreForbidden(reach), { group: ['electron/*'], message: electronForbidden }, noRenderer, noPreload],
    [{ name: 'electron', message: electronForbidden }],
  )
const sharedNode = 'src-shared runs in the renderer too: no Node API here (Node glue belongs in src-main/core).'
const sharedRule = layerRule(
  [
    {
      regex: '(^|/)src-(main|preload|renderer)(/|$)',
      message: 'src-shared is what main and the renderer both import: it imports neither.',
    },
    { group: ['node:*'], message: sharedNode },
  ],
  [
    { name: 'zod', message: 'src-shared stays free of zod: schemas belong to the contract.' },
    { name: 'electron', message: 'src-shared runs in the renderer too: no Electron here.' },
    ...builtinModules.map((name) => ({ name, message: sharedNode })),
  ],
)
const pageRule = layerRule(
  [
    {
      regex: `^(\\.\\./)+(core|${HOSTS}|dispatch)(\\.ts)?(/|$)`,
      message: 'The page bridge runs in the browser: it imports src-shared and the contract names, not main code.',
    },
    { group: ['node:*'], message: 'The page bridge runs in the browser: no Node API.' },
    noRenderer,
    noPreload,
  ],
  builtinModules.map((name) => ({ name, message: 'The page bridge runs in the browser: no Node API.' })),
)
const rendererToMain = {
  regex: '(^|/)src-main/contract(-names)?(\\.ts)?(/|$)',
  allowTypeImports: true,
  message: 'The renderer reaches main only through window.station: import the contract with `import type`.',
}
const rendererRule = layerRule([
  rendererToMain,
  {
    regex: '(^|/)src-main/(?!contract(-names)?(\\.ts)?(/|$))',
    message: 'The renderer never imports main code (core, hosts, dispatch): only contract types and src-shared.',
  },
  noPreload,
])
const rendererTestRule = layerRule([
  {
    regex: `(^|/)src-main/(${HOSTS})(/|$)`,
    message: 'Renderer tests stand up a real Station from core and dispatch; hosts are not theirs to import.',
  },
  noPreload,
])

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
    ignores: ['src-renderer/**', 'src-main/web-host/page/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // The web host's page bridge runs in the browser, in the page it serves.
    files: ['src-main/web-host/page/**'],
    languageOptions: { globals: { ...globals.browser } },
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
    // Later blocks override earlier ones for the files they name: the default first, then each layer.
    files: ['**/*.{ts,js,mjs,cjs,vue}'],
    rules: layerRule([noRenderer]),
  },
  { files: ['src-shared/**'], rules: sharedRule },
  { files: ['src-main/core/**'], rules: coreRule(`${HOSTS}|dispatch`) },
  { files: ['src-main/core/**/*.test.ts', 'src-main/core/test-support/**'], rules: coreRule(HOSTS) },
  { files: [`src-main/{${HOSTS.replaceAll('|', ',')}}/**`], rules: layerRule([noRenderer, noPreload]) },
  { files: ['src-main/web-host/page/**'], rules: pageRule },
  { files: ['src-renderer/**'], rules: rendererRule },
  { files: ['src-renderer/tests/**', 'src-renderer/**/*.test.ts'], rules: rendererTestRule },
  {
    // A deferred transaction that reads and then writes fails at once with "database is locked" when another
    // process is writing the file; the helper begins every one IMMEDIATE so it waits its turn instead.
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/core/db/write-transaction.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.type='MemberExpression'][callee.property.name='transaction']",
          message: 'Run write transactions through writeTransaction (src-main/core/db/write-transaction.ts).',
        },
      ],
    },
  },
  // Layout is prettier's (checked by `npm run lint`): turn off every stylistic rule that would fight it.
  prettier,
)
