import type { SettingKey, SettingsValues } from '../../../src-main/contract'

/**
 * The settings the settings form edits: InvenTree's barcode panel, the station's barcode forms, sign-in security,
 * the company each supplier plugin matches, the database backups and the desk (its name, desk mode, start at login). The plugin list writes `plugins.*`; scanner and feedback settings belong to the
 * scanner pages.
 */
export type FormKey = Extract<
  SettingKey,
  | 'barcode.enabled'
  | 'barcode.inputDelay'
  | 'barcode.webcam'
  | 'barcode.showText'
  | 'barcode.generationPlugin'
  | 'barcode.prefix'
  | 'barcode.form'
  | 'history.store'
  | 'history.maxResults'
  | 'history.exportBy'
  | 'security.operatorPins'
  | 'security.adminIdleMinutes'
  | 'suppliers.companies'
  | 'backup.daily'
  | 'backup.keep'
  | 'desk.name'
  | 'desk.location'
  | 'desk.kiosk'
  | 'desk.startAtLogin'
  | 'update.enabled'
  | 'update.feedUrl'
>
export type FormValues = Pick<SettingsValues, FormKey>

export const formKeys: FormKey[] = [
  'barcode.enabled',
  'barcode.inputDelay',
  'barcode.webcam',
  'barcode.showText',
  'barcode.generationPlugin',
  'barcode.prefix',
  'barcode.form',
  'history.store',
  'history.maxResults',
  'history.exportBy',
  'security.operatorPins',
  'security.adminIdleMinutes',
  'suppliers.companies',
  'backup.daily',
  'backup.keep',
  'desk.name',
  'desk.location',
  'desk.kiosk',
  'desk.startAtLogin',
  'update.enabled',
  'update.feedUrl',
]

/** The form's values, with its own copy of the supplier companies so editing them changes nothing else. */
export function pickForm(values: SettingsValues): FormValues {
  const form = Object.fromEntries(formKeys.map((k) => [k, values[k]])) as FormValues
  form['suppliers.companies'] = { ...values['suppliers.companies'] }
  return form
}

/** Whether a form value differs from what main holds; a supplier without a company equals one set to 0 (by name). */
export function sameSetting<K extends FormKey>(key: K, a: FormValues[K], b: FormValues[K]): boolean {
  if (key !== 'suppliers.companies') return a === b
  const x = a as FormValues['suppliers.companies']
  const y = b as FormValues['suppliers.companies']
  return [...new Set([...Object.keys(x), ...Object.keys(y)])].every((plugin) => (x[plugin] || 0) === (y[plugin] || 0))
}

const isInt = (v: unknown, min: number, max: number): boolean =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max

/**
 * The contract's limits (settingSchemas in src-main/contract/settings.ts), checked before sending so the message can say it
 * in words; main checks again and its answer wins.
 */
export function checkSetting(key: FormKey, value: unknown): string | null {
  switch (key) {
    case 'barcode.inputDelay':
      return isInt(value, 5, 500) ? null : 'A whole number of milliseconds from 5 to 500.'
    case 'history.maxResults':
      return isInt(value, 0, 1_000_000_000) ? null : 'A whole number from 0 (keep all) to 1,000,000,000.'
    case 'security.adminIdleMinutes':
      return isInt(value, 0, 720) ? null : 'A whole number of minutes from 0 (never) to 720.'
    case 'backup.keep':
      return isInt(value, 1, 365) ? null : 'A whole number of backups from 1 to 365.'
    case 'barcode.prefix':
      if (typeof value !== 'string' || value.length > 20) return 'At most 20 characters.'
      return /^[^\s{}"]*$/.test(value) ? null : 'No spaces, braces or quotes.'
    case 'suppliers.companies':
      return Object.values(value as Record<string, unknown>).every((id) => isInt(id, 0, Number.MAX_SAFE_INTEGER))
        ? null
        : 'A company id is a whole number; 0 finds the supplier by name.'
    case 'barcode.generationPlugin':
      return typeof value === 'string' && value.trim().length >= 1 && value.length <= 100
        ? null
        : 'Name the plugin (1 to 100 characters).'
    case 'update.feedUrl':
      return typeof value === 'string' && (value === '' || /^https:\/\/[^\s]+$/.test(value)) && value.length <= 500
        ? null
        : 'An https address (the folder holding latest.yml), or empty.'
    case 'desk.name':
      return typeof value === 'string' && value.trim().length >= 1 && value.length <= 60
        ? null
        : 'Name the desk (1 to 60 characters).'
    default:
      return null
  }
}

/**
 * Main answers a refused value with "Invalid argument for setSettings: <key>: <why>" (src-main/dispatch.ts);
 * this finds the key so the message can be shown next to its field.
 */
export function errorKey(message: string): { key: FormKey; why: string } | null {
  const m = /^Invalid argument for setSettings: ([\w.]+): (.*)$/s.exec(message)
  const key = m?.[1] as FormKey | undefined
  return key && formKeys.includes(key) ? { key, why: m![2]! } : null
}
