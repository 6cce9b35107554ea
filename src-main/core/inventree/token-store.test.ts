import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { FileTokenStore } from './token-store'

describe.skipIf(process.platform === 'win32')('the token file', () => {
  const dirs: string[] = []
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))
  const store = () => {
    const dir = mkdtempSync(join(tmpdir(), 'token-'))
    dirs.push(dir)
    return new FileTokenStore(join(dir, 'inventree-token'))
  }

  it('is written readable by its owner only, and read back', () => {
    const tokens = store()
    tokens.save('inv-secret')
    expect(statSync(tokens.path).mode & 0o777).toBe(0o600)
    expect(tokens.load()).toBe('inv-secret')
    tokens.save('inv-other')
    expect(tokens.load()).toBe('inv-other')
    expect(statSync(tokens.path).mode & 0o777).toBe(0o600)
  })

  it('is refused once others can read it', () => {
    const tokens = store()
    tokens.save('inv-secret')
    chmodSync(tokens.path, 0o644)
    expect(() => tokens.load()).toThrow(/can be read by others \(mode 644\)/)
  })

  it('is gone after clear', () => {
    const tokens = store()
    tokens.save('inv-secret')
    tokens.clear()
    expect(tokens.load()).toBeNull()
  })
})
