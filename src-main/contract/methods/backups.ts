/** The station's health and its database backups: answered even when the database cannot be used. */
import { z } from 'zod'
import type { BackupInfo, RestoreResult, StationHealth } from '../domain'
import { returns, type MethodSpec } from './define'

/** A file in the backups folder, by name only: a caller never names a path outside it. */
export const BackupFileSchema = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*\.db$/, 'a backup file name from the backups list')

export const backupMethods = {
  /** Whether the station can use its database, and if not why, with the newest good backup. */
  stationHealth: { input: z.strictObject({}), output: returns<StationHealth>() },
  /** The backups kept beside the database, newest first. */
  backups: { input: z.strictObject({}), output: returns<BackupInfo[]>() },
  /** Copy the database into the backups folder now (admin only). */
  backupNow: { input: z.strictObject({}), output: returns<BackupInfo>() },
  /**
   * Put a backup (default: the newest good one) in place of the database, after checking it; the replaced file is
   * kept aside. Admin only while the station is available; while it is not, anyone at the desk may, as nothing
   * else works and nothing is lost.
   */
  restoreBackup: {
    input: z.strictObject({ file: BackupFileSchema.optional() }),
    output: returns<RestoreResult>(),
  },
  /**
   * A zip for a bug report (admin only): the log files, the settings (they hold no secrets) and the database's
   * integrity report.
   */
  diagnosticsExport: {
    input: z.strictObject({}),
    output: returns<{ zipBase64: string; fileName: string; files: string[] }>(),
  },
} satisfies Record<string, MethodSpec>
