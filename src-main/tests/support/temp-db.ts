import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'

/** A fresh database path in its own temp folder, removed after the test. */
export function tempDbPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'scan-station-'))
  afterEach(() => rmSync(dir, { recursive: true, force: true }))
  return join(dir, 'station.db')
}
