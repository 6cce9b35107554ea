/**
 * Line framing for serial (USB CDC / RS-232) scanners: one scan per line. Pure: bytes in, lines out.
 *
 * - Terminator: CR, LF, CRLF, ANY (CR, LF or CRLF, a CRLF split across chunks counted once) or one custom byte.
 *   The terminator is stripped; empty lines are skipped.
 * - Bytes are split into lines BEFORE text decoding (terminators are ASCII, so a multi-byte UTF-8 character split
 *   across chunks is never cut).
 * - When the port closes, whatever is left without its terminator is a partial scan: `close()` returns it so the
 *   caller can report it as dropped; it is never merged with the next scan.
 * - A line longer than `maxLineBytes` is a runaway (a wrong baud rate, a stuck device): it is dropped, reported,
 *   and framing resumes after the next terminator.
 */

export type SerialTerminator = 'CR' | 'LF' | 'CRLF' | 'ANY' | number

export interface LineFramerOptions {
  terminator: SerialTerminator
  encoding: 'utf8' | 'latin1'
  maxLineBytes: number
}

export const defaultLineFramerOptions: LineFramerOptions = { terminator: 'ANY', encoding: 'utf8', maxLineBytes: 8192 }

export interface FramedOutput {
  lines: string[]
  /** Lines dropped because they exceeded maxLineBytes (their first bytes, decoded, for the log). */
  overflow: string[]
}

const CR = 0x0d
const LF = 0x0a

/** Parse a terminator setting: 'CR' | 'LF' | 'CRLF' | 'ANY' | '0x03' | '3' | a single character. */
export function parseTerminator(value: string | number): SerialTerminator {
  if (typeof value === 'number') return checkByte(value)
  const v = value.trim()
  if (v === 'CR' || v === 'LF' || v === 'CRLF' || v === 'ANY') return v
  if (/^0x[0-9a-f]{1,2}$/i.test(v)) return Number.parseInt(v, 16)
  if (/^\d{1,3}$/.test(v)) return checkByte(Number(v))
  if (value.length === 1 && value.charCodeAt(0) < 256) return value.charCodeAt(0)
  throw new Error(`Unknown serial terminator ${JSON.stringify(value)}: use CR, LF, CRLF, ANY or one byte (0x03)`)
}

function checkByte(n: number): number {
  if (!Number.isInteger(n) || n < 0 || n > 255) throw new Error(`A serial terminator byte must be 0–255, not ${n}`)
  return n
}

export class LineFramer {
  readonly options: LineFramerOptions
  private buf: Buffer[] = []
  private bufLen = 0
  /** CRLF mode: a CR ended the last chunk; ANY mode: a CR ended the last line, so a leading LF is its pair. */
  private pendingCr = false
  private overflowing = false

  constructor(options: Partial<LineFramerOptions> = {}) {
    this.options = { ...defaultLineFramerOptions, ...options }
  }

  push(chunk: Uint8Array): FramedOutput {
    const out: FramedOutput = { lines: [], overflow: [] }
    const t = this.options.terminator
    let start = 0
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]
      if (t === 'ANY') {
        if (b === LF && this.pendingCr && i === start && this.bufLen === 0) {
          start = i + 1 // the LF of a CRLF
          this.pendingCr = false
          continue
        }
        this.pendingCr = false
        if (b === CR || b === LF) {
          this.emit(chunk.subarray(start, i), out)
          this.pendingCr = b === CR
          start = i + 1
        }
      } else if (t === 'CRLF') {
        if (b === LF && (this.pendingCr || (i > start && chunk[i - 1] === CR))) {
          const end = this.pendingCr && i === start ? i : i - 1
          if (this.pendingCr && i === start) this.trimTrailingCr()
          this.emit(chunk.subarray(start, end), out)
          start = i + 1
        }
        this.pendingCr = b === CR && i === chunk.length - 1
      } else {
        const term = t === 'CR' ? CR : t === 'LF' ? LF : t
        if (b === term) {
          this.emit(chunk.subarray(start, i), out)
          start = i + 1
        }
      }
    }
    if (start < chunk.length) this.append(chunk.subarray(start), out)
    return out
  }

  /** The port closed: the bytes left without a terminator, decoded (null when none). Resets the framer. */
  close(): string | null {
    const rest = this.overflowing ? null : this.take()
    this.buf = []
    this.bufLen = 0
    this.pendingCr = false
    this.overflowing = false
    if (rest === null) return null
    const text = this.options.terminator === 'CRLF' ? rest.replace(/\r$/, '') : rest
    return text.length > 0 ? text : null
  }

  /** Bytes waiting for their terminator. */
  get pending(): number {
    return this.bufLen
  }

  private append(bytes: Uint8Array, out: FramedOutput): void {
    if (this.overflowing) return
    this.buf.push(Buffer.from(bytes))
    this.bufLen += bytes.length
    if (this.bufLen > this.options.maxLineBytes) {
      out.overflow.push(this.take()!.slice(0, 64))
      this.overflowing = true
    }
  }

  private trimTrailingCr(): void {
    const last = this.buf.at(-1)
    if (last && last.length > 0 && last[last.length - 1] === CR) {
      this.buf[this.buf.length - 1] = last.subarray(0, last.length - 1)
      this.bufLen -= 1
    }
  }

  private take(): string | null {
    if (this.bufLen === 0) return null
    const text = Buffer.concat(this.buf).toString(this.options.encoding)
    this.buf = []
    this.bufLen = 0
    return text
  }

  private emit(tail: Uint8Array, out: FramedOutput): void {
    if (this.overflowing) {
      this.overflowing = false // the runaway line ends here; it was reported when it overflowed
      this.buf = []
      this.bufLen = 0
      return
    }
    if (this.bufLen + tail.length > this.options.maxLineBytes) {
      this.buf.push(Buffer.from(tail))
      this.bufLen += tail.length
      out.overflow.push(this.take()!.slice(0, 64))
      return
    }
    this.buf.push(Buffer.from(tail))
    this.bufLen += tail.length
    const line = this.take()
    if (line !== null && line.length > 0) out.lines.push(line)
  }
}
