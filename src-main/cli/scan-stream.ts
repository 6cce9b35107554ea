/**
 * `scan -`: one barcode a line in, one JSON result a line out. Lines are resolved in batches (whatever arrived in
 * one read), each batch in one transaction, and a batch's results are written only after its history rows are
 * committed. Every line gets a result, empty and oversized ones included, so scripts can pair input and output.
 * Lines are split as bytes: a line that is not valid UTF-8 is resolved as its best reading and logged with its
 * exact bytes, so nothing a broken scanner sent is lost.
 */
import type { Readable, Writable } from 'node:stream'
import type { ScanSource } from '../contract'
import type { Station } from '../core/station'

/** A line longer than this is answered (as too long) without holding all of it in memory. */
const MAX_LINE = 1_000_000
const LF = 0x0a
const CR = 0x0d

const strict = new TextDecoder('utf-8', { fatal: true })
const lenient = new TextDecoder('utf-8')

/** The line's text, and its bytes as hex when they are not valid UTF-8 (the text then holds U+FFFD). */
function readLine(bytes: Buffer): { data: string; rawHex?: string } {
  const line = bytes.length && bytes[bytes.length - 1] === CR ? bytes.subarray(0, -1) : bytes
  try {
    return { data: strict.decode(line) }
  } catch {
    return { data: lenient.decode(line), rawHex: line.toString('hex') }
  }
}

export async function scanStream(
  station: Station,
  source: ScanSource,
  input: Readable,
  output: Writable,
): Promise<void> {
  let pending: Buffer = Buffer.alloc(0)
  const flush = async (lines: Buffer[]): Promise<void> => {
    if (lines.length === 0) return
    const results = station.scanMany(lines.map((bytes) => ({ ...readLine(bytes), source })))
    const text = results.map((r) => JSON.stringify(r)).join('\n') + '\n'
    if (!output.write(text)) await new Promise((done) => output.once('drain', done))
  }
  for await (const chunk of input as AsyncIterable<Buffer>) {
    const buffer = pending.length ? Buffer.concat([pending, chunk]) : chunk
    const lines: Buffer[] = []
    let start = 0
    for (let end = buffer.indexOf(LF, start); end !== -1; end = buffer.indexOf(LF, start)) {
      lines.push(buffer.subarray(start, end))
      start = end + 1
    }
    // Keep only a head of a runaway line; it is still answered once, as a too-long barcode.
    pending = Buffer.from(buffer.subarray(start, start + MAX_LINE))
    await flush(lines)
  }
  if (pending.length) await flush([pending])
}
