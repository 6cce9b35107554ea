import Database from 'better-sqlite3'
import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ScanResult, StationHealth } from '../../contract'
import { dispatch } from '../../dispatch'
import { damageMiddle } from '../../tests/support/damage'
import { signInAdmin } from '../../tests/support/station'
import { tempDbPath } from '../../tests/support/temp-db'
import { silentLogger } from '../log/logger'
import { Station } from '../station'
import { listBackups } from './backups'
import { openCheckedDatabase } from './checked-open'
import { latestVersion } from './migrate'

const open = (dbPath: string): Station => Station.open({ dbPath, logger: silentLogger, startUserPlugins: false })

/** A demo station with one manual backup, closed, and its file then damaged in the middle. */
async function damagedStation(): Promise<{ dbPath: string; backup: string }> {
  const dbPath = tempDbPath()
  const station = open(dbPath)
  await signInAdmin(station)
  const backup = await station.backupNow()
  station.close()
  damageMiddle(dbPath)
  return { dbPath, backup: backup.path }
}

const scanRows = (path: string): number =>
  (new Database(path, { readonly: true }).prepare('SELECT count(*) AS n FROM scan').get() as { n: number }).n

describe('a damaged database', () => {
  it('is refused at start with the damage and the newest good backup named; nothing is answered from it', async () => {
    const { dbPath, backup } = await damagedStation()
    const station = open(dbPath)
    const health = (await dispatch(station, 'stationHealth', {})) as { ok: true; value: StationHealth }
    expect(health.value.available).toBe(false)
    if (health.value.available) return
    expect(health.value.problem.kind).toBe('damaged')
    expect(health.value.problem.message).toContain(`The database ${dbPath} is damaged`)
    expect(health.value.problem.message).toContain(backup)
    expect(health.value.problem.newestGoodBackup?.path).toBe(backup)

    const scan = await dispatch(station, 'scan', { data: '{"stockitem": 1}', source: 'manual' })
    expect(scan).toEqual({ ok: false, error: { code: 'unavailable', message: health.value.problem.message } })
    expect((await dispatch(station, 'getSettings', {})).ok).toBe(false)
    expect((await dispatch(station, 'backups', {})).ok).toBe(true)

    // Restoring while nothing else works needs no sign-in (none could be checked); the damaged file is kept.
    const restored = await dispatch(station, 'restoreBackup', {})
    expect(restored.ok).toBe(true)
    const keptAside = readdirSync(dirname(dbPath)).filter((f) => f.startsWith('station.db.damaged-'))
    expect(keptAside).toHaveLength(1)
    expect(station.stationHealth()).toEqual({ available: true, database: dbPath })
    const again = (await dispatch(station, 'scan', { data: '{"stockitem": 1}', source: 'manual' })) as {
      ok: true
      value: ScanResult
    }
    expect(again.value).toMatchObject({ outcome: 'matched', stockitem: { pk: 1 } })
    station.close()
    // The refused scan left no row anywhere: the restored file holds only the scan after the restore.
    expect(scanRows(dbPath)).toBe(1)
  })

  it('runs the full integrity check after an unclean shutdown, the quick one after a clean close', () => {
    const dbPath = tempDbPath()
    open(dbPath).close()
    expect(readdirSync(dirname(dbPath)).filter((f) => f.includes('.open-'))).toEqual([])
    const clean = openCheckedDatabase(dbPath)
    expect(clean.check).toBe('quick')
    clean.db.close()
    clean.release()
    // A marker left by a process that no longer runs is what a crash leaves behind.
    const crashed = `${dbPath}.open-999999999-1`
    writeFileSync(crashed, '')
    const after = openCheckedDatabase(dbPath)
    expect(after.check).toBe('full')
    expect(existsSync(crashed)).toBe(false)
    after.db.close()
    after.release()
  })

  it('keeps a restore admin-only while the station works, and refuses a backup that fails its check', async () => {
    const dbPath = tempDbPath()
    const station = open(dbPath)
    await signInAdmin(station)
    const good = await station.backupNow()
    station.signOut()
    const refused = await dispatch(station, 'restoreBackup', { file: good.file })
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    await signInAdmin(station)
    damageMiddle(good.path)
    const bad = await dispatch(station, 'restoreBackup', { file: good.file })
    expect(bad).toMatchObject({ ok: false, error: { code: 'conflict' } })
    if (!bad.ok) expect(bad.error.message).toContain('failed its check, so it was not restored')
    expect(station.stationHealth().available).toBe(true)
    // Only names from the backups list cross the contract, never a path.
    expect(await dispatch(station, 'restoreBackup', { file: '../station.db' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument' },
    })
    station.close()
  })

  it('keeps the newest backups up to the backup.keep setting', async () => {
    const dbPath = tempDbPath()
    const station = open(dbPath)
    await signInAdmin(station)
    station.setSettings({ 'backup.keep': 2 })
    const made = []
    for (let i = 0; i < 3; i++) made.push(await station.backupNow())
    expect(listBackups(dbPath).map((b) => b.file)).toEqual([made[2]!.file, made[1]!.file])
    station.close()
  })
})

describe('a database from a newer station', () => {
  it('is refused with both version numbers, before anything touches it', async () => {
    const dbPath = tempDbPath()
    open(dbPath).close()
    const raw = new Database(dbPath)
    raw.pragma(`user_version = ${latestVersion() + 3}`)
    raw.close()
    const station = open(dbPath)
    const reply = await dispatch(station, 'scan', { data: 'INV-SL1', source: 'manual' })
    expect(reply).toMatchObject({ ok: false, error: { code: 'unavailable' } })
    if (!reply.ok)
      expect(reply.error.message).toContain(
        `is from a newer version of the station (schema version ${latestVersion() + 3}; this station knows up to ${latestVersion()})`,
      )
    station.close()
    expect(new Database(dbPath).pragma('user_version', { simple: true })).toBe(latestVersion() + 3)
  })
})
