import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import type { RestoreResult, StationHealth } from '../../../src-main/contract'
import { call, onStationEvent, onStationTrouble } from '../api/station'

/**
 * Whether the station can use its database, for the banner: its health (a damaged file, one from a newer station,
 * a read-only or full disk at start, with the newest good backup) as main reports it, and the last write that
 * failed (a disk that filled up), cleared by the next scan that goes through.
 */
export const useHealthStore = defineStore('health', () => {
  const health = shallowRef<StationHealth | null>(null)
  /** The reason the last write failed while the station is otherwise available. */
  const writeFailure = shallowRef<string | null>(null)
  let following = false

  async function load(): Promise<void> {
    follow()
    health.value = await call('stationHealth', {})
  }

  function follow(): void {
    if (following) return
    following = true
    onStationEvent('stationHealth', (next) => {
      health.value = next
      if (next.available) writeFailure.value = null
    })
    onStationTrouble((method, error) => {
      if (error?.code === 'storage') writeFailure.value = error.message
      else if (error?.code === 'unavailable') void load()
      else if (method === 'scan') writeFailure.value = null
    })
  }

  /** Restores a backup (the newest good one without a name) and takes main's new health. */
  async function restore(file?: string): Promise<RestoreResult> {
    const result = await call('restoreBackup', file === undefined ? {} : { file })
    health.value = result.health
    writeFailure.value = null
    return result
  }

  return { health, writeFailure, load, follow, restore }
})
