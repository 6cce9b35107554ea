import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import type { SettingsValues } from '../../../src-main/contract'
import { call } from '../api/station'

/**
 * The station's settings as the whole UI reads them (webcam offered, barcode text shown…). Loaded once at start
 * and replaced whenever the settings page saves, so a switch takes effect everywhere without a reload.
 */
export const useSettingsStore = defineStore('settings', () => {
  const values = shallowRef<SettingsValues | null>(null)
  /** True once the first load answered (or failed: the UI then goes by the defaults). */
  const loaded = shallowRef(false)

  async function load(): Promise<void> {
    try {
      values.value = await call('getSettings', {})
    } catch {
      // Settings are advisory for the UI: without them it shows everything, as the defaults do.
    } finally {
      loaded.value = true
    }
  }

  function replace(next: SettingsValues): void {
    values.value = next
    loaded.value = true
  }

  /** A setting's value, or `fallback` until the settings have loaded. */
  function get<K extends keyof SettingsValues>(key: K, fallback: SettingsValues[K]): SettingsValues[K] {
    return values.value ? values.value[key] : fallback
  }

  return { values, loaded, load, replace, get }
})
