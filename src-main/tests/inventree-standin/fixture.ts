/** What tests need to run the stand-in: the schema's place (absent in a plain clone) and fresh demo data. */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { StandinData } from './state'

const here = dirname(fileURLToPath(import.meta.url))

export const SCHEMA_PATH = join(here, '..', '..', '..', '..', 'shared', 'inventree', 'api-534.yaml')
export const schemaAbsent = !existsSync(SCHEMA_PATH)
export const SKIP_REASON = `InvenTree's schema is absent (${SCHEMA_PATH}): InvenTree stand-in tests skipped`

/** A copy of the demo data that a test may change freely. */
export const demoData = (): StandinData => JSON.parse(readFileSync(join(here, 'demo-data.json'), 'utf8')) as StandinData
