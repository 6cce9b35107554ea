import type { Operator } from '../../contract'
import type { Db } from '../../core/db/connection'
import { DEMO_ADMIN_PIN } from '../../core/demo/demo-data'
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

/**
 * Signs in the admin with the demo's documented PIN; on a station without the demo (whose first start would ask
 * for the admin PIN) the same PIN is set first.
 */
export async function signInAdmin(station: Station): Promise<Operator> {
  if (!station.info().adminPinSet) {
    const admin = station.operators().find((op) => op.role === 'admin')
    if (!admin) throw new Error('signInAdmin: this station has no admin')
    await station.setPin({ operatorId: admin.id, pin: DEMO_ADMIN_PIN })
  }
  return station.signIn({ badge: DEMO_ADMIN_BADGE, pin: DEMO_ADMIN_PIN })
}

export const DEMO_ADMIN_BADGE = 'OP-9000'

/** Changes settings as an admin would: signs in the demo admin, then gives the station back to whoever had it. */
export async function setSettingsAsAdmin(
  station: Station,
  values: Parameters<Station['setSettings']>[0],
): Promise<void> {
  const before = station.info().operator
  await signInAdmin(station)
  try {
    station.setSettings(values)
  } finally {
    if (before) await station.signIn({ operatorId: before.id })
    else station.signOut()
  }
}
