/**
 * How the CLI opens and closes a Station: its log goes to `logs/` beside the database, never to stdout, which
 * carries the command's JSON. A database the station cannot use ends the command with the reason (the file, the
 * cause, the newest good backup) before anything is answered from it.
 */
import { dirname, resolve } from 'node:path'
import { lazyFileLogger, logsDir } from '../core/log/logger'
import { Station } from '../core/station'

export class StationUnavailable extends Error {}

export function openCliStation(dbPath: string): Station {
  const logger = dbPath === ':memory:' ? undefined : lazyFileLogger({ dir: logsDir(dirname(resolve(dbPath))) })
  const station = Station.open({ dbPath, logger, dailyBackups: true })
  const health = station.stationHealth()
  if (!health.available) {
    station.close()
    throw new StationUnavailable(health.problem.message)
  }
  return station
}

/** Waits for a backup under way, closes the Station, then its log, so the last lines reach the file. */
export async function closeCliStation(station: Station): Promise<void> {
  await station.settled()
  station.close()
  await station.logger.close()
}
