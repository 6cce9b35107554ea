/**
 * Decode accuracy on the quagga2 fixture photos: quagga2 alone, zxing-wasm alone and the station's
 * pipeline, side by side. Prints figures, never pass/fail. Photos are read from ../shared, never copied.
 * Standalone: `npx tsx bench/decode-accuracy.ts [FIXTURES_DIR]`.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import { loadImageFile, setupNodeDecoder } from '../src-main/core/decode/node'
import { decodeImage, decodeQuaggaOnly, decodeZxingOnly } from '../src-shared/decode/pipeline'
import type { DecodeResult, RgbaImage } from '../src-shared/decode/types'
import { fmt, heading, percentile } from './stats'

export const DEFAULT_FIXTURES_DIR = resolve(import.meta.dirname, '../../shared/fixtures/quagga2')

interface Expected {
  sets: Record<string, { name: string; result: string | null }[]>
}

export interface Fixture {
  set: string
  name: string
  path: string
  /** null for the photo without a barcode. */
  expected: string | null
}

/** The fixtures with an expected text, plus the no-barcode photo(s) (expected null). */
export function listFixtures(fixturesDir: string): Fixture[] {
  const expected = JSON.parse(readFileSync(join(fixturesDir, 'expected.json'), 'utf8')) as Expected
  const out: Fixture[] = []
  for (const [set, items] of Object.entries(expected.sets)) {
    for (const item of items) {
      const path = join(fixturesDir, set, item.name)
      if (set === 'no_code') out.push({ set, name: item.name, path, expected: null })
      // quagga2's suite writes a GS1-128's leading FNC1 as GS; the station reports it as the AIM id ]C1 instead.
      else if (item.result)
        out.push({
          set,
          name: item.name,
          path,
          expected: item.result.startsWith('\x1d') ? item.result.slice(1) : item.result,
        })
    }
  }
  return out
}

type Decoder = (image: RgbaImage) => Promise<DecodeResult | null>

export interface EngineScore {
  name: string
  correct: number
  wrong: number
  none: number
  total: number
  falsePositives: number
  medianMs: number
  wrongResults: string[]
}

export async function scoreDecoder(
  name: string,
  decode: Decoder,
  fixtures: Fixture[],
  images: Map<string, RgbaImage>,
): Promise<EngineScore> {
  const score: EngineScore = {
    name,
    correct: 0,
    wrong: 0,
    none: 0,
    total: 0,
    falsePositives: 0,
    medianMs: 0,
    wrongResults: [],
  }
  const times: number[] = []
  for (const fixture of fixtures) {
    const image = images.get(fixture.path)!
    const t0 = performance.now()
    const result = await decode(image)
    times.push(performance.now() - t0)
    if (fixture.expected === null) {
      if (result) {
        score.falsePositives++
        score.wrongResults.push(
          `${fixture.set}/${fixture.name}: ${JSON.stringify(result.text)} on the photo without a barcode`,
        )
      }
      continue
    }
    score.total++
    if (!result) score.none++
    else if (result.text === fixture.expected) score.correct++
    else {
      score.wrong++
      score.wrongResults.push(
        `${fixture.set}/${fixture.name}: ${JSON.stringify(result.text)} (${result.format}), expected ${JSON.stringify(fixture.expected)}`,
      )
    }
  }
  times.sort((a, b) => a - b)
  score.medianMs = percentile(times, 50)
  return score
}

export async function benchDecodeAccuracy(fixturesDir: string = DEFAULT_FIXTURES_DIR): Promise<EngineScore[]> {
  heading(`Decode accuracy: ${fixturesDir}`)
  if (!existsSync(join(fixturesDir, 'expected.json'))) {
    process.stdout.write(`fixtures not found (${fixturesDir}): skipped\n`)
    return []
  }
  setupNodeDecoder()
  const fixtures = listFixtures(fixturesDir)
  const images = new Map(fixtures.map((f) => [f.path, loadImageFile(f.path)] as const))
  // Warm up both engines (wasm instantiation, JIT) so the first photo's time is not the start-up's.
  await decodeImage(images.get(fixtures[0]!.path)!)

  const scores = [
    await scoreDecoder('quagga2 alone', decodeQuaggaOnly, fixtures, images),
    await scoreDecoder('zxing-wasm alone', decodeZxingOnly, fixtures, images),
    await scoreDecoder('station pipeline', (image) => decodeImage(image, { effort: 'thorough' }), fixtures, images),
    await scoreDecoder(
      'pipeline, fast (webcam frames)',
      (image) => decodeImage(image, { effort: 'fast' }),
      fixtures,
      images,
    ),
  ]
  const total = scores[0]!.total
  const cols = ['', ...scores.map((s) => s.name)]
  const rows: string[][] = [
    [`decoded correctly (of ${total})`, ...scores.map((s) => String(s.correct))],
    ['wrong result', ...scores.map((s) => String(s.wrong))],
    ['no result', ...scores.map((s) => String(s.none))],
    ['result on the no-barcode photo', ...scores.map((s) => (s.falsePositives ? `yes (${s.falsePositives})` : 'no'))],
    ['median ms per image', ...scores.map((s) => fmt(s.medianMs, 1))],
  ]
  const widths = cols.map((c, i) => Math.max(c.length, ...rows.map((r) => r[i]!.length)))
  const render = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')
  process.stdout.write(`${render(cols)}\n${rows.map(render).join('\n')}\n`)
  for (const score of scores) {
    for (const wrong of score.wrongResults) process.stdout.write(`  ${score.name} wrong: ${wrong}\n`)
  }
  return scores
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await benchDecodeAccuracy(process.argv[2] ? resolve(process.argv[2]) : DEFAULT_FIXTURES_DIR)
}
