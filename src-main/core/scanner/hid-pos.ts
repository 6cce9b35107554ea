/**
 * Decoder of HID POS barcode scanner input reports (USB HID usage page 0x8C "Bar Code Scanner", usage 0x02),
 * in the layout Honeywell scanners use in "USB HID POS" mode (also Zebra/Datalogic in their HID POS modes).
 *
 * Report layout (64 bytes as node-hid returns it, report id first):
 *
 *   byte 0        report id, 0x02
 *   byte 1        number of data bytes in THIS report (0–56)
 *   bytes 2..4    AIM symbology identifier, e.g. "]Q1" (QR), "]d2" (GS1 DataMatrix), "]C1" (GS1-128), "]E0" (EAN-13)
 *   bytes 5..60   data (only the first <byte 1> bytes count; the rest is padding)
 *   byte 61       Honeywell's own code id (e.g. 0x73 's' = QR, 0x6a 'j' = Code 128), kept for the log
 *   byte 62       reserved
 *   byte 63       continuation flag: 1 = more reports of this scan follow, 0 = last report
 *
 * Sources (read, not copied): a Honeywell packet dump in HenkVanAsselt/python_hon_usbhid's README (full 64-byte
 * reports: `[2, 56, 93, 88, 48, …56 data…, 63, 0, 1]` then a last one `[2, 9, …, 0, 0]`), and the WebHID reader in
 * NielsLeenheer/WebHidBarcodeScanner (length at data[0], AIM at data[1..3], code id at data[60], "final" when
 * data[62] is 0, WebHID's data excluding the report id). A long scan therefore spans several reports, each carrying
 * the same AIM id; the data is concatenated until the flag is 0.
 *
 * Assumptions, documented because no device is at hand: a report shorter than 64 bytes is taken as the last one
 * (no flag byte); a report without the id byte (some platforms strip it when the device has a single report) can be
 * decoded with `withReportId: false`; reports with another id (status, settings) are ignored. Scanners often
 * append a CR suffix even in HID POS mode: one trailing CR / CRLF is stripped unless `keepTrailingCr`.
 *
 * Pure: byte vectors in, scans out.
 */

export const HID_POS_USAGE_PAGE = 0x8c
export const HID_POS_USAGE_SCANNER = 0x02
export const HONEYWELL_VENDOR_ID = 0x0c2e

export const SCAN_REPORT_ID = 0x02
const FULL_REPORT = 64
const HEADER = 5 // id, length, 3 AIM bytes
const MAX_DATA = FULL_REPORT - HEADER - 3 // 56

export interface HidPosReport {
  reportId: number
  /** Data bytes of this report. */
  payload: Uint8Array
  /** AIM symbology identifier, "]" + code + modifier; '' when the scanner sent none (zeros). */
  symbologyId: string
  /** Honeywell code id byte (0 when absent). */
  codeId: number
  /** More reports of the same scan follow. */
  more: boolean
}

export interface HidPosScan {
  data: string
  symbologyId: string
  /** Honeywell code id as a character (e.g. 's' for QR), '' when absent. */
  codeId: string
  reports: number
}

export interface HidPosOptions {
  withReportId: boolean
  keepTrailingCr: boolean
  encoding: 'utf8' | 'latin1'
  /** Give up on a scan that grows past this many bytes (a stuck flag). */
  maxScanBytes: number
}

export const defaultHidPosOptions: HidPosOptions = {
  withReportId: true,
  keepTrailingCr: false,
  encoding: 'utf8',
  maxScanBytes: 16_384,
}

/** Parse one input report; null for reports that are not scan data (other ids, malformed). */
export function parseHidPosReport(report: Uint8Array, withReportId = true): HidPosReport | null {
  const bytes = withReportId ? report : Uint8Array.from([SCAN_REPORT_ID, ...report])
  if (bytes.length < HEADER || bytes[0] !== SCAN_REPORT_ID) return null
  const length = Math.min(bytes[1], MAX_DATA, bytes.length - HEADER)
  const aim = bytes.subarray(2, 5)
  const symbologyId = aim[0] === 0 ? '' : String.fromCharCode(...aim).replace(/\0+$/, '')
  const payload = bytes.subarray(HEADER, HEADER + length)
  const full = bytes.length >= FULL_REPORT
  return {
    reportId: bytes[0],
    payload,
    symbologyId,
    codeId: full ? bytes[61] : 0,
    more: full ? bytes[63] !== 0 : false,
  }
}

/** Stateful: feed reports in arrival order, get a scan when its last report arrives. */
export class HidPosAssembler {
  readonly options: HidPosOptions
  private parts: Uint8Array[] = []
  private size = 0
  private symbologyId = ''
  private codeId = 0
  private reports = 0

  constructor(options: Partial<HidPosOptions> = {}) {
    this.options = { ...defaultHidPosOptions, ...options }
  }

  /** Bytes of a scan still waiting for its last report. */
  get pending(): number {
    return this.size
  }

  push(report: Uint8Array): HidPosScan | null {
    const r = parseHidPosReport(report, this.options.withReportId)
    if (!r) return null
    if (this.reports === 0) {
      this.symbologyId = r.symbologyId
      this.codeId = r.codeId
    }
    this.parts.push(Uint8Array.from(r.payload))
    this.size += r.payload.length
    this.reports++
    if (this.size > this.options.maxScanBytes) {
      this.reset()
      return null
    }
    if (r.more) return null
    let data = Buffer.concat(this.parts).toString(this.options.encoding)
    if (!this.options.keepTrailingCr) data = data.replace(/\r\n?$/, '')
    const scan: HidPosScan = {
      data,
      symbologyId: this.symbologyId,
      codeId: this.codeId > 0x20 && this.codeId < 0x7f ? String.fromCharCode(this.codeId) : '',
      reports: this.reports,
    }
    this.reset()
    return scan
  }

  /** Drop a half-assembled scan (device lost); returns what was dropped, decoded, or null. */
  reset(): string | null {
    const dropped = this.size > 0 ? Buffer.concat(this.parts).toString(this.options.encoding) : null
    this.parts = []
    this.size = 0
    this.reports = 0
    this.symbologyId = ''
    this.codeId = 0
    return dropped
  }
}

/** Build the 64-byte reports a Honeywell scanner sends for one scan (tests and simulators). */
export function encodeHidPosReports(data: string | Uint8Array, symbologyId = ']Q1', codeId = 0x73): Uint8Array[] {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data
  const out: Uint8Array[] = []
  for (let off = 0; off === 0 || off < bytes.length; off += MAX_DATA) {
    const chunk = bytes.subarray(off, off + MAX_DATA)
    const r = new Uint8Array(FULL_REPORT)
    r[0] = SCAN_REPORT_ID
    r[1] = chunk.length
    r.set(Buffer.from(symbologyId.padEnd(3, '\0').slice(0, 3), 'latin1'), 2)
    r.set(chunk, HEADER)
    r[61] = codeId
    r[63] = off + MAX_DATA < bytes.length ? 1 : 0
    out.push(r)
  }
  return out
}
