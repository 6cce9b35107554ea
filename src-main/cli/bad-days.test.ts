import Database from 'better-sqlite3'
import { spawn, spawnSync } from 'node:child_process'
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { latestVersion } from '../core/db/migrate'
import { damageMiddle } from '../tests/support/damage'
import { tempDbPath } from '../tests/support/temp-db'

const TSX = 'node_modules/.bin/tsx'
const cli = (args: string[], options: { input?: string; asNobody?: boolean } = {}) => {
  const command = options.asNobody ? 'setpriv' : TSX
  const prefix = options.asNobody
    ? ['--reuid=nobody', '--regid=nogroup', '--clear-groups', 'env', 'HOME=/tmp', TSX]
    : []
  const r = spawnSync(command, [...prefix, 'src-main/cli/main.ts', ...args], {
    input: options.input,
    encoding: 'utf8',
  })
  return { code: r.status, out: r.stdout, err: r.stderr }
}

const isRoot = process.getuid?.() === 0
const hasSetpriv = spawnSync('setpriv', ['--version']).status === 0

// Each case spawns the CLI several times; on a loaded machine one spawn takes seconds.
describe('cli on a bad day', { timeout: 120_000 }, () => {
  it('refuses a damaged database (exit 2, naming the damage and the backup), and restore brings the backup back', () => {
    const db = tempDbPath()
    expect(cli(['seed', '--db', db]).code).toBe(0)
    const made = JSON.parse(cli(['backup', '--db', db]).out) as { path: string }
    damageMiddle(db)

    const refused = cli(['scan', '--db', db, '{"stockitem": 1}'])
    expect(refused.code).toBe(2)
    expect(refused.out).toBe('')
    expect(refused.err).toContain(`The database ${db} is damaged`)
    expect(refused.err).toContain(`The newest good backup is ${made.path}`)
    // A stream is refused whole: not one line is answered "No match" from the damaged file.
    const stream = cli(['scan', '--db', db, '-'], { input: '{"stockitem": 1}\nINV-SL1\n' })
    expect(stream.code).toBe(2)
    expect(stream.out).toBe('')

    const listed = JSON.parse(cli(['backups', '--db', db]).out) as { backups: { path: string; check: string }[] }
    expect(listed.backups).toEqual([expect.objectContaining({ path: made.path, check: 'ok' })])
    const restored = cli(['restore', '--db', db])
    expect(restored.code).toBe(0)
    const report = JSON.parse(restored.out) as { restored: string; keptAside: string[] }
    expect(report.restored).toBe(made.path)
    expect(report.keptAside[0]).toMatch(/station\.db\.damaged-\d{8}T\d{9}Z$/)
    expect(existsSync(report.keptAside[0]!)).toBe(true)

    const scan = cli(['scan', '--db', db, '{"stockitem": 1}'])
    expect(scan.code).toBe(0)
    expect(JSON.parse(scan.out)).toMatchObject({ stockitem: { pk: 1 } })
    const history = JSON.parse(cli(['history', '--db', db]).out) as { data: string; result: string }[]
    expect(history.map((h) => [h.data, h.result])).toEqual([['{"stockitem": 1}', 'match']])
  })

  it('refuses to restore a backup that fails its check, and leaves the database where it was', () => {
    const db = tempDbPath()
    cli(['seed', '--db', db])
    const made = JSON.parse(cli(['backup', '--db', db]).out) as { path: string }
    damageMiddle(made.path)
    const r = cli(['restore', '--db', db, made.path])
    expect(r.code).toBe(2)
    expect(r.err).toContain(`The backup ${made.path} failed its check, so it was not restored`)
    expect(cli(['scan', '--db', db, 'INV-SL1']).code).toBe(0)
  })

  it('refuses a database from a newer station with both version numbers', () => {
    const db = tempDbPath()
    cli(['seed', '--db', db])
    const raw = new Database(db)
    raw.pragma(`user_version = ${latestVersion() + 1}`)
    raw.close()
    const r = cli(['scan', '--db', db, 'INV-SL1'])
    expect(r.code).toBe(2)
    expect(r.err).toContain(
      `The database ${db} is from a newer version of the station (schema version ${latestVersion() + 1}; this station knows up to ${latestVersion()})`,
    )
    expect(r.err).not.toMatch(/no such column|\n\s+at /)
  })

  describe.skipIf(!isRoot || !hasSetpriv)('read-only (as user nobody; skipped unless root with setpriv)', () => {
    const folders: string[] = []
    afterEach(() => {
      for (const f of folders.splice(0)) {
        chmodSync(f, 0o755)
        rmSync(f, { recursive: true, force: true })
      }
    })
    const seeded = (): { dir: string; db: string } => {
      const dir = mkdtempSync(join(tmpdir(), 'scan-station-ro-'))
      folders.push(dir)
      const db = join(dir, 'station.db')
      cli(['seed', '--db', db])
      for (const f of [dir, db]) chownSync(f, 65534, 65534)
      return { dir, db }
    }

    it('names a read-only file', () => {
      const { db } = seeded()
      chmodSync(db, 0o444)
      const r = cli(['scan', '--db', db, 'INV-SL1'], { asNobody: true })
      expect(r.code).toBe(2)
      expect(r.err).toContain(`Cannot write to ${db}: the file is read-only`)
      expect(r.err).not.toMatch(/\n\s+at /)
    })

    it('names a read-only folder', () => {
      const { dir, db } = seeded()
      chmodSync(dir, 0o555)
      const r = cli(['scan', '--db', db, 'INV-SL1'], { asNobody: true })
      expect(r.code).toBe(2)
      expect(r.err).toContain(`Cannot write to ${db}: its folder ${dir} is read-only`)
      expect(r.err).not.toMatch(/\n\s+at /)
    })
  })
})

