/**
 * Why the decode pipeline is built as it is: each zxing-wasm option and each image treatment tried, measured on
 * zxing-wasm alone (its first read of the whole image), and each pipeline step switched off in turn, on the quagga2
 * fixture photos and on the generated set. Rejected options stay in the table: the figures are the reason.
 * Standalone: `npx tsx bench/decode-options.ts [FIXTURES_DIR]`.
 */
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import type { ReaderOptions } from 'zxing-wasm/reader'
import { loadImageFile, setupNodeDecoder } from '../src-main/core/decode/node'
import { generateBarcodeSet } from '../src-main/tests/support/generated-barcodes'
import { scaleRgba, sharpenRgba } from '../src-shared/decode/image'
import { normalizeResult } from '../src-shared/decode/normalize'
import { decodeImage, type PipelineSteps } from '../src-shared/decode/pipeline'
import type { DecodeResult, RgbaImage } from '../src-shared/decode/types'
import { readWithZxing } from '../src-shared/decode/zxing'
import { DEFAULT_FIXTURES_DIR, listFixtures } from './decode-accuracy'
import { fmt, heading, percentile } from './stats'

interface Sample {
  image: RgbaImage
  expected: string
}

type Decoder = (image: RgbaImage) => Promise<DecodeResult | null>

interface Outcome {
  read: boolean[]
  wrong: number
  medianMs: number
}

/**
 * Every row on each image in turn (not row after row), so that the shared machine's load, which changes from one
 * minute to the next, weighs on all rows alike.
 */
async function measureRows(decoders: Decoder[], samples: Sample[]): Promise<Outcome[]> {
  const times = decoders.map(() => [] as number[])
  const outcomes = decoders.map((): Outcome => ({ read: [], wrong: 0, medianMs: 0 }))
  for (const s of samples) {
    for (let k = 0; k < decoders.length; k++) {
      const t0 = performance.now()
      const result = await decoders[k]!(s.image)
      times[k]!.push(performance.now() - t0)
      outcomes[k]!.read.push(result?.text === s.expected)
      if (result && result.text !== s.expected) outcomes[k]!.wrong++
    }
  }
  for (let k = 0; k < decoders.length; k++) {
    times[k]!.sort((a, b) => a - b)
    outcomes[k]!.medianMs = percentile(times[k]!, 50)
  }
  return outcomes
}

function zxingWith(options: ReaderOptions, prepare: (image: RgbaImage) => RgbaImage = (i) => i): Decoder {
  return async (image) => {
    const [found] = await readWithZxing(prepare(image), options)
    return found ? normalizeResult({ text: found.text, format: found.format, symbologyId: found.symbologyId }) : null
  }
}

/** zxing-wasm's defaults in the station (tryHarder, tryRotate, tryInvert, tryDownscale), the baseline. */
const ZXING_ROWS: [string, Decoder][] = [
  ['zxing defaults (baseline: all try* on)', zxingWith({})],
  ['quick: no tryHarder/tryRotate/tryInvert', zxingWith({ tryHarder: false, tryRotate: false, tryInvert: false })],
  ['tryRotate off', zxingWith({ tryRotate: false })],
  ['tryInvert off', zxingWith({ tryInvert: false })],
  ['tryDownscale off', zxingWith({ tryDownscale: false })],
  ['downscaleFactor 2 (default 3)', zxingWith({ downscaleFactor: 2 })],
  ['binarizer GlobalHistogram', zxingWith({ binarizer: 'GlobalHistogram' })],
  ['binarizer FixedThreshold', zxingWith({ binarizer: 'FixedThreshold' })],
  ['isPure', zxingWith({ isPure: true })],
  ['image ×2 first', zxingWith({ tryDownscale: false }, (i) => scaleRgba(i, 2))],
  ['unsharp mask first (amount 3, radius 3)', zxingWith({}, (i) => sharpenRgba(i, 3, 3))],
]

/** The station's pipeline, then with one step switched off (or a rejected one switched on). */
const PIPELINE_ROWS: [string, Partial<PipelineSteps>][] = [
  ['station pipeline (baseline)', {}],
  ['DataMatrix pass (tryHarder) right after an empty quick pass', { matrixPass: 'after-quick' }],
  ['− DataMatrix pass (tryHarder)', { matrixPass: 'off' }],
  ['− quick read checked on its region (zxing, rescaled)', { regionCheck: false }],
]

async function table(title: string, rows: [string, Decoder][], sets: [string, Sample[]][]): Promise<void> {
  heading(title, 'reads / wrong / median ms per image; ± = images read that the first row did not / misses it read')
  const header = ['', ...sets.flatMap(([name]) => [`${name} read`, 'wrong', 'ms', '±'])]
  const perSet: Outcome[][] = []
  for (const [, samples] of sets)
    perSet.push(
      await measureRows(
        rows.map(([, decode]) => decode),
        samples,
      ),
    )
  const out = rows.map(([name], r) => [
    name,
    ...perSet.flatMap((outcomes) => {
      const o = outcomes[r]!
      const b = outcomes[0]!
      const gained = o.read.filter((x, i) => x && !b.read[i]).length
      const lost = o.read.filter((x, i) => !x && b.read[i]).length
      return [String(o.read.filter(Boolean).length), String(o.wrong), fmt(o.medianMs, 1), `+${gained}/−${lost}`]
    }),
  ])
  const widths = header.map((c, i) => Math.max(c.length, ...out.map((r) => r[i]!.length)))
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')
  process.stdout.write(`${line(header)}\n${out.map(line).join('\n')}\n`)
}

export async function benchDecodeOptions(fixturesDir: string = DEFAULT_FIXTURES_DIR): Promise<void> {
  setupNodeDecoder()
  const sets: [string, Sample[]][] = []
  if (existsSync(join(fixturesDir, 'expected.json'))) {
    const photos = listFixtures(fixturesDir).filter((f): f is typeof f & { expected: string } => f.expected !== null)
    sets.push(['fixtures', photos.map((f) => ({ image: loadImageFile(f.path), expected: f.expected }))])
  } else {
    process.stdout.write(`fixtures not found (${fixturesDir}): generated set only\n`)
  }
  const generated: Sample[] = []
  for await (const g of generateBarcodeSet()) generated.push({ image: g.image, expected: g.truth })
  sets.push(['generated', generated])
  // Warm both engines up so the first image's time is not the start-up's.
  await decodeImage(generated[0]!.image)

  await table('Decode options: zxing-wasm alone, one option changed', ZXING_ROWS, sets)
  await table(
    'Decode options: the station pipeline, one step changed',
    PIPELINE_ROWS.map(([name, steps]): [string, Decoder] => [name, (image) => decodeImage(image, { steps })]),
    sets,
  )
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await benchDecodeOptions(process.argv[2] ? resolve(process.argv[2]) : DEFAULT_FIXTURES_DIR)
}
