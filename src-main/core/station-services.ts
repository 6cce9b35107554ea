/**
 * The Station as two host services: its database (opened first, closed last) and its user plugin workers
 * (optional: a plugin folder that fails to load leaves the built-in plugins working).
 */
import type { Service } from './services'
import { Station, type StationOptions } from './station'

export class StationServices {
  private opened: Station | null = null

  constructor(private readonly options: StationOptions) {}

  /** The open Station; only between the database service's boot and its shutdown. */
  get station(): Station {
    if (!this.opened) throw new Error('The station database is not open')
    return this.opened
  }

  get services(): Service[] {
    return [
      {
        name: 'station database',
        boot: () => {
          this.opened = Station.open({ dailyBackups: true, ...this.options, startUserPlugins: false })
        },
        shutdown: () => {
          const station = this.opened
          this.opened = null
          station?.close()
        },
      },
      {
        name: 'user plugins',
        optional: true,
        boot: () => this.station.startUserPlugins(),
        shutdown: () => this.opened?.stopUserPlugins(),
      },
    ]
  }
}
