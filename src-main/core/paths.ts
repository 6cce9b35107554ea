/**
 * Where the station keeps its database when no path is given: the same folder Electron's `app.getPath('userData')`
 * names for an app called "Scan Station", so the CLI and the desktop app share one inventory by default.
 */
import { homedir } from 'node:os'
import { join } from 'node:path'

export const APP_NAME = 'Scan Station'
export const DATABASE_FILE = 'station.db'

export function userDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME)
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME)
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME)
}

export const defaultDatabasePath = (): string => join(userDataDir(), DATABASE_FILE)
