/**
 * `decode FILE...`: runs the station's decode pipeline (the same code the renderer's webcam worker runs) on JPEG
 * or PNG files and prints one JSON line per file:
 *   {"file", "text", "format", "symbologyId", "symbols"}   decoded: the chosen symbol (the confirmed one that
 *                                                          carries the most) and every symbol found
 *   {"file", "result": null, "symbols"}                    nothing confirmed (symbols: what was read, unconfirmed)
 *   {"file", "error"}                                      the file cannot be read as an image
 * Each of `symbols` is {"text", "format", "symbologyId", "confirmed", "chosen"}.
 * Exit code: 0 all decoded, 1 some had no result, 2 some could not be read.
 */
import type { Writable } from 'node:stream'
import { decodeSymbols } from '../../src-shared/decode/pipeline'
import { loadImageFile, setupNodeDecoder } from '../core/decode/node'

function writeLine(out: Writable, value: object): Promise<void> {
  return new Promise((resolve, reject) =>
    out.write(`${JSON.stringify(value)}\n`, (err) => (err ? reject(err) : resolve())),
  )
}

export async function decodeCommand(files: string[], out: Writable): Promise<number> {
  setupNodeDecoder()
  let code = 0
  for (const file of files) {
    let image
    try {
      image = loadImageFile(file)
    } catch (error) {
      await writeLine(out, { file, error: error instanceof Error ? error.message : String(error) })
      code = 2
      continue
    }
    const report = await decodeSymbols(image, { effort: 'thorough' })
    const result = report.chosen
    const symbols = report.symbols.map((s) => ({
      text: s.text,
      format: s.format,
      symbologyId: s.symbologyId,
      confirmed: s.evidence !== null,
      chosen: s === result,
    }))
    if (result) {
      await writeLine(out, { file, text: result.text, format: result.format, symbologyId: result.symbologyId, symbols })
    } else {
      await writeLine(out, { file, result: null, symbols })
      code = Math.max(code, 1)
    }
  }
  return code
}
