import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import type { DeviceStatus } from '../contract'
import { encodeHidPosReports } from '../core/scanner/hid-pos'
import { type KeyEvent } from '../../src-shared/keyboard/keys'
import { keyEventsFor } from '../core/scanner/layouts'
import { scannerTrace } from '../core/scanner/traces'
import { WEDGE_PRESETS } from '../core/scanner/wedge-detector'
import type { HidHandle } from './hid-scanners'
import { ScannerHub, type DeviceScanInput, type DroppedScanReport, type StationSink, type Timers } from './scanner-hub'
import type { PortLike } from './serial-scanner'

/** Manual clock: timers fire only when the test advances time. */
class ManualTimers implements Timers {
  t = 0
  private queue: { at: number; fn: () => void; id: number }[] = []
  private seq = 0
  now(): number {
    return this.t
  }
  setTimeout(fn: () => void, ms: number): unknown {
    const id = ++this.seq
    this.queue.push({ at: this.t + ms, fn, id })
    return id
  }
  clearTimeout(handle: unknown): void {
    this.queue = this.queue.filter((q) => q.id !== handle)
  }
  advance(to: number): void {
    for (;;) {
      this.queue.sort((a, b) => a.at - b.at)
      const next = this.queue[0]
      if (!next || next.at > to) break
      this.queue.shift()
      this.t = next.at
      next.fn()
    }
    this.t = to
  }
}

class FakeStation implements StationSink {
  scans: DeviceScanInput[] = []
  statuses: DeviceStatus[] = []
  dropped: DroppedScanReport[] = []
  scanFromDevice(input: DeviceScanInput): void {
    this.scans.push(input)
  }
  reportDevice(status: DeviceStatus): void {
    this.statuses.push(status)
  }
  reportDroppedScan(d: DroppedScanReport): void {
    this.dropped.push(d)
  }
}

describe('WedgeSession', () => {
  function setup(wedge = {}) {
    const station = new FakeStation()
    const timers = new ManualTimers()
    const hub = new ScannerHub(
      station,
      { hid: { enabled: false, pollMs: 1000 }, wedge: { enabled: true, ...wedge } },
      { timers },
    )
    const page: KeyEvent[] = []
    const session = hub.createWedgeSession('1', { release: (events) => page.push(...events) })
    /** Feed like before-input-event: pass what is not swallowed, replay what is released. */
    const feed = (ev: KeyEvent, t: number) => {
      timers.advance(t)
      const r = session.onKey(ev, t)
      page.push(...r.release)
      if (!r.swallow) page.push(ev)
    }
    return { station, timers, hub, page, session, feed }
  }

  it('a scan at 5 ms per key goes to the Station as a wedge scan and nothing reaches the page', () => {
    const { station, timers, page, feed } = setup()
    for (const { ev, t } of scannerTrace('{"stockitem": 1}', { msPerKey: 5, terminator: 'Enter', start: 100 }))
      feed(ev, t)
    timers.advance(2000)
    expect(station.scans).toEqual([{ data: '{"stockitem": 1}', source: 'wedge', device: 'wedge:1' }])
    expect(page.filter((e) => !['Shift', 'Control', 'Alt'].includes(e.key))).toEqual([])
    expect(station.statuses).toEqual([{ id: 'wedge:1', kind: 'wedge', name: 'Keyboard wedge', state: 'connected' }])
  })

  it('a scan without terminator is completed by the timer', () => {
    const { station, timers, feed } = setup()
    for (const { ev, t } of scannerTrace('INV-SI5', { msPerKey: 2, terminator: null, start: 100 })) feed(ev, t)
    expect(station.scans).toEqual([])
    timers.advance(1000)
    expect(station.scans.map((s) => s.data)).toEqual(['INV-SI5'])
  })

  it('a typed key is released by the timer to host.release, in order with the rest', () => {
    const { station, timers, page, feed } = setup()
    const events = keyEventsFor('hi')
    feed(events[0], 100) // h down: held
    expect(page).toEqual([])
    timers.advance(130)
    expect(page).toEqual([events[0]])
    feed(events[1], 150) // h up: passes
    feed(events[2], 300)
    feed(events[3], 310)
    timers.advance(1000)
    expect(page).toEqual(events)
    expect(station.scans).toEqual([])
  })

  it('the UK layout profile (a scanner set to UK) and a US scanner on a UK host both give {"stockitem": 1}', () => {
    const uk = setup({ layout: 'uk' })
    for (const { ev, t } of scannerTrace('{"stockitem": 1}', {
      msPerKey: 5,
      terminator: 'Enter',
      scannerLayout: 'uk',
      hostLayout: 'uk',
      start: 100,
    }))
      uk.feed(ev, t)
    expect(uk.station.scans.map((s) => s.data)).toEqual(['{"stockitem": 1}'])
    const us = setup({ layout: 'us' })
    for (const { ev, t } of scannerTrace('{"stockitem": 1}', {
      msPerKey: 5,
      terminator: 'Enter',
      scannerLayout: 'us',
      hostLayout: 'uk',
      start: 100,
    }))
      us.feed(ev, t)
    expect(us.station.scans.map((s) => s.data)).toEqual(['{"stockitem": 1}'])
  })

  it('echo mode: replayed events coming back through the key hook pass untouched', () => {
    const station = new FakeStation()
    const timers = new ManualTimers()
    const hub = new ScannerHub(station, { hid: { enabled: false, pollMs: 1000 } }, { timers })
    const replayed: KeyEvent[] = []
    const session = hub.createWedgeSession('2', { release: (e) => replayed.push(...e) }, { echo: true })
    const [down] = keyEventsFor('a')
    expect(session.onKey(down, 0).swallow).toBe(true)
    timers.advance(100)
    expect(replayed).toEqual([down])
    // the replay arrives back as a fresh event object
    expect(session.onKey({ ...down }, 101)).toEqual({ swallow: false, release: [] })
  })

  it('disabled wedge passes everything; settings apply through reconfigure', async () => {
    const { hub, session } = setup({ enabled: false })
    const [down] = keyEventsFor('a')
    expect(session.onKey(down, 0)).toEqual({ swallow: false, release: [] })
    await hub.reconfigure({ wedge: { enabled: true, ...WEDGE_PRESETS.slow } })
    expect(session.options.maxIntervalMs).toBe(120)
    expect(session.onKey(down, 10).swallow).toBe(true)
  })

  it('dispose flushes and reports the wedge disconnected; a throwing Station does not break typing', () => {
    const errors: string[] = []
    const station: StationSink = {
      scanFromDevice: () => {
        throw new Error('db locked')
      },
      reportDevice: () => {},
    }
    const timers = new ManualTimers()
    const hub = new ScannerHub(
      station,
      { hid: { enabled: false, pollMs: 1000 } },
      { timers, onError: (_e, where) => errors.push(where) },
    )
    const session = hub.createWedgeSession('3', { release: () => {} })
    for (const { ev, t } of scannerTrace('INV-SI5', { msPerKey: 2, terminator: 'Enter' })) session.onKey(ev, t)
    expect(errors).toEqual(['scan from wedge:3'])
    session.dispose()
    expect(session.onKey(keyEventsFor('a')[0], 5000)).toEqual({ swallow: false, release: [] })
  })
})

