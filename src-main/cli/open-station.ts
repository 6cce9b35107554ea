/**
 * How the CLI opens and closes a Station: its log goes to `logs/` beside the database, never to stdout, which
 * carries the command's JSON.
 */
import { dirname, resolve } from 'node:path'
import { lazyFileLogger, logsDir } from '../core/log/logger'
import { Station } from '../core/station'

export function openCliStation(dbPath: string): Station {
  const logger = dbPath === ':memory:' ? undefined : lazyFileLogger({ dir: logsDir(dirname(resolve(dbPath))) })
  return Station.open({ dbPath, logger })
}

/** Closes the Station, then its log, so the last lines reach the file before the process exits. */
export async function closeCliStation(station: Station): Promise<void> {
  station.close()
  await station.logger.close()
}
