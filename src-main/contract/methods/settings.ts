/** Station facts and settings. */
import { z } from 'zod'
import type { StationInfo } from '../domain'
import { settingSchemas, type SettingsValues } from '../settings'
import { returns, type MethodSpec } from './define'

/**
 * Every key may be left out, but one that is sent must carry a value: Electron's structured clone keeps a key set
 * to `undefined`, and "set this setting to nothing" is not a change the station can make.
 */
function exactlyOptional<S extends Record<string, z.ZodType>>(
  schemas: S,
): { [K in keyof S]: z.ZodExactOptional<S[K]> } {
  return Object.fromEntries(Object.entries(schemas).map(([k, v]) => [k, v.exactOptional()])) as {
    [K in keyof S]: z.ZodExactOptional<S[K]>
  }
}

export const settingsMethods = {
  /** Station facts for the status bar. */
  info: { input: z.strictObject({}), output: returns<StationInfo>() },
  /**
   * Answer a new station's first-start question, once: the demo inventory, an empty station (its own inventory,
   * entered or imported), or a desk for an InvenTree server (connected next). Anyone at the desk may, as with the
   * first admin PIN: nothing is in the station yet.
   */
  chooseStart: {
    input: z.strictObject({ start: z.enum(['demo', 'empty', 'inventree']) }),
    output: returns<StationInfo>(),
  },
  /** All settings with their current values. */
  getSettings: { input: z.strictObject({}), output: returns<SettingsValues>() },
  /**
   * Change some settings (admin only). Switching the history off, or capping it below the rows it holds, deletes
   * or stops records: refused unless `confirm` says the person was asked.
   */
  setSettings: {
    input: z.strictObject({ ...exactlyOptional(settingSchemas), confirm: z.literal(true).exactOptional() }),
    output: returns<SettingsValues>(),
  },
} satisfies Record<string, MethodSpec>