describe('ScannerHub devices', () => {
  it('routes serial scans, drops and statuses to the Station', async () => {
    const station = new FakeStation()
    const port = new (class extends EventEmitter implements PortLike {
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
    const hub = new ScannerHub(
      station,
      {
        serial: { enabled: true, path: '/dev/ttyACM0', baudRate: 9600, terminator: 'CR' },
        hid: { enabled: false, pollMs: 1000 },
      },
      { serialFactory: async () => port },
    )
    await hub.start()
    await new Promise((r) => setTimeout(r, 20))
    port.emit('data', Buffer.from('INV-SI5\rINV-'))
    port.emit('close', Object.assign(new Error('disconnected'), { disconnected: true }))
    expect(station.scans).toEqual([{ data: 'INV-SI5', source: 'serial', device: 'serial:/dev/ttyACM0' }])
    expect(station.dropped).toEqual([
      { device: 'serial:/dev/ttyACM0', partial: 'INV-', reason: 'disconnected', source: 'serial' },
    ])
    expect(station.statuses.map((s) => s.state)).toEqual(['connected', 'disconnected'])
    await hub.stop()
  })

  it('routes HID scans with their symbology id', async () => {
    const station = new FakeStation()
    const handle = new (class extends EventEmitter implements HidHandle {
      close() {}
    })()
    const hub = new ScannerHub(
      station,
      { hid: { enabled: true, pollMs: 60_000 } },
      {
        hidBackend: async () => ({
          devices: () => [
            { vendorId: 0x05e0, productId: 0x1200, path: 'p1', usagePage: 0x8c, usage: 2, product: 'DS2208' },
          ],
          open: () => handle,
        }),
      },
    )
    await hub.start()
    for (const r of encodeHidPosReports('INV-SI5', ']Q1')) handle.emit('data', Buffer.from(r))
    expect(station.scans).toEqual([{ data: 'INV-SI5', source: 'hid', device: 'hid:p1', symbologyId: ']Q1' }])
    await hub.stop()
  })
})
