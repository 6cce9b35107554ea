/**
 * `scan -`: one barcode a line in, one JSON result a line out. Lines are resolved in batches (whatever arrived in
 * one read), each batch in one transaction, and a batch's results are written only after its history rows are
 * committed. Every line gets a result, empty and oversized ones included, so scripts can pair input and output.
 * Lines are split as bytes: a line that is not valid UTF-8 is resolved as its best reading and logged with its
 * exact bytes, so nothing a broken scanner sent is lost.
 * When a batch cannot be logged (a full disk, a read-only file), each of its lines is answered with the reason
 * instead of a result, and the stream goes on: once there is room again, the next lines are resolved as before.
 * The station says so on stderr once when the trouble starts and once when it ends.
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

/** What a line gets when its scan could not be logged: the reason, never a result. */
export interface StreamFailure {
  error: string
  code: 'storage' | 'unavailable'
  barcode_data: string
}

/** Resolves with the number of lines that got a failure instead of a result. */
export async function scanStream(
  station: Pick<Station, 'scanMany' | 'explainFailure'>,
  source: ScanSource,
  input: Readable,
  output: Writable,
  notices: Pick<Writable, 'write'> = process.stderr,
): Promise<number> {
  let pending: Buffer = Buffer.alloc(0)
  let failed = 0
  let failing: string | null = null
  const answer = (lines: Buffer[]): unknown[] => {
    const inputs = lines.map((bytes) => ({ ...readLine(bytes), source }))
    try {
      const results = station.scanMany(inputs)
      if (failing !== null) notices.write('scan: the station answers again (the database takes writes again)\n')
      failing = null
      return results
    } catch (err) {
      const explained = station.explainFailure(err)
      if (!explained || (explained.code !== 'storage' && explained.code !== 'unavailable')) throw err
      if (failing !== explained.message) notices.write(`scan: ${explained.message}\n`)
      failing = explained.message
      failed += inputs.length
      return inputs.map((i): StreamFailure => ({
        error: explained.message,
        code: explained.code,
        barcode_data: i.data,
      }))
    }
  }
  const flush = async (lines: Buffer[]): Promise<void> => {
    if (lines.length === 0) return
    const text =
      answer(lines)
        .map((r) => JSON.stringify(r))
        .join('\n') + '\n'
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
  return failed
}
