import { describe, expect, it, vi } from 'vitest'
import type { DeviceStatus, SettingKey, SettingsValues } from '../contract'
import { settingDefaults } from '../core/settings'
import { CALIBRATION_LABEL } from '../core/scanner/layouts'
import { scannerTrace } from '../core/scanner/traces'
import { WEDGE_PRESETS } from '../core/scanner/wedge-detector'
import { hubOptionsFromSettings, isScannerSetting, startScannerHub, type ScannerStation } from './hub-options'
import type { DeviceScanInput } from './scanner-hub'
import type { PortLike } from './serial-scanner'
import { ScannerService } from './scanner-service'
import { EventEmitter } from 'node:events'

class FakeStation implements ScannerStation {
  values: SettingsValues = { ...settingDefaults }
  scans: DeviceScanInput[] = []
  statuses: DeviceStatus[] = []
  private listeners = new Set<(key: SettingKey) => void>()
  setting<K extends SettingKey>(key: K): SettingsValues[K] {
    return this.values[key]
  }
  onSettingsChange(listener: (key: SettingKey) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
  update(values: Partial<SettingsValues>): void {
    this.values = { ...this.values, ...values }
    for (const key of Object.keys(values) as SettingKey[]) for (const l of this.listeners) l(key)
  }
  scanFromDevice(input: DeviceScanInput): void {
    this.scans.push(input)
  }
  reportDevice(status: DeviceStatus): void {
    this.statuses.push(status)
  }
}

const noHid = { hidBackend: async () => ({ devices: () => [], open: () => Promise.reject(new Error('none')) }) }

describe('hubOptionsFromSettings', () => {
  it('maps the defaults: standard preset, input delay as the key gap, US layout, serial off until a path is set', () => {
    const o = hubOptionsFromSettings(settingDefaults)
    expect(o.wedge).toMatchObject({ ...WEDGE_PRESETS.standard, enabled: true, maxIntervalMs: 30, layout: 'us' })
    expect(o.serial).toEqual({ enabled: false, path: '', baudRate: 9600, terminator: 'ANY' })
    expect(o.hid.enabled).toBe(true)
  })

  it('reads the input delay, the slow preset, the layout, prefix/suffix and the serial port', () => {
    const o = hubOptionsFromSettings({
      ...settingDefaults,
      'barcode.inputDelay': 45,
      'scanner.wedge.minLength': 3,
      'scanner.wedge.requireTerminator': true,
      'scanner.wedge.prefix': '#',
      'scanner.wedge.suffix': '!',
      'scanner.wedge.layout': 'de',
      'scanner.serial.enabled': true,
      'scanner.serial.path': ' /dev/ttyACM0 ',
      'scanner.serial.baudRate': 115200,
      'scanner.serial.terminator': 'CR',
      'scanner.hid.enabled': false,
    })
    expect(o.wedge).toMatchObject({
      maxIntervalMs: 45,
      minLength: 3,
      requireTerminator: true,
      prefix: '#',
      suffix: '!',
      layout: 'de',
    })
    expect(o.serial).toEqual({ enabled: true, path: '/dev/ttyACM0', baudRate: 115200, terminator: 'CR' })
    expect(o.hid.enabled).toBe(false)
    // Under `slow`, the gap is at least the preset's (else 80–100 ms scanners are never one burst)…
    const slow = hubOptionsFromSettings({ ...settingDefaults, 'scanner.wedge.preset': 'slow' })
    expect(slow.wedge).toMatchObject({ ...WEDGE_PRESETS.slow, maxIntervalMs: 120 })
    // …and a larger input delay still wins.
    expect(
      hubOptionsFromSettings({ ...settingDefaults, 'scanner.wedge.preset': 'slow', 'barcode.inputDelay': 200 }).wedge
        .maxIntervalMs,
    ).toBe(200)
    // A path without "enabled", or "enabled" without a path, opens nothing.
    expect(hubOptionsFromSettings({ ...settingDefaults, 'scanner.serial.path': '/dev/x' }).serial.enabled).toBe(false)
    expect(hubOptionsFromSettings({ ...settingDefaults, 'scanner.serial.enabled': true }).serial.enabled).toBe(false)
  })

  it('knows which settings concern the hub', () => {
    expect(isScannerSetting('barcode.inputDelay')).toBe(true)
    expect(isScannerSetting('scanner.wedge.layout')).toBe(true)
    expect(isScannerSetting('feedback.mute')).toBe(false)
    expect(isScannerSetting('barcode.prefix')).toBe(false)
  })
})

describe('startScannerHub', () => {
  it('feeds wedge scans to the Station and follows settings changes (coalesced)', async () => {
    const station = new FakeStation()
    const running = await startScannerHub(station, noHid)
    try {
      const session = running.hub.createWedgeSession('w', { release: () => {} })
      for (const { ev, t } of scannerTrace('INV-SI1', { msPerKey: 5, terminator: 'Enter', start: 100 }))
        session.onKey(ev, t)
      expect(station.scans).toEqual([{ data: 'INV-SI1', source: 'wedge', device: 'wedge:w' }])

      let reconfigures = 0
      const original = running.hub.reconfigure.bind(running.hub)
      running.hub.reconfigure = (o) => {
        reconfigures++
        return original(o)
      }
      station.update({ 'scanner.wedge.layout': 'uk', 'barcode.inputDelay': 40, 'feedback.mute': true })
      await running.settled()
      expect(reconfigures).toBe(1)
      expect(session.options).toMatchObject({ layout: 'uk', maxIntervalMs: 40 })
      station.update({ 'feedback.mute': false })
      await running.settled()
      expect(reconfigures).toBe(1)

      // The UK layout now decodes a UK-configured scanner's keys.
      for (const { ev, t } of scannerTrace('{"stockitem": 1}', {
        msPerKey: 5,
        terminator: 'Enter',
        scannerLayout: 'uk',
        hostLayout: 'us',
        start: 5000,
      }))
        session.onKey(ev, t)
      expect(station.scans.at(-1)?.data).toBe('{"stockitem": 1}')
    } finally {
      await running.stop()
    }
  })

  it('opens the serial port when enabled with a path, and closes it when disabled', async () => {
    const station = new FakeStation()
    const opened: string[] = []
    const makePort = (): PortLike =>
      new (class extends EventEmitter implements PortLike {
        isOpen = false
        open(cb: (err: Error | null) => void) {
          this.isOpen = true
          queueMicrotask(() => cb(null))
        }
        close(cb?: (err: Error | null) => void) {
          this.isOpen = false
          cb?.(null)
        }
      })()
    const running = await startScannerHub(station, {
      ...noHid,
      serialFactory: async ({ path }) => {
        opened.push(path)
        return makePort()
      },
    })
    try {
      expect(opened).toEqual([])
      station.update({ 'scanner.serial.enabled': true, 'scanner.serial.path': '/dev/pts/7' })
      await running.settled()
      await new Promise((r) => setTimeout(r, 20))
      expect(opened).toEqual(['/dev/pts/7'])
      expect(station.statuses.filter((s) => s.kind === 'serial').map((s) => s.state)).toEqual(['connected'])
      station.update({ 'scanner.serial.enabled': false })
      await running.settled()
      expect(station.statuses.filter((s) => s.kind === 'serial').map((s) => s.state)).toEqual([
        'connected',
        'disconnected',
      ])
    } finally {
      await running.stop()
    }
  })

  it('as a service, offers the hub and its calibration only while it runs', async () => {
    const station = new FakeStation()
    const service = new ScannerService(() => station, noHid)
    expect(service.current()).toBeNull()
    await service.boot()
    expect(service.hub).not.toBeNull()
    expect(service.current()).toBe(service.hub!.calibration)
    await service.shutdown()
    expect(service.hub).toBeNull()
    expect(service.current()).toBeNull()
  })

  it('calibration: the armed burst is not a scan; its keys pick the layout profile', async () => {
    const station = new FakeStation()
    station.values = { ...station.values, 'scanner.wedge.prefix': '~' }
    const running = await startScannerHub(station, noHid)
    const calibration = running.hub.calibration
    try {
      const session = running.hub.createWedgeSession('c', { release: () => {} })
      expect(calibration.start()).toMatchObject({ state: 'waiting', label: CALIBRATION_LABEL })
      // A German-configured scanner on a US host: the keys mean nothing under 'us' but decode exactly under 'de'.
      for (const { ev, t } of scannerTrace(CALIBRATION_LABEL, {
        msPerKey: 4,
        terminator: 'Enter',
        scannerLayout: 'de',
        hostLayout: 'us',
        start: 100,
      }))
        session.onKey(ev, t)
      const view = calibration.view()
      expect(view).toMatchObject({ state: 'done', profile: 'de', candidates: ['de'] })
      expect(view.decoded.find((d) => d.profile === 'de')?.text).toBe(CALIBRATION_LABEL)
      expect(view.decoded.find((d) => d.profile === 'us')?.text).not.toBe(CALIBRATION_LABEL)
      // Measured from the keys' times: 4 ms a key, ended by Enter, capitals with Shift.
      expect(view.measured).toMatchObject({ terminator: 'Enter', shift: 'sent' })
      expect(view.measured!.gapMs.median).toBeCloseTo(4, 0)
      expect(station.scans).toEqual([])
      // Disarmed: the prefix setting applies again, so an unprefixed burst is typing, not a scan.
      const released: unknown[] = []
      const s2 = running.hub.createWedgeSession('d', { release: (e) => released.push(...e) })
      for (const { ev, t } of scannerTrace('INV-SI1', { msPerKey: 4, terminator: 'Enter', start: 9000 }))
        s2.onKey(ev, t)
      expect(station.scans).toEqual([])
      // A scanner that sends no Shift and no terminator, slowly: measured as such.
      calibration.start()
      // Without a terminator the scan ends on silence: this session's clock follows the keys, then jumps ahead.
      const clock = { t: 20_000 }
      const timers = {
        now: () => clock.t,
        setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
        clearTimeout: (h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>),
      }
      const s3 = running.hub.createWedgeSession('e', { release: () => {} }, { timers })
      const trace = scannerTrace(CALIBRATION_LABEL, { msPerKey: 20, terminator: null, start: 20_000 })
      for (const { ev, t } of trace.filter(({ ev }) => ev.key !== 'Shift')) {
        clock.t = t
        s3.onKey({ ...ev, shift: false, key: ev.key.length === 1 ? ev.key.toLowerCase() : ev.key }, t)
      }
      clock.t += 5000
      await vi.waitFor(() => expect(calibration.view().state).toBe('done'))
      expect(calibration.view().measured).toMatchObject({ terminator: 'none', shift: 'missing' })
      expect(calibration.view().measured!.gapMs.median).toBeCloseTo(20, -1)
      // Cancel returns to idle.
      calibration.start()
      expect(calibration.cancel()).toMatchObject({ state: 'idle', profile: null })
    } finally {
      await running.stop()
    }
  })
})
