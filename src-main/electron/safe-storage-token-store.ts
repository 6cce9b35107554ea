/**
 * The desk's InvenTree token under Electron: encrypted with the OS keychain through `safeStorage`, kept in an
 * owner-only file in the user-data folder. The file alone is useless on another machine or account.
 */
import { safeStorage } from 'electron'
import { existsSync, readFileSync } from 'node:fs'
import { FileTokenStore, type TokenStore } from '../core/inventree/token-store'

export class SafeStorageTokenStore implements TokenStore {
  private readonly file: FileTokenStore

  constructor(readonly path: string) {
    this.file = new FileTokenStore(path)
  }

  private ensureAvailable(): void {
    // On Linux without a keyring safeStorage falls back to a fixed key; refusing is better than pretending.
    if (!safeStorage.isEncryptionAvailable() || safeStorage.getSelectedStorageBackend?.() === 'basic_text')
      throw new Error('The system keychain is not available: the InvenTree token cannot be stored encrypted')
  }

  load(): string | null {
    if (!existsSync(this.path)) return null
    this.ensureAvailable()
    // Read through the file store first so a file that others can read is refused here too.
    if (this.file.load() === null) return null
    return safeStorage.decryptString(Buffer.from(readFileSync(this.path, 'utf8').trim(), 'base64'))
  }

  save(token: string): void {
    this.ensureAvailable()
    this.file.save(safeStorage.encryptString(token).toString('base64'))
  }

  clear(): void {
    this.file.clear()
  }
}