/** A 3 MB tmpfs at a new folder, when this process may mount one (root in a container that allows it). */
function mountSmallDisk(): string | null {
  if (!isRoot) return null
  const dir = mkdtempSync(join(tmpdir(), 'scan-station-full-'))
  if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', dir]).status !== 0) {
    rmSync(dir, { recursive: true, force: true })
    return null
  }
  return dir
}

function unmount(dir: string): void {
  spawnSync('umount', [dir])
  rmSync(dir, { recursive: true, force: true })
}

const probe = mountSmallDisk()
if (probe) unmount(probe)
else console.log('full-disk test skipped: cannot mount a tmpfs here (needs root and mount permission)')

describe.skipIf(!probe)('cli on a full disk (a small tmpfs)', { timeout: 120_000 }, () => {
  let disk = ''
  beforeEach(() => {
    disk = mountSmallDisk()!
  })
  afterEach(() => unmount(disk))

  it('keeps answering a scan - stream with the reason per line while the disk is full, and recovers', async () => {
    const db = join(disk, 'station.db')
    expect(spawnSync(TSX, ['src-main/cli/main.ts', 'seed', '--db', db]).status).toBe(0)
    mkdirSync(join(disk, 'backups'), { recursive: true })
    const child = spawn(TSX, ['src-main/cli/main.ts', 'scan', '--db', db, '-'], { stdio: ['pipe', 'pipe', 'pipe'] })
    let stderr = ''
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c))
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]()
    const answer = async (data: string): Promise<Record<string, unknown>> => {
      child.stdin.write(`${data}\n`)
      const next = await lines.next()
      return JSON.parse(next.value as string) as Record<string, unknown>
    }
    expect(await answer('INV-SL1')).toMatchObject({ outcome: 'matched' })

    // Fill the disk to the last byte: the next scans cannot be logged, so they get the reason, not a result.
    const filler = join(disk, 'filler')
    spawnSync('dd', ['if=/dev/zero', `of=${filler}`, 'bs=4k'])
    spawnSync('dd', ['if=/dev/zero', `of=${filler}-tail`, 'bs=1'])
    const refusals = []
    for (let i = 0; i < 30; i++) refusals.push(await answer(`{"stockitem": ${i + 1}}`))
    const refused = refusals.filter((r) => r['code'] === 'storage')
    expect(refused.length).toBeGreaterThan(0)
    expect(refused[0]).toEqual({
      error: `Cannot write to ${db}: the disk is full. Free space on that disk; the station answers again as soon as there is room.`,
      code: 'storage',
      barcode_data: expect.stringMatching(/^\{"stockitem": \d+\}$/),
    })
    // No result was given for a scan that was not logged.
    expect(refusals.every((r) => r['code'] === 'storage' || typeof r['scan_id'] === 'number')).toBe(true)

    rmSync(filler)
    rmSync(`${filler}-tail`)
    expect(await answer('INV-SL2')).toMatchObject({ outcome: 'matched', stocklocation: { pk: 2 } })
    child.stdin.end()
    const code = await new Promise<number | null>((done) => child.once('exit', done))
    expect(code).toBe(2)
    expect(stderr).toContain(`scan: Cannot write to ${db}: the disk is full`)
    expect(stderr).toContain('scan: the station answers again')
  })
})
