/** Station facts and settings. */
import { z } from 'zod'
import type { StationInfo } from '../domain'
import { settingSchemas, type SettingsValues } from '../settings'
import { returns, type MethodSpec } from './define'

export const settingsMethods = {
  /** Station facts for the status bar. */
  info: { input: z.strictObject({}), output: returns<StationInfo>() },
  /** All settings with their current values. */
  getSettings: { input: z.strictObject({}), output: returns<SettingsValues>() },
  /**
   * Change some settings (admin only). Switching the history off, or capping it below the rows it holds, deletes
   * or stops records: refused unless `confirm` says the person was asked.
   */
  setSettings: {
    input: z.strictObject({ ...settingSchemas, confirm: z.literal(true) }).partial(),
    output: returns<SettingsValues>(),
  },
} satisfies Record<string, MethodSpec>
