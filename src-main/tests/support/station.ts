import type { Db } from '../../core/db/connection'
import { openStationDatabase, Station, type StationOptions } from '../../core/station'

const databases = new WeakMap<Station, Db>()

/**
 * Opens a Station as `Station.open` does and keeps its database connection for the test, which checks rows the
 * Station's methods do not return (tracking, raw tables). Production code never sees the Station's database.
 */
export function openTestStation(options: StationOptions): Station {
  const db = openStationDatabase(options)
  const station = new Station(db, options)
  if (options.startUserPlugins ?? true) station.startUserPlugins()
  databases.set(station, db)
  return station
}

export function dbOf(station: Station): Db {
  const db = databases.get(station)
  if (!db) throw new Error('dbOf: this Station was not opened by openTestStation')
  return db
}

/** Changes settings as an admin would: signs in the demo admin, then gives the station back to whoever had it. */
export function setSettingsAsAdmin(station: Station, values: Parameters<Station['setSettings']>[0]): void {
  const before = station.info().operator
  station.signIn({ badge: 'OP-9000' })
  try {
    station.setSettings(values)
  } finally {
    if (before) station.signIn({ operatorId: before.id })
    else station.signOut()
  }
}
