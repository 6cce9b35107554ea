/**
 * Vitest setup for every test file: after the file, no InvenTree stand-in it started saw an exchange that
 * InvenTree's published schema rejects, so the desk's requests are ones a real server accepts.
 */
import { afterAll, expect } from 'vitest'
import { startedGates } from './gate-registry'

afterAll(() => {
  const rejected = [...startedGates].flatMap((gate) => gate.rejections)
  expect(rejected, 'exchanges the InvenTree schema rejects').toEqual([])
})
