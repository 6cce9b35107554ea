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
  /** Change some settings (admin only). */
  setSettings: { input: z.strictObject(settingSchemas).partial(), output: returns<SettingsValues>() },
} satisfies Record<string, MethodSpec>
