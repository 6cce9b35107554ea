/**
 * Where the desk keeps its InvenTree token: never in the station's database (which is copied for backups and
 * support), never in a log. Under Electron the token is encrypted with the OS keychain (electron/
 * safe-storage-token-store.ts); outside it, a file only its owner can read.
 */
import {
  chmodSync,
  closeSync,
  existsSync,
  fstatSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs'
import { dirname } from 'node:path'
import { mkdirSync } from 'node:fs'

export interface TokenStore {
  load(): string | null
  save(token: string): void
  clear(): void
}

export const TOKEN_FILE_SUFFIX = '.inventree-token'

/**
 * The token file beside the station's database, named after it: two databases in one folder (a desk and its
 * test copy) may be connected to different servers.
 */
export const tokenFileFor = (dbPath: string): string => `${dbPath}${TOKEN_FILE_SUFFIX}`

export class FileTokenStore implements TokenStore {
  constructor(
    readonly path: string,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {}

  load(): string | null {
    if (!existsSync(this.path)) return null
    const fd = openSync(this.path, 'r')
    try {
      // POSIX modes say who may read the file; Windows keeps that in ACLs, which the user's profile folder sets.
      const mode = fstatSync(fd).mode & 0o777
      if (this.platform !== 'win32' && mode & 0o077)
        throw new Error(
          `Refusing to read the InvenTree token: ${this.path} can be read by others (mode ${mode.toString(8)}). ` +
            `Run chmod 600 on it, or connect again to write a new one.`,
        )
      return readFileSync(fd, 'utf8').trim() || null
    } finally {
      closeSync(fd)
    }
  }

  save(token: string): void {
    mkdirSync(dirname(this.path), { recursive: true })
    // Written to a new owner-only file, then renamed over the old one: the token is never readable by others,
    // not even for a moment, and a crash leaves either the old token or the new one.
    const temp = `${this.path}.${process.pid}.tmp`
    const fd = openSync(temp, 'w', 0o600)
    try {
      chmodSync(temp, 0o600)
      writeSync(fd, token)
    } finally {
      closeSync(fd)
    }
    renameSync(temp, this.path)
  }

  clear(): void {
    rmSync(this.path, { force: true })
  }
}

/** For a database in memory (tests, the bench): the token lives as long as the Station. */
export class MemoryTokenStore implements TokenStore {
  private token: string | null = null
  load(): string | null {
    return this.token
  }
  save(token: string): void {
    this.token = token
  }
  clear(): void {
    this.token = null
  }
}
