/**
 * The layer rules of eslint.config.js, proved on snippets placed (by path only) in each layer: every rule stops
 * an import that crosses the wrong way, and the imports each layer is meant to make stay allowed.
 */
import { fileURLToPath } from 'node:url'
import { ESLint } from 'eslint'
import { beforeAll, describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('..', import.meta.url))
const RULE = '@typescript-eslint/no-restricted-imports'
let eslint: ESLint

beforeAll(() => {
  eslint = new ESLint({ cwd: root })
})

/** The layer-rule messages ESLint gives `code` as if it were the file at `path` (relative to the repo). */
async function layerErrors(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\n`, { filePath: `${root}${path}` })
  return result!.messages.filter((m) => m.ruleId === RULE).map((m) => m.message)
}

const refused = (path: string, code: string, message: RegExp) => async () => {
  const errors = await layerErrors(path, code)
  expect(errors, `${path}: ${code}`).toHaveLength(1)
  expect(errors[0]).toMatch(message)
}
const allowed = (path: string, code: string) => async () => {
  expect(await layerErrors(path, code), `${path}: ${code}`).toEqual([])
}

describe('src-shared', () => {
  const at = 'src-shared/decode/sample.ts'
  it('imports nothing of main', refused(at, "import { Station } from '../../src-main/core/station'", /imports neither/))
  it('imports nothing of the renderer', refused(at, "import { x } from '../../src-renderer/src/lib/hex'", /neither/))
  it('uses no zod', refused(at, "import { z } from 'zod'", /free of zod/))
  it('uses no Node API', refused(at, "import { readFileSync } from 'node:fs'", /no Node API/))
  it('uses no Node API by its bare name', refused(at, "import { join } from 'path'", /no Node API/))
  it(
    'imports itself and npm packages',
    allowed(at, "import { modelTypes } from '../models'\nimport Q from '@ericblade/quagga2'"),
  )
})

describe('src-main/core', () => {
  const at = 'src-main/core/labels/sample.ts'
  it('never imports the CLI', refused(at, "import { run } from '../../cli/main'", /imports only src-shared/))
  it(
    'never imports the web host',
    refused(at, "import { startWebHost } from '../../web-host/server'", /only src-shared/),
  )
  it(
    'never imports the devices',
    refused(at, "import { ScannerHub } from '../../devices/scanner-hub'", /only src-shared/),
  )
  it('never imports dispatch', refused(at, "import { dispatch } from '../../dispatch'", /only src-shared/))
  it('never imports electron', refused(at, "import { app } from 'electron'", /must not import electron/))
  it(
    'never imports the renderer',
    refused(at, "import { x } from '../../../src-renderer/src/lib/hex'", /Nothing imports/),
  )
  it(
    'imports shared, the contract, itself, Node and npm packages',
    allowed(
      at,
      "import { modelTypes } from '../../../src-shared/models'\nimport type { ItemRef } from '../../contract'\n" +
        "import { ConflictError } from '../errors'\nimport { join } from 'node:path'\nimport { z } from 'zod'",
    ),
  )
  it(
    'may use dispatch in its tests',
    allowed('src-main/core/labels/sample.test.ts', "import { dispatch } from '../../dispatch'"),
  )
})

describe('src-renderer', () => {
  const at = 'src-renderer/src/components/Sample.vue'
  const vue = (code: string) => `<script setup lang="ts">\n${code}\n</script>\n<template><p /></template>`
  it(
    'imports the contract for its types only',
    refused(at, vue("import { methodSchemas } from '../../../src-main/contract'"), /import type/),
  )
  it(
    'never imports core',
    refused(at, vue("import { Station } from '../../../src-main/core/station'"), /never imports main/),
  )
  it(
    'never imports core, not even its types',
    refused(
      'src-renderer/src/lib/sample.ts',
      "import type { Db } from '../../../src-main/core/db/connection'",
      /never imports main/,
    ),
  )
  it(
    'imports shared code and contract types',
    allowed(
      at,
      vue(
        "import type { ScanResult } from '../../../src-main/contract'\nimport { modelLabel } from '../../../src-shared/models'",
      ),
    ),
  )
  it(
    'stands up a real Station in its tests',
    allowed(
      'src-renderer/tests/sample.test.ts',
      "import { Station } from '../../src-main/core/station'\nimport { dispatch } from '../../src-main/dispatch'",
    ),
  )
  it(
    'does not reach the hosts even in tests',
    refused('src-renderer/tests/support.ts', "import { startWebHost } from '../../src-main/web-host/server'", /hosts/),
  )
})

describe('hosts and everyone else', () => {
  it(
    'hosts import core, shared, the contract and dispatch',
    allowed(
      'src-main/web-host/sample.ts',
      "import { Station } from '../core/station'\nimport { classifyKey } from '../../src-shared/keyboard/keys'\n" +
        "import { dispatch } from '../dispatch'\nimport { methodNames } from '../contract'",
    ),
  )
  it(
    'the page bridge imports shared code and the contract names',
    allowed(
      'src-main/web-host/page/sample.ts',
      "import { classifyKey } from '../../../src-shared/keyboard/keys'\nimport { methodNames } from '../../contract-names'",
    ),
  )
  it(
    'the page bridge, built for the browser, never imports core',
    refused('src-main/web-host/page/sample.ts', "import { Station } from '../../core/station'", /runs in the browser/),
  )
  it(
    'hosts never import the renderer',
    refused('src-main/cli/sample.ts', "import { x } from '../../src-renderer/src/lib/hex'", /Nothing imports/),
  )
  it(
    'end-to-end tests never import the renderer',
    refused('e2e/sample.ts', "import { x } from '../src-renderer/src/lib/hex'", /Nothing imports/),
  )
})
