import { closeSync, openSync, statSync, writeSync } from 'node:fs'

/**
 * Overwrites 4 KB in the middle of a database file (one page, page-aligned), as a bad sector or a stray write
 * would: the same bytes every run, so the damage lands on the same page of the same seeded file.
 */
export function damageMiddle(path: string): number {
  const size = statSync(path).size
  const offset = Math.floor(size / 2 / 4096) * 4096
  const fd = openSync(path, 'r+')
  try {
    writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, offset)
  } finally {
    closeSync(fd)
  }
  return offset
}
