import { describe, expect, it } from 'vitest'
import type { EventName } from '../../contract'
import { openTestStation } from '../../tests/support/station'

const open = () => openTestStation({ dbPath: ':memory:' })

function recordEvents(station: ReturnType<typeof open>): { event: EventName; payload: unknown }[] {
  const seen: { event: EventName; payload: unknown }[] = []
  station.on((event, payload) => seen.push({ event, payload }))
  return seen
}

describe('device scans and status', () => {
  it('logs a device scan before pushing the very result it returns to the page', () => {
    const station = open()
    const seen = recordEvents(station)
    const result = station.scanFromDevice({ data: 'INV-SI1', source: 'wedge', device: 'kbd-1' })
    expect(seen).toEqual([{ event: 'scanResult', payload: result }])
    const [row] = station.history({ limit: 1 })
    expect(row).toMatchObject({ id: result.scan_id, data: 'INV-SI1', source: 'wedge', device: 'kbd-1' })
  })

  it('logs a scan an unplug cut off as an error of that device, and tells the page to scan it again', () => {
    const station = open()
    const seen = recordEvents(station)
    station.reportDroppedScan({ device: 'hid-2', partial: 'INV-S', reason: 'device unplugged', source: 'hid' })
    expect(seen).toEqual([
      { event: 'scanDropped', payload: { device: 'hid-2', partial: 'INV-S', reason: 'device unplugged' } },
    ])
    const [row] = station.history({ limit: 1 })
    expect(row).toMatchObject({ data: 'INV-S', source: 'hid', device: 'hid-2', result: 'error' })
    expect(JSON.parse(row!.response)).toMatchObject({
      outcome: 'error',
      error: 'Scan cut off (device unplugged); scan it again',
    })
  })

  it('keeps the latest status of each device for a page that opens later', () => {
    const station = open()
    const seen = recordEvents(station)
    station.reportDevice({ id: 'a', kind: 'serial', name: 'COM3', state: 'connected' })
    station.reportDevice({ id: 'b', kind: 'hid', name: 'Zebra', state: 'connected' })
    station.reportDevice({ id: 'a', kind: 'serial', name: 'COM3', state: 'error', message: 'port gone' })
    expect(station.devices()).toEqual([
      { id: 'a', kind: 'serial', name: 'COM3', state: 'error', message: 'port gone' },
      { id: 'b', kind: 'hid', name: 'Zebra', state: 'connected' },
    ])
    expect(seen.map((e) => e.event)).toEqual(['deviceStatus', 'deviceStatus', 'deviceStatus'])
  })

  it('refuses wedge calibration on a station without a scanner host', () => {
    expect(() => open().calibrateWedge({ action: 'status' })).toThrow('No keyboard-wedge scanner host on this station')
  })
})
