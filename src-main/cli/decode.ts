/**
 * `decode FILE...`: runs the station's decode pipeline (the same code the renderer's webcam worker runs) on JPEG
 * or PNG files and prints one JSON line per file:
 *   {"file", "text", "format", "symbologyId"}   decoded
 *   {"file", "result": null}                     no barcode found
 *   {"file", "error"}                            the file cannot be read as an image
 * Exit code: 0 all decoded, 1 some had no result, 2 some could not be read.
 */
import type { Writable } from 'node:stream'
import { decodeImage } from '../../src-shared/decode/pipeline'
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
    const result = await decodeImage(image, { effort: 'thorough' })
    if (result) {
      await writeLine(out, { file, text: result.text, format: result.format, symbologyId: result.symbologyId })
    } else {
      await writeLine(out, { file, result: null })
      code = Math.max(code, 1)
    }
  }
  return code
}
