import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import type { DeviceStatus } from '../contract'
import { encodeHidPosReports } from '../core/scanner/hid-pos'
import {
  HidScannerManager,
  type HidBackend,
  type HidDeviceInfo,
  type HidHandle,
  type HidScanEvent,
} from './hid-scanners'
import type { DroppedScan } from './serial-scanner'

class FakeHandle extends EventEmitter implements HidHandle {
  closed = false
  features: number[][] = []
  close(): void {
    if (this.closed) throw new Error('already closed')
    this.closed = true
  }
  sendFeatureReport(data: number[] | Buffer): number {
    this.features.push([...data])
    return data.length
  }
  report(bytes: Uint8Array): void {
    this.emit('data', Buffer.from(bytes))
  }
}

const scanner = (path: string, extra: Partial<HidDeviceInfo> = {}): HidDeviceInfo => ({
  vendorId: 0x0c2e,
  productId: 0x0b8f,
  path,
  manufacturer: 'Honeywell',
  product: 'Voyager 1400g',
  usagePage: 0x8c,
  usage: 0x02,
  ...extra,
})

function setup(initial: HidDeviceInfo[]) {
  let list = initial
  const handles = new Map<string, FakeHandle>()
  const failOpen = new Set<string>()
  const backend: HidBackend = {
    devices: () => list,
    open: (path) => {
      if (failOpen.has(path)) throw new Error('permission denied')
      const h = new FakeHandle()
      handles.set(path, h)
      return h
    },
  }
  const scans: HidScanEvent[] = []
  const statuses: DeviceStatus[] = []
  const dropped: DroppedScan[] = []
  const manager = new HidScannerManager(
    { onScan: (s) => scans.push(s), onStatus: (s) => statuses.push(s), onDropped: (d) => dropped.push(d) },
    { pollMs: 60_000 },
    async () => backend,
  )
  return { manager, handles, scans, statuses, dropped, failOpen, setList: (l: HidDeviceInfo[]) => (list = l) }
}

describe('HidScannerManager (fake node-hid)', () => {
  it('opens HID POS scanners only, decodes scans with their symbology id', async () => {
    const keyboard: HidDeviceInfo = { vendorId: 1, productId: 2, path: '/dev/hidraw0', usagePage: 0x01, usage: 0x06 }
    const t = setup([keyboard, scanner('/dev/hidraw1')])
    await t.manager.start()
    expect([...t.handles.keys()]).toEqual(['/dev/hidraw1'])
    expect(t.handles.get('/dev/hidraw1')!.features).toEqual([[0xfe, 0x01]]) // Honeywell: HID POS mode on
    expect(t.statuses).toEqual([
      { id: 'hid:/dev/hidraw1', kind: 'hid', name: 'Honeywell Voyager 1400g', state: 'connected' },
    ])
    for (const r of encodeHidPosReports('{"stockitem": 1}', ']Q1')) t.handles.get('/dev/hidraw1')!.report(r)
    expect(t.scans).toEqual([{ data: '{"stockitem": 1}', symbologyId: ']Q1', device: 'hid:/dev/hidraw1' }])
    await t.manager.stop()
  })

  it('a read error (unplug) closes that device only, reports disconnected and the cut scan; no crash', async () => {
    const t = setup([scanner('/dev/hidraw1'), scanner('/dev/hidraw2', { product: 'Granit' })])
    await t.manager.start()
    const h1 = t.handles.get('/dev/hidraw1')!
    h1.report(encodeHidPosReports('Y'.repeat(120))[0]) // first of three reports
    h1.emit('error', new Error('could not read from HID device'))
    expect(h1.closed).toBe(true)
    expect(t.statuses.at(-1)).toMatchObject({ id: 'hid:/dev/hidraw1', state: 'disconnected' })
    expect(t.dropped).toEqual([{ device: 'hid:/dev/hidraw1', partial: 'Y'.repeat(56), reason: 'disconnected' }])
    expect(t.manager.deviceIds).toEqual(['hid:/dev/hidraw2'])
    // a second error from the dead handle is harmless
    expect(() => h1.emit('error', new Error('again'))).not.toThrow()
    // the other device keeps working
    t.handles.get('/dev/hidraw2')!.report(encodeHidPosReports('INV-SI5', ']C0')[0])
    expect(t.scans.at(-1)).toEqual({ data: 'INV-SI5', symbologyId: ']C0', device: 'hid:/dev/hidraw2' })
    await t.manager.stop()
  })

  it('hot-plug: a poll opens a new scanner, closes a vanished one, re-opens a returning one', async () => {
    const t = setup([])
    await t.manager.start()
    expect(t.statuses).toEqual([])
    t.setList([scanner('/dev/hidraw3')])
    await t.manager.poll()
    expect(t.manager.deviceIds).toEqual(['hid:/dev/hidraw3'])
    t.setList([])
    await t.manager.poll()
    expect(t.manager.deviceIds).toEqual([])
    t.setList([scanner('/dev/hidraw3')])
    await t.manager.poll()
    expect(t.statuses.map((s) => s.state)).toEqual(['connected', 'disconnected', 'connected'])
    t.handles.get('/dev/hidraw3')!.report(encodeHidPosReports('INV-SL12')[0])
    expect(t.scans.map((s) => s.data)).toEqual(['INV-SL12'])
    await t.manager.stop()
    expect(t.statuses.at(-1)).toMatchObject({ state: 'disconnected', message: 'stopped' })
  })

  it('a device that cannot be opened is reported once and retried', async () => {
    const t = setup([scanner('/dev/hidraw4')])
    t.failOpen.add('/dev/hidraw4')
    await t.manager.start()
    await t.manager.poll()
    expect(t.statuses).toEqual([expect.objectContaining({ id: 'hid:/dev/hidraw4', state: 'error' })])
    t.failOpen.clear()
    await t.manager.poll()
    expect(t.statuses.at(-1)).toMatchObject({ state: 'connected' })
    await t.manager.stop()
  })

  it('node-hid missing: one error status, no throw', async () => {
    const statuses: DeviceStatus[] = []
    const m = new HidScannerManager({ onScan: () => {}, onStatus: (s) => statuses.push(s) }, {}, async () => {
      throw new Error('no binding')
    })
    await m.start()
    expect(statuses).toEqual([expect.objectContaining({ kind: 'hid', state: 'error' })])
    await m.stop()
  })

  it('the real node-hid backend loads and enumerates without throwing', async () => {
    const { nodeHidBackend, isHidPosScanner } = await import('./hid-scanners')
    const backend = await nodeHidBackend()
    const list = await backend.devices()
    expect(Array.isArray(list)).toBe(true)
    expect(list.filter(isHidPosScanner).length).toBeGreaterThanOrEqual(0)
  })
})
