/**
 * Decode accuracy on the quagga2 fixture photos and on a generated, degraded set: quagga2 alone, zxing-wasm
 * alone and the station's pipeline, side by side, plus the live camera's decoded frames a second. Prints figures, never pass/fail. Photos are read from ../shared, never copied.
 * Standalone: `npx tsx bench/decode-accuracy.ts [FIXTURES_DIR]`.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import { loadImageFile, setupNodeDecoder } from '../src-main/core/decode/node'
import { decodeImage, decodeQuaggaOnly, decodeZxingOnly } from '../src-shared/decode/pipeline'
import type { DecodeResult, RgbaImage } from '../src-shared/decode/types'
import { centreRect, cropRgba } from '../src-shared/decode/image'
import { generateBarcodeSet } from '../src-main/tests/support/generated-barcodes'
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
  /** Per fixture, in order: 'read', 'wrong' or 'none' ('fp' for a result on the no-barcode photo). */
  outcomes: string[]
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
    outcomes: [],
  }
  const times: number[] = []
  for (const fixture of fixtures) {
    const image = images.get(fixture.path)!
    const t0 = performance.now()
    const result = await decode(image)
    times.push(performance.now() - t0)
    if (fixture.expected === null) {
      score.outcomes.push(result ? 'fp' : 'none')
      if (result) {
        score.falsePositives++
        score.wrongResults.push(
          `${fixture.set}/${fixture.name}: ${JSON.stringify(result.text)} on the photo without a barcode`,
        )
      }
      continue
    }
    score.total++
    score.outcomes.push(!result ? 'none' : result.text === fixture.expected ? 'read' : 'wrong')
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

function render(cols: string[], rows: string[][]): void {
  const widths = cols.map((c, i) => Math.max(c.length, ...rows.map((r) => r[i]!.length)))
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')
  process.stdout.write(`${line(cols)}\n${rows.map(line).join('\n')}\n`)
}

function engines(): [string, Decoder][] {
  return [
    ['quagga2 alone', decodeQuaggaOnly],
    ['zxing-wasm alone', decodeZxingOnly],
    ['station pipeline', (image) => decodeImage(image, { effort: 'thorough' })],
    ['pipeline, fast (webcam frames)', (image) => decodeImage(image, { effort: 'fast' })],
  ]
}

async function scoreAll(fixtures: Fixture[], images: Map<string, RgbaImage>): Promise<EngineScore[]> {
  const scores: EngineScore[] = []
  for (const [name, decode] of engines()) scores.push(await scoreDecoder(name, decode, fixtures, images))
  const cols = ['', ...scores.map((s) => s.name)]
  render(cols, [
    [`read (of ${scores[0]!.total})`, ...scores.map((s) => String(s.correct))],
    ['wrong', ...scores.map((s) => String(s.wrong))],
    ['none', ...scores.map((s) => String(s.none))],
    ['result on a no-barcode photo', ...scores.map((s) => (s.falsePositives ? `yes (${s.falsePositives})` : 'no'))],
    ['median ms per image', ...scores.map((s) => fmt(s.medianMs, 1))],
  ])
  for (const score of scores) {
    for (const wrong of score.wrongResults) process.stdout.write(`  ${score.name} wrong: ${wrong}\n`)
  }
  return scores
}

/** Live camera throughput: 640×480 frames, region of interest as the camera page crops it, fast pipeline. */
async function benchLiveFrames(images: RgbaImage[]): Promise<void> {
  const frames = images
    .filter((i) => i.width === 640 && i.height === 480)
    .map((i) => cropRgba(i, centreRect(640, 480, 0.7)))
  if (frames.length === 0) return
  const t0 = performance.now()
  for (const frame of frames) await decodeImage(frame, { effort: 'fast' })
  const perFrame = (performance.now() - t0) / frames.length
  process.stdout.write(
    `live camera (640×480, 70% box, fast pipeline in one worker): ${fmt(perFrame, 1)} ms a frame, ${fmt(1000 / perFrame, 1)} decoded frames/s\n`,
  )
}

export async function benchDecodeAccuracy(fixturesDir: string = DEFAULT_FIXTURES_DIR): Promise<EngineScore[]> {
  setupNodeDecoder()
  let scores: EngineScore[] = []
  heading(`Decode accuracy: ${fixturesDir}`)
  if (!existsSync(join(fixturesDir, 'expected.json'))) {
    process.stdout.write(`fixtures not found (${fixturesDir}): skipped\n`)
  } else {
    const fixtures = listFixtures(fixturesDir)
    const images = new Map(fixtures.map((f) => [f.path, loadImageFile(f.path)] as const))
    // Warm up both engines (wasm instantiation, JIT) so the first photo's time is not the start-up's.
    await decodeImage(images.get(fixtures[0]!.path)!)
    scores = await scoreAll(fixtures, images)
    await benchLiveFrames([...images.values()])
  }

  heading(
    'Decode accuracy: generated set (bwip-js symbols degraded by sharp, seed 13)',
    'every symbology the desk reads × each degradation level; wrong = a text other than the one rendered',
  )
  const generated: { fixture: Fixture; kind: string }[] = []
  const genImages = new Map<string, RgbaImage>()
  for await (const g of generateBarcodeSet()) {
    const path = `generated/${generated.length}`
    genImages.set(path, g.image)
    generated.push({
      fixture: { set: g.degradation.kind, name: `${g.symbology} ${g.degradation.level}`, path, expected: g.truth },
      kind: `${g.degradation.kind} ${g.degradation.level}`.replace(' -', ''),
    })
  }
  const genScores = await scoreAll(
    generated.map((g) => g.fixture),
    genImages,
  )
  const kinds = [...new Set(generated.map((g) => g.kind))]
  process.stdout.write('\nper degradation: read/wrong of each\n')
  render(
    ['', ...genScores.map((s) => s.name)],
    kinds.map((kind) => {
      const idx = generated.flatMap((g, i) => (g.kind === kind ? [i] : []))
      return [
        `${kind} (${idx.length})`,
        ...genScores.map((s) => {
          const read = idx.filter((i) => s.outcomes[i] === 'read').length
          const wrong = idx.filter((i) => s.outcomes[i] === 'wrong').length
          return `${read}/${wrong}`
        }),
      ]
    }),
  )
  return [...scores, ...genScores]
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await benchDecodeAccuracy(process.argv[2] ? resolve(process.argv[2]) : DEFAULT_FIXTURES_DIR)
}
