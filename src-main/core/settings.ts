/**
 * Station settings: typed defaults in code, overrides in the `setting` table as JSON. Reading goes through a
 * small cache because the resolver asks for the prefix on every scan.
 */
import type { Db } from './db/connection'

export const settingDefaults = {
  /** Prefix of short-form internal barcodes (InvenTree's `INV-`). */
  'barcode.prefix': 'INV-',
  /** Which internal form labels and QR codes show. */
  'barcode.form': 'json' as 'json' | 'short',
}

export type SettingKey = keyof typeof settingDefaults
export type SettingValue<K extends SettingKey> = (typeof settingDefaults)[K]

export class Settings {
  private cache = new Map<SettingKey, unknown>()
  private readonly select
  private readonly upsert

  constructor(db: Db) {
    this.select = db.prepare<[string], { value: string }>('SELECT value FROM setting WHERE key = ?')
    this.upsert = db.prepare('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
  }

  get<K extends SettingKey>(key: K): SettingValue<K> {
    if (this.cache.has(key)) return this.cache.get(key) as SettingValue<K>
    const row = this.select.get(key)
    const value = row ? (JSON.parse(row.value) as SettingValue<K>) : settingDefaults[key]
    this.cache.set(key, value)
    return value
  }

  set<K extends SettingKey>(key: K, value: SettingValue<K>): void {
    this.upsert.run(key, JSON.stringify(value))
    this.cache.set(key, value)
  }
}
