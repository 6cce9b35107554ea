/**
 * `decode [--format json|text] FILE...`: runs the station's decode pipeline (the same code the renderer's webcam
 * worker runs) on JPEG or PNG files.
 *
 * `--format json` (the default, for scripts) prints one JSON line per file:
 *   {"file", "text", "format", "symbologyId", "symbols"}   decoded: the chosen symbol (the confirmed one that
 *                                                          carries the most) and every symbol found
 *   {"file", "result": null, "symbols"}                    nothing confirmed (symbols: what was read, unconfirmed)
 *   {"file", "error"}                                      the file cannot be read as an image
 * Each of `symbols` is {"text", "format", "symbologyId", "confirmed", "chosen"}.
 *
 * `--format text` is for a person checking why a label scans as it does: per file, every symbol with its format,
 * its text with control characters shown as \xNN (a supplier label's GS is \x1d), whether it is confirmed or why
 * not, and a `*` on the one the station would scan.
 *
 * Exit code: 0 all decoded, 1 some had no result, 2 some could not be read.
 */
import type { Writable } from 'node:stream'
import type { SymbolRead } from '../../src-shared/decode/confirm'
import { decodeSymbols, type DecodeReport } from '../../src-shared/decode/pipeline'
import { loadImageFile, setupNodeDecoder } from '../core/decode/node'

export const DECODE_FORMATS = ['json', 'text'] as const
export type DecodeOutputFormat = (typeof DECODE_FORMATS)[number]

function write(out: Writable, text: string): Promise<void> {
  return new Promise((resolve, reject) => out.write(text, (err) => (err ? reject(err) : resolve())))
}

/**
 * The text with every control character (C0, DEL, C1) as \xNN and the backslash doubled, so what a terminal
 * shows is what the symbol holds, separators included, and nothing in it can move the cursor.
 */
export function visibleText(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this makes visible
  return text.replace(/[\x00-\x1f\x7f-\x9f\\]/g, (c) =>
    c === '\\' ? '\\\\' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
  )
}

const EVIDENCE: Record<NonNullable<SymbolRead['evidence']>, string> = {
  'error-correction': 'confirmed by its error correction',
  'both-engines': 'confirmed: both engines read it',
  'two-attempts': 'confirmed: read on two attempts',
  'two-frames': 'confirmed: read on two camera frames',
}

function why(symbol: SymbolRead): string {
  if (symbol.evidence) return EVIDENCE[symbol.evidence]
  if (symbol.rejected) return `not confirmed: ${symbol.rejected}`
  const attempts = symbol.attempts === 1 ? 'one attempt' : `${symbol.attempts} attempts`
  return `not confirmed: read by ${symbol.engines.join(' and ')} on ${attempts} only`
}

function textReport(file: string, report: DecodeReport): string {
  const { symbols, chosen } = report
  const count = `${symbols.length} symbol${symbols.length === 1 ? '' : 's'}`
  const head = chosen
    ? `${file}: ${count}, chose the ${chosen.format}`
    : `${file}: ${symbols.length ? `${count}, none confirmed` : 'no barcode found'}`
  const lines = symbols.map(
    (s) => `  ${s === chosen ? '*' : ' '} ${s.format} ${s.symbologyId}  ${why(s)}\n      ${visibleText(s.text)}`,
  )
  return `${[head, ...lines].join('\n')}\n`
}

function jsonReport(file: string, report: DecodeReport): string {
  const result = report.chosen
  const symbols = report.symbols.map((s) => ({
    text: s.text,
    format: s.format,
    symbologyId: s.symbologyId,
    confirmed: s.evidence !== null,
    chosen: s === result,
  }))
  const line = result
    ? { file, text: result.text, format: result.format, symbologyId: result.symbologyId, symbols }
    : { file, result: null, symbols }
  return `${JSON.stringify(line)}\n`
}

export async function decodeCommand(
  files: string[],
  out: Writable,
  format: DecodeOutputFormat = 'json',
): Promise<number> {
  setupNodeDecoder()
  let code = 0
  for (const file of files) {
    let image
    try {
      image = loadImageFile(file)
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      await write(
        out,
        format === 'json' ? `${JSON.stringify({ file, error: message })}\n` : `${file}: cannot read it: ${message}\n`,
      )
      code = 2
      continue
    }
    const report = await decodeSymbols(image, { effort: 'thorough' })
    await write(out, format === 'json' ? jsonReport(file, report) : textReport(file, report))
    if (!report.chosen) code = Math.max(code, 1)
  }
  return code
}
