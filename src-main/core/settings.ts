/**
 * Station settings: typed defaults in code, overrides in the `setting` table as JSON, each value checked against
 * the contract's schema on the way in and on the way out (a hand-edited row cannot break the station).
 */
import { hostname } from 'node:os'
import { settingSchemas, type SettingKey, type SettingsValues } from '../contract'
import type { Db } from './db/connection'
import { writeTransaction } from './db/write-transaction'

export const settingDefaults: SettingsValues = {
  'barcode.enabled': true,
  'barcode.inputDelay': 30,
  'barcode.webcam': true,
  'barcode.showText': true,
  'barcode.generationPlugin': 'InvenTreeBarcode',
  'barcode.prefix': 'INV-',
  'barcode.form': 'json',
  'history.store': true,
  'history.maxResults': 0,
  'history.exportBy': 'admin',
  'security.operatorPins': false,
  'security.adminIdleMinutes': 15,
  'plugins.disabled': [],
  'plugins.order': [],
  'suppliers.companies': {},
  'scanner.wedge.enabled': true,
  'scanner.wedge.preset': 'standard',
  'scanner.wedge.minLength': 5,
  'scanner.wedge.requireTerminator': false,
  'scanner.wedge.prefix': '',
  'scanner.wedge.suffix': '',
  'scanner.wedge.layout': 'us',
  'scanner.serial.enabled': false,
  'scanner.serial.path': '',
  'scanner.serial.baudRate': 9600,
  'scanner.serial.terminator': 'ANY',
  'scanner.hid.enabled': true,
  'backup.daily': true,
  'backup.keep': 7,
  'printer.desk': { kind: 'system', name: '' },
  'receiving.printOnCommit': false,
  'receiving.labelTemplate': '',
  'feedback.mute': false,
  'feedback.volume': 60,
  // The machine's name until the admin names the desk: two desks are told apart from the first scan on.
  'desk.name': hostname().trim().slice(0, 60) || 'desk',
  'desk.location': 0,
  'desk.kiosk': false,
  'desk.startAtLogin': false,
  'update.enabled': false,
  'update.feedUrl': '',
}

export class Settings {
  private cache = new Map<SettingKey, unknown>()
  private readonly select
  private readonly upsert
  private readonly listeners = new Set<(key: SettingKey) => void>()

  constructor(private readonly db: Db) {
    this.select = db.prepare<[string], { value: string }>('SELECT value FROM setting WHERE key = ?')
    this.upsert = db.prepare(
      'INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    )
  }

  get<K extends SettingKey>(key: K): SettingsValues[K] {
    if (this.cache.has(key)) return this.cache.get(key) as SettingsValues[K]
    const row = this.select.get(key)
    let value: SettingsValues[K] = settingDefaults[key]
    if (row) {
      const parsed = settingSchemas[key].safeParse(safeJson(row.value))
      if (parsed.success) value = parsed.data as SettingsValues[K]
    }
    this.cache.set(key, value)
    return value
  }

  all(): SettingsValues {
    return Object.fromEntries(
      (Object.keys(settingDefaults) as SettingKey[]).map((k) => [k, this.get(k)]),
    ) as SettingsValues
  }

  set<K extends SettingKey>(key: K, value: SettingsValues[K]): void {
    this.update({ [key]: value })
  }

  /** Several settings at once, all or none. */
  update(values: Partial<SettingsValues>): void {
    const keys = Object.keys(values) as SettingKey[]
    // Check every value before writing any, so a bad one leaves all settings (and the cache) as they were.
    const checked = keys.map((key) => [key, settingSchemas[key].parse(values[key])] as const)
    writeTransaction(this.db, () => {
      for (const [key, value] of checked) this.upsert.run(key, JSON.stringify(value))
    })
    for (const [key, value] of checked) {
      this.cache.set(key, value)
      for (const listener of this.listeners) listener(key)
    }
  }

  onChange(listener: (key: SettingKey) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
