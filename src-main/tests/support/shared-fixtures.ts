import { existsSync } from 'node:fs'
import { resolve } from 'node:path'

/** The folder beside the repository that holds fixtures too large or too foreign to copy into it. */
const SHARED = resolve(import.meta.dirname, '../../../../shared')

/**
 * A folder under ../shared, and whether it is there. A clone without ../shared skips the tests that read it, and
 * says which folder is missing, instead of failing each of them with ENOENT.
 */
export function sharedFolder(relative: string): { dir: string; present: boolean } {
  const dir = resolve(SHARED, relative)
  const present = existsSync(dir)
  if (!present) console.warn(`Skipping the tests that need ${dir}: that folder is missing beside the repository`)
  return { dir, present }
}
