/**
 * Station settings → ScannerHub options, and the one function every host (Electron main, the web host) calls to
 * run the scanner sources of a Station: `startScannerHub(station)`. Node-only, no Electron import.
 *
 * Mapping:
 *  - 'scanner.wedge.preset' picks WEDGE_PRESETS[preset] for the detector's timing checks (regularity, jitter, slow
 *    keys); 'barcode.inputDelay' is the longest gap between two keys of a scan (InvenTree's input delay, which
 *    here is actually read). The `slow` preset needs at least its own gap (120 ms) to see 80–100 ms scanners at
 *    all, so under `slow` the larger of the two applies.
 *  - 'scanner.wedge.minLength' / requireTerminator / prefix / suffix / layout / enabled: as named.
 *  - 'scanner.serial.*': the serial port; a port is opened only when enabled AND a path is set.
 *  - 'scanner.hid.enabled': HID POS discovery (node-hid).
 * Every settings change to these keys reconfigures the hub (coalesced: one `setSettings` call with several keys
 * restarts the devices once).
 */
import type { SettingKey, SettingsValues } from '../contract'
import { WEDGE_PRESETS } from '../core/scanner/wedge-detector'
import { type HubDeps, ScannerHub, type ScannerHubOptions, type StationSink } from './scanner-hub'
import { stderrLogger } from '../core/log/logger'

/** The settings the hub reads. */
export type ScannerSettings = Pick<
  SettingsValues,
  | 'barcode.inputDelay'
  | 'scanner.wedge.enabled'
  | 'scanner.wedge.preset'
  | 'scanner.wedge.minLength'
  | 'scanner.wedge.requireTerminator'
  | 'scanner.wedge.prefix'
  | 'scanner.wedge.suffix'
  | 'scanner.wedge.layout'
  | 'scanner.serial.enabled'
  | 'scanner.serial.path'
  | 'scanner.serial.baudRate'
  | 'scanner.serial.terminator'
  | 'scanner.hid.enabled'
>

export const HID_POLL_MS = 3000

export function hubOptionsFromSettings(s: ScannerSettings): ScannerHubOptions {
  const preset = WEDGE_PRESETS[s['scanner.wedge.preset']]
  const delay = s['barcode.inputDelay']
  return {
    wedge: {
      ...preset,
      enabled: s['scanner.wedge.enabled'],
      maxIntervalMs: s['scanner.wedge.preset'] === 'slow' ? Math.max(delay, preset.maxIntervalMs) : delay,
      minLength: s['scanner.wedge.minLength'],
      requireTerminator: s['scanner.wedge.requireTerminator'],
      prefix: s['scanner.wedge.prefix'],
      suffix: s['scanner.wedge.suffix'],
      layout: s['scanner.wedge.layout'],
    },
    serial: {
      enabled: s['scanner.serial.enabled'] && s['scanner.serial.path'].trim() !== '',
      path: s['scanner.serial.path'].trim(),
      baudRate: s['scanner.serial.baudRate'],
      terminator: s['scanner.serial.terminator'],
    },
    hid: { enabled: s['scanner.hid.enabled'], pollMs: HID_POLL_MS },
  }
}

/** True for the settings keys that change the hub. */
export const isScannerSetting = (key: SettingKey): boolean => key === 'barcode.inputDelay' || key.startsWith('scanner.')

/** What `startScannerHub` needs of a Station (the real Station satisfies it). */
export interface ScannerStation extends StationSink {
  setting<K extends SettingKey>(key: K): SettingsValues[K]
  onSettingsChange(listener: (key: SettingKey) => void): () => void
}

export interface RunningScanners {
  hub: ScannerHub
  /** Stop the devices and stop following the settings. */
  stop(): Promise<void>
  /** Resolves when the reconfiguration triggered by the latest settings change has finished (for tests). */
  settled(): Promise<void>
}

function readSettings(station: ScannerStation): ScannerSettings {
  const get = <K extends keyof ScannerSettings>(k: K): ScannerSettings[K] => station.setting(k)
  return {
    'barcode.inputDelay': get('barcode.inputDelay'),
    'scanner.wedge.enabled': get('scanner.wedge.enabled'),
    'scanner.wedge.preset': get('scanner.wedge.preset'),
    'scanner.wedge.minLength': get('scanner.wedge.minLength'),
    'scanner.wedge.requireTerminator': get('scanner.wedge.requireTerminator'),
    'scanner.wedge.prefix': get('scanner.wedge.prefix'),
    'scanner.wedge.suffix': get('scanner.wedge.suffix'),
    'scanner.wedge.layout': get('scanner.wedge.layout'),
    'scanner.serial.enabled': get('scanner.serial.enabled'),
    'scanner.serial.path': get('scanner.serial.path'),
    'scanner.serial.baudRate': get('scanner.serial.baudRate'),
    'scanner.serial.terminator': get('scanner.serial.terminator'),
    'scanner.hid.enabled': get('scanner.hid.enabled'),
  }
}

/**
 * Creates the hub with the Station as its sink, starts HID/serial per the settings, and follows settings changes.
 * Device failures never reject this (a missing node-hid or port is a device status, not a startup error).
 */
export async function startScannerHub(station: ScannerStation, deps: HubDeps = {}): Promise<RunningScanners> {
  const logger = deps.logger ?? stderrLogger()
  const onError = deps.onError ?? ((err: unknown, where: string) => logger.error(`scanner hub: ${where} failed`, err))
  const hub = new ScannerHub(station, hubOptionsFromSettings(readSettings(station)), { ...deps, onError })
  let chain: Promise<void> = hub.start().catch((err: unknown) => onError(err, 'start'))
  let scheduled = false
  let stopped = false

  const unsubscribe = station.onSettingsChange((key) => {
    if (!isScannerSetting(key) || scheduled || stopped) return
    scheduled = true
    // Several keys of one update arrive as several calls in the same tick: reconfigure once, after them.
    queueMicrotask(() => {
      scheduled = false
      if (stopped) return
      chain = chain
        .then(() => (stopped ? undefined : hub.reconfigure(hubOptionsFromSettings(readSettings(station)))))
        .catch((err: unknown) => onError(err, 'reconfigure'))
    })
  })
  await chain

  return {
    hub,
    async stop() {
      if (stopped) return
      stopped = true
      unsubscribe()
      await chain
      await hub.stop()
    },
    async settled() {
      await Promise.resolve() // let a pending coalesced change schedule itself
      await chain
    },
  }
}
