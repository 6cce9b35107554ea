import Database from 'better-sqlite3'
import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { seedDemo } from '../demo/seed'
import { Station } from '../station'
import { tempDbPath } from '../../tests/support/temp-db'
import { openDatabase } from './connection'
import { latestVersion, migrate, migrations, type Migration } from './migrate'

/** A database as the release before the session-kind rebuild left it, with sessions open at the desk. */
function databaseWithOpenSessions(path: string): void {
  const db = new Database(path)
  db.pragma('foreign_keys = ON')
  migrate(
    db,
    path,
    migrations.filter((m) => m.version <= 4),
  )
  seedDemo(db)
  const session = (kind: string, status: string, order: number | null): number =>
    Number(
      db
        .prepare('INSERT INTO scansession (kind, status, purchase_order_id, location_id) VALUES (?, ?, ?, 1)')
        .run(kind, status, order).lastInsertRowid,
    )
  const row = (sessionId: number, data: string, model: string, pk: number) =>
    db
      .prepare(
        "INSERT INTO scansessionrow (session_id, data, hash, model_type, pk, quantity, flag) VALUES (?, ?, ?, ?, ?, 2, 'ok')",
      )
      .run(sessionId, data, `hash-${data}`, model, pk)
  const scan = session('scan', 'open', null)
  row(scan, 'INV-SI1', 'stockitem', 1)
  row(scan, 'INV-SI2', 'stockitem', 2)
  session('scan', 'committed', null)
  row(session('receive', 'open', 1), 'bag label', 'supplierpart', 1)
  db.prepare("INSERT INTO stockaction (kind, session_id, summary) VALUES ('move', ?, 'Moved')").run(scan)
  db.close()
}

describe('migrations', () => {
  it('creates the schema with WAL and foreign keys on', () => {
    const db = openDatabase(tempDbPath())
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion())
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(() => db.prepare('INSERT INTO stockitem (part_id, quantity) VALUES (999, 1)').run()).toThrow(/FOREIGN KEY/)
  })

  it('backs the file up before migrating a database that holds data', () => {
    const path = tempDbPath()
    const db = openDatabase(path)
    db.prepare("INSERT INTO company (name) VALUES ('Acme')").run()
    const next: Migration[] = [
      { version: latestVersion() + 1, name: 'notes', sql: 'ALTER TABLE company ADD COLUMN notes TEXT' },
    ]
    const outcome = migrate(db, path, next)
    expect(outcome.backup).toMatch(/[/\\]backups[/\\][^/\\]+-migration\.db$/)
    const backup = new Database(outcome.backup!, { readonly: true })
    expect(backup.prepare('SELECT name FROM company').all()).toEqual([{ name: 'Acme' }])
    expect(existsSync(outcome.backup!)).toBe(true)
  })

  it('rolls a failing migration back whole and leaves the version where it was', () => {
    const path = tempDbPath()
    const db = openDatabase(path)
    const broken: Migration[] = [
      { version: latestVersion() + 1, name: 'broken', sql: 'CREATE TABLE half (x INT); SELECT * FROM no_such_table;' },
    ]
    expect(() => migrate(db, path, broken)).toThrow(/no such table/)
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion())
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half'").get()).toEqual({ n: 0 })
  })

  it('rebuilds the session table without its kind check, keeping open sessions, their rows and references', () => {
    const path = tempDbPath()
    databaseWithOpenSessions(path)
    const station = Station.open({ dbPath: path })
    const scan = station.sessionCurrent({ kind: 'scan' })!
    expect(scan.rows.map((r) => [r.data, r.pk])).toEqual([
      ['INV-SI1', 1],
      ['INV-SI2', 2],
    ])
    expect(scan.location?.pk).toBe(1)
    const receipt = station.sessionCurrent({ kind: 'receive' })!
    expect(receipt.purchaseOrder?.pk).toBe(1)
    expect(receipt.rows).toHaveLength(1)
    station.close()

    const db = openDatabase(path)
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion())
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.prepare("SELECT count(*) AS n FROM scansession WHERE status = 'committed'").get()).toEqual({ n: 1 })
    expect(db.prepare('SELECT session_id FROM stockaction').get()).toEqual({ session_id: scan.id })
    expect(db.pragma('foreign_key_check')).toEqual([])
    // A kind the schema used to refuse is stored (the code checks kinds now), but one open session per kind holds.
    db.prepare("INSERT INTO scansession (kind) VALUES ('putaway')").run()
    expect(() => db.prepare("INSERT INTO scansession (kind) VALUES ('scan')").run()).toThrow(/UNIQUE/)
    // Rows still follow their session.
    db.prepare('DELETE FROM scansession WHERE id = ?').run(scan.id)
    expect(db.prepare('SELECT count(*) AS n FROM scansessionrow WHERE session_id = ?').get(scan.id)).toEqual({ n: 0 })
    expect(db.prepare('SELECT session_id FROM stockaction').get()).toEqual({ session_id: null })
  })
})
