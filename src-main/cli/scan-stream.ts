/**
 * `scan -`: one barcode a line in, one JSON result a line out. Lines are resolved in batches (whatever arrived in
 * one read), each batch in one transaction, and a batch's results are written only after its history rows are
 * committed. Every line gets a result, empty and oversized ones included, so scripts can pair input and output.
 */
import type { Readable, Writable } from 'node:stream'
import type { ScanSource } from '../contract'
import type { Station } from '../core/station'

/** A line longer than this is answered (as too long) without holding all of it in memory. */
const MAX_LINE = 1_000_000

export async function scanStream(station: Station, source: ScanSource, input: Readable, output: Writable): Promise<void> {
  let pending = ''
  const flush = async (lines: string[]): Promise<void> => {
    if (lines.length === 0) return
    const results = station.scanMany(lines.map((data) => ({ data, source })))
    const text = results.map((r) => JSON.stringify(r)).join('\n') + '\n'
    if (!output.write(text)) await new Promise((done) => output.once('drain', done))
  }
  input.setEncoding('utf8')
  for await (const chunk of input as AsyncIterable<string>) {
    const parts = (pending + chunk).split('\n')
    pending = parts.pop()!
    if (pending.length > MAX_LINE) {
      // Keep only a head of a runaway line; it is still answered once, as a too-long barcode.
      pending = pending.slice(0, MAX_LINE)
    }
    const lines = parts.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l))
    await flush(lines)
  }
  if (pending !== '') await flush([pending.endsWith('\r') ? pending.slice(0, -1) : pending])
}
