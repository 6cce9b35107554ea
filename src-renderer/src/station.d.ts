import type { StationApi } from '../../src-main/contract'

declare global {
  interface Window {
    /** Defined before the app starts: by the preload under Electron, by the bridge script under the web host. */
    station: StationApi
  }
}

export {}
