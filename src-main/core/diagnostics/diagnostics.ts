/**
 * "Export diagnostics": one zip for a bug report, holding the station's log files, its settings and the database's
 * integrity report. Secrets are not in it: the InvenTree token never enters the settings or the log (it lives in
 * safeStorage or a file of its own), and the web host's token is redacted by the logger.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { strToU8, zipSync, type Zippable } from 'fflate'
import type { SettingsValues } from '../../contract'
import type { Db } from '../db/connection'

/** A log file larger than this goes in by its newest part: a report needs the latest lines, not megabytes. */
const MAX_LOG_BYTES = 8 * 1024 * 1024

export interface DiagnosticsInput {
  db: Db
  logsDir: string
  settings: SettingsValues
  /** What the station says of itself (version, database path, migration version), for the report's summary. */
  about: Record<string, unknown>
}

/** SQLite's full integrity check and the schema version: "ok" when the file is sound. */
export function integrityReport(db: Db): { ok: boolean; userVersion: number; lines: string[] } {
  const rows = db.pragma('integrity_check(100)') as Record<string, string>[]
  const lines = rows.map((row) => String(Object.values(row)[0] ?? ''))
  const userVersion = db.pragma('user_version', { simple: true }) as number
  return { ok: lines.length === 1 && lines[0] === 'ok', userVersion, lines }
}

function logFiles(dir: string): Zippable {
  if (!existsSync(dir)) return {}
  const files: Zippable = {}
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name)
    if (!statSync(path).isFile()) continue
    const bytes = readFileSync(path)
    files[`logs/${name}`] = bytes.length > MAX_LOG_BYTES ? bytes.subarray(bytes.length - MAX_LOG_BYTES) : bytes
  }
  return files
}

/** The zip's bytes and the names of the files in it. */
export function diagnosticsZip(input: DiagnosticsInput): { zip: Uint8Array; files: string[] } {
  const json = (value: unknown) => strToU8(`${JSON.stringify(value, null, 2)}\n`)
  const entries: Zippable = {
    'about.json': json({ ...input.about, exportedAt: new Date().toISOString() }),
    'settings.json': json(input.settings),
    'integrity.json': json(integrityReport(input.db)),
    ...logFiles(input.logsDir),
  }
  return { zip: zipSync(entries, { level: 6 }), files: Object.keys(entries) }
}
