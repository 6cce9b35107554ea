/**
 * "Export diagnostics": the admin gets one zip with the log files, the settings and the database's integrity
 * report; nobody else gets it, and the InvenTree token beside the database stays out of it.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { tempDbPath } from '../../tests/support/temp-db'
import { openTestStation, setSettingsAsAdmin, signInAdmin } from '../../tests/support/station'

describe('export diagnostics', () => {
  it('zips the logs, the settings and the integrity report, for the admin only', async () => {
    const dbPath = tempDbPath()
    const station = openTestStation({ dbPath })
    const logs = join(dirname(dbPath), 'logs')
    mkdirSync(logs, { recursive: true })
    writeFileSync(join(logs, 'station.log'), '{"msg":"scan resolved"}\n')
    writeFileSync(join(logs, '20261202-0000-01-station.log'), '{"msg":"older"}\n')
    writeFileSync(`${dbPath}.inventree-token`, 'SECRET-TOKEN-123')
    await setSettingsAsAdmin(station, { 'desk.name': 'Dock A' })

    expect(() => station.diagnosticsExport()).toThrow(/Only an admin may export diagnostics/)
    await signInAdmin(station)
    const exported = station.diagnosticsExport()
    expect(exported.fileName).toMatch(/^scan-station-diagnostics-.*\.zip$/)
    const zip = Buffer.from(exported.zipBase64, 'base64')
    const files = unzipSync(zip)
    expect(Object.keys(files).sort()).toEqual(
      ['about.json', 'integrity.json', 'logs/20261202-0000-01-station.log', 'logs/station.log', 'settings.json'].sort(),
    )
    expect(exported.files.sort()).toEqual(Object.keys(files).sort())
    expect(strFromU8(files['logs/station.log']!)).toBe('{"msg":"scan resolved"}\n')
    expect(JSON.parse(strFromU8(files['settings.json']!))).toMatchObject({ 'desk.name': 'Dock A' })
    const integrity = JSON.parse(strFromU8(files['integrity.json']!))
    expect(integrity).toMatchObject({ ok: true, lines: ['ok'] })
    expect(integrity.userVersion).toBeGreaterThanOrEqual(12)
    expect(JSON.parse(strFromU8(files['about.json']!))).toMatchObject({ database: dbPath })
    for (const file of Object.values(files)) expect(strFromU8(file)).not.toContain('SECRET-TOKEN-123')
  })
})
