import Database from 'better-sqlite3'
import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { tempDbPath } from '../test-support/temp-db'
import { openDatabase } from './connection'
import { latestVersion, migrate, type Migration } from './migrate'

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
    expect(outcome.backup).toBe(`${path}.v${latestVersion()}.bak`)
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
})
