/**
 * Every gate a stand-in started with in this test file: the suite's setup file checks after each file that none
 * saw a request or response InvenTree's schema rejects. Kept apart from server.ts so the check costs nothing in
 * files that never start a stand-in.
 */
import type { SchemaGate } from './schema-gate'

export const startedGates = new Set<SchemaGate>()
