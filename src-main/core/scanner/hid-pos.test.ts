import { describe, expect, it } from 'vitest'
import { encodeHidPosReports, HidPosAssembler, parseHidPosReport } from './hid-pos'

const bytes = (s: string): number[] => [...Buffer.from(s, 'latin1')]
const pad = (xs: number[], n: number): number[] => [...xs, ...Array(n - xs.length).fill(0)]

describe('HID POS reports (Honeywell layout)', () => {
  it('decodes a single-report scan with its AIM symbology id', () => {
    // id 2, length 7, "]Q1", data, padding, code id 's' at 61, flag 0 at 63
    const report = pad([0x02, 7, ...bytes(']Q1'), ...bytes('INV-SI5')], 61)
    report.push(0x73, 0x00, 0x00)
    expect(report).toHaveLength(64)
    const a = new HidPosAssembler()
    expect(a.push(Uint8Array.from(report))).toEqual({ data: 'INV-SI5', symbologyId: ']Q1', codeId: 's', reports: 1 })
  })

  it('assembles a scan spanning several reports (the packet dump format: 56 bytes then a short last one)', () => {
    const first = [0x02, 56, ...bytes(']X0'), ...bytes('A'.repeat(56)), 63, 0, 1]
    const last = pad([0x02, 9, ...bytes(']X0'), ...bytes('um: N/A\r\n')], 61)
    last.push(63, 0, 0)
    expect(first).toHaveLength(64)
    const a = new HidPosAssembler()
    expect(a.push(Uint8Array.from(first))).toBeNull()
    expect(a.pending).toBe(56)
    const scan = a.push(Uint8Array.from(last))
    expect(scan).toEqual({ data: `${'A'.repeat(56)}um: N/A`, symbologyId: ']X0', codeId: '?', reports: 2 })
    expect(a.pending).toBe(0)
  })

  it('keeps GS/RS/EOT and UTF-8 inside the data; a trailing CR is stripped', () => {
    const label = '[)>\x1e06\x1dPABC-123\x1d1PXYZ\x1dQ10\x1e\x04 Größe'
    const a = new HidPosAssembler()
    const scans = encodeHidPosReports(`${label}\r`, ']d2', 0x77)
      .map((r) => a.push(r))
      .filter(Boolean)
    expect(scans).toEqual([{ data: label, symbologyId: ']d2', codeId: 'w', reports: 1 }])
  })

  it('round-trips long data over many reports', () => {
    const long = Array.from({ length: 300 }, (_, i) => String.fromCharCode(33 + (i % 90))).join('')
    const reports = encodeHidPosReports(long, ']C1', 0x49)
    expect(reports.length).toBe(Math.ceil(300 / 56))
    const a = new HidPosAssembler()
    const out = reports.map((r) => a.push(r))
    expect(out.slice(0, -1).every((x) => x === null)).toBe(true)
    expect(out.at(-1)).toMatchObject({ data: long, symbologyId: ']C1', reports: reports.length })
  })

  it('ignores reports with other ids, and short reports count as last', () => {
    expect(parseHidPosReport(Uint8Array.from(pad([0x04, 1, 2, 3], 64)))).toBeNull()
    expect(parseHidPosReport(Uint8Array.from([0x02, 1]))).toBeNull()
    const short = Uint8Array.from([0x02, 3, ...bytes(']E0'), ...bytes('123')])
    expect(parseHidPosReport(short)).toMatchObject({ symbologyId: ']E0', more: false, codeId: 0 })
    expect(new HidPosAssembler().push(short)?.data).toBe('123')
  })

  it('a length byte larger than the report is clamped, not trusted', () => {
    const r = parseHidPosReport(Uint8Array.from(pad([0x02, 200, ...bytes(']Q1'), ...bytes('AB')], 64)))
    expect(r?.payload.length).toBe(56)
  })

  it('reports without the id byte (withReportId: false)', () => {
    const r = encodeHidPosReports('INV-SI5')[0].subarray(1)
    expect(new HidPosAssembler({ withReportId: false }).push(r)?.data).toBe('INV-SI5')
  })

  it('reset drops a half-assembled scan and says what was lost', () => {
    const a = new HidPosAssembler()
    const reports = encodeHidPosReports('X'.repeat(100))
    a.push(reports[0])
    expect(a.reset()).toBe('X'.repeat(56))
    expect(a.push(encodeHidPosReports('INV-SI5')[0])?.data).toBe('INV-SI5')
  })
})
