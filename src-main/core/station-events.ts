/**
 * The Station's events for its hosts to push on to the page: device scans and status, dropped scans, and a
 * settings change, sent once per update however many keys it wrote. An event with a `to` caller is for that
 * window or connection only (a job's progress); the hosts drop it for every other page.
 */
import type { EventName, EventPayloads } from '../contract'
import type { CallerId } from './operators/caller'
import type { Settings } from './settings'

export type StationListener = <E extends EventName>(event: E, payload: EventPayloads[E], to?: CallerId) => void

export class StationEvents {
  private readonly listeners = new Set<StationListener>()

  /** Sends `settingsChanged` with every value after each update of these settings; returns the unwatch. */
  watch(settings: Settings): () => void {
    let pending = false
    return settings.onChange(() => {
      // One update of several keys is one event, sent once they are all written.
      if (pending) return
      pending = true
      queueMicrotask(() => {
        pending = false
        // Nobody listens once the station is closed, and its database may be gone by then.
        if (this.listeners.size > 0) this.emit('settingsChanged', settings.all())
      })
    })
  }

  on(listener: StationListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  readonly emit = <E extends EventName>(event: E, payload: EventPayloads[E], to?: CallerId): void => {
    for (const listener of this.listeners) listener(event, payload, to)
  }

  clear(): void {
    this.listeners.clear()
  }
}
