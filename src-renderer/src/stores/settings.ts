import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import type { MethodInput, SettingsValues } from '../../../src-main/contract'
import { call, onStationEvent } from '../api/station'

/**
 * The station's settings as the whole UI reads and writes them: loaded once, replaced by every save and by every
 * change main announces (another window or web page saving), so a switch takes effect everywhere without a reload.
 */
export const useSettingsStore = defineStore('settings', () => {
  const values = shallowRef<SettingsValues | null>(null)
  /** True once the first load answered (or failed: the UI then goes by the defaults). */
  const loaded = shallowRef(false)
  /** Why the last load failed; null once settings are known. */
  const loadError = shallowRef<Error | null>(null)
  let loading: Promise<void> | null = null
  let stopFollowing: (() => void) | null = null

  function replace(next: SettingsValues): void {
    values.value = next
    loadError.value = null
    loaded.value = true
  }

  /** Follows main's announcements (safe to call twice). */
  function follow(): void {
    stopFollowing ??= onStationEvent('settingsChanged', replace)
  }

  /** Loads the settings unless they are known; a failed load is tried again by the next call. */
  function load(): Promise<void> {
    follow()
    if (values.value) return Promise.resolve()
    loading ??= call('getSettings', {})
      .then(replace, (e: unknown) => {
        // Settings are advisory for most of the UI: without them it shows everything, as the defaults do.
        loadError.value = e instanceof Error ? e : new Error(String(e))
        loaded.value = true
      })
      .finally(() => (loading = null))
    return loading
  }

  /** Writes some settings (main checks them and the operator's rights) and takes main's answer as the new state. */
  async function save(changes: MethodInput<'setSettings'>): Promise<SettingsValues> {
    const next = await call('setSettings', changes)
    replace(next)
    return next
  }

  /** A setting's value, or `fallback` until the settings have loaded. */
  function get<K extends keyof SettingsValues>(key: K, fallback: SettingsValues[K]): SettingsValues[K] {
    return values.value ? values.value[key] : fallback
  }

  return { values, loaded, loadError, load, save, get, follow }
})
