/**
 * The live camera: how many quagga2 fixture photos a webcam scan confirms within 3 frames (each photo fed as 3
 * frames with a little camera jitter — 1–2 px shift, ±2% scale, sensor noise — through the fast pipeline (turning
 * through the quagga2 settings frame by frame, as the camera page does) and the live scanner: next-frame confirmation and the label-sibling gate), against the fast pipeline on one frame; and
 * the camera page's decoded frames a second in Chromium (web host, Chromium's fake camera playing a fixture photo
 * at 640×480), idle and with one core kept busy. Prints figures, never pass/fail.
 * Standalone: `npx tsx bench/decode-live.ts [FIXTURES_DIR]`; BENCH_LIVE_BASELINE=DIR also measures another built
 * checkout's camera page (before/after a change).
 */
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import { chromium } from 'playwright-core'
import { loadImageFile, setupNodeDecoder } from '../src-main/core/decode/node'
import { seededRandom } from '../src-main/core/random'
import { chooseSymbol } from '../src-shared/decode/confirm'
import { FrameConfirm } from '../src-shared/decode/frame-confirm'
import { SiblingGate } from '../src-shared/decode/label-siblings'
import { liveQuaggaPass } from '../src-shared/decode/live'
import { decodeSymbols } from '../src-shared/decode/pipeline'
import type { RgbaImage } from '../src-shared/decode/types'
import { DEFAULT_FIXTURES_DIR, listFixtures } from './decode-accuracy'
import { fmt, heading, line, percentile } from './stats'
import { startHost } from './ui'

const root = resolve(import.meta.dirname, '..')
/** A camera at 15 decoded frames a second, the rate the live camera must keep. */
const FRAME_MS = 1000 / 15
const FRAMES_PER_PHOTO = 3

/** The photo as a camera's next frame might see it: shifted by (dx, dy), scaled about its centre, with noise. */
export function jitter(image: RgbaImage, rand: () => number): RgbaImage {
  const sign = (): number => (rand() < 0.5 ? -1 : 1)
  const dx = sign() * (1 + rand())
  const dy = sign() * (1 + rand())
  const scale = 1 + (rand() * 2 - 1) * 0.02
  const { width, height, data: src } = image
  const out = new Uint8ClampedArray(width * height * 4)
  const cx = width / 2
  const cy = height / 2
  for (let y = 0; y < height; y++) {
    const fy = Math.min(height - 1, Math.max(0, (y - cy) / scale + cy - dy))
    const y0 = Math.floor(fy)
    const y1 = Math.min(height - 1, y0 + 1)
    const wy = fy - y0
    for (let x = 0; x < width; x++) {
      const fx = Math.min(width - 1, Math.max(0, (x - cx) / scale + cx - dx))
      const x0 = Math.floor(fx)
      const x1 = Math.min(width - 1, x0 + 1)
      const wx = fx - x0
      // Sensor noise: about 3 grey levels (sum of uniforms, near Gaussian), the same on the three channels.
      const noise = (rand() + rand() + rand() - 1.5) * 6
      const o = (y * width + x) * 4
      for (let c = 0; c < 3; c++) {
        const a = src[(y0 * width + x0) * 4 + c]! * (1 - wx) + src[(y0 * width + x1) * 4 + c]! * wx
        const b = src[(y1 * width + x0) * 4 + c]! * (1 - wx) + src[(y1 * width + x1) * 4 + c]! * wx
        out[o + c] = a * (1 - wy) + b * wy + noise
      }
      out[o + 3] = 255
    }
  }
  return { data: out, width, height }
}

interface Tally {
  read: number
  wrong: number
  none: number
}

interface SequenceScore {
  single: Tally
  confirmed: Tally
  live: Tally
  total: number
  /** Frames until the scan (1–3), per photo read. */
  framesToScan: number[]
  heldMs: number[]
  wrongResults: string[]
}

/** Each photo as 3 jittered frames, 15 frames a second apart, through the fast pipeline and the live scanner. */
async function liveSequence(fixturesDir: string): Promise<SequenceScore> {
  const score: SequenceScore = {
    single: { read: 0, wrong: 0, none: 0 },
    confirmed: { read: 0, wrong: 0, none: 0 },
    live: { read: 0, wrong: 0, none: 0 },
    total: 0,
    framesToScan: [],
    heldMs: [],
    wrongResults: [],
  }
  for (const [index, fixture] of listFixtures(fixturesDir).entries()) {
    // Each photo its own seed: the same frames whatever the photos before it cost.
    const rand = seededRandom(7 + index)
    const photo = loadImageFile(fixture.path)
    const confirm = new FrameConfirm()
    const gate = new SiblingGate()
    let scan: { text: string; frame: number; heldMs: number } | null = null
    let single: string | null = null
    let confirmed: string | null = null
    // Frames go on after the confirmation while the 1D hold runs; a text confirmed by frame 3 counts as confirmed.
    for (let f = 0; f < FRAMES_PER_PHOTO + 2 && !scan; f++) {
      const report = await decodeSymbols(jitter(photo, rand), { effort: 'fast', quaggaPass: liveQuaggaPass(f) })
      if (f === 0) single = report.chosen?.text ?? null
      const symbols = confirm.add(report.symbols, f * FRAME_MS)
      if (f < FRAMES_PER_PHOTO) confirmed ??= chooseSymbol(symbols)?.text ?? null
      const found = gate.add(symbols, f * FRAME_MS)
      if (found) scan = { text: found.text, frame: f + 1, heldMs: found.heldMs }
    }
    const tally = (t: SequenceScore['live'], text: string | null): void => {
      if (fixture.expected === null) return
      if (text === null) t.none++
      else if (text === fixture.expected) t.read++
      else t.wrong++
    }
    if (fixture.expected === null) {
      if (scan) score.wrongResults.push(`${fixture.set}/${fixture.name}: ${JSON.stringify(scan.text)} (no barcode)`)
      continue
    }
    score.total++
    tally(score.single, single)
    tally(score.confirmed, confirmed)
    tally(score.live, scan?.text ?? null)
    if (scan && scan.text === fixture.expected) {
      score.framesToScan.push(scan.frame)
      score.heldMs.push(scan.heldMs)
    } else if (scan)
      score.wrongResults.push(
        `${fixture.set}/${fixture.name}: ${JSON.stringify(scan.text)}, expected ${JSON.stringify(fixture.expected)}`,
      )
  }
  return score
}

/** A 640×480, 30 frames/s .y4m of the photo (centred on white), for Chromium's fake camera. */
function y4mOf(image: string, out: string): void {
  execFileSync('ffmpeg', [
    ...['-hide_banner', '-loglevel', 'error', '-y', '-loop', '1', '-i', image, '-t', '2', '-r', '30'],
    ...['-vf', 'scale=640:480:force_original_aspect_ratio=decrease,pad=640:480:(ow-iw)/2:(oh-ih)/2:white'],
    ...['-pix_fmt', 'yuv420p', '-f', 'yuv4mpegpipe', out],
  ])
}

/**
 * Decoded frames a second of the camera page built in `from`/out (this tree by default), over `seconds`. Counted
 * by the answers the page's decode workers post (a script the bench adds before the page loads), so a build
 * without the page's own frames/s figure is measured the same way.
 */
export async function cameraFps(
  y4m: string,
  from = root,
  options: { seconds?: number; busyCore?: boolean; workers?: number } = {},
): Promise<{ fps: number; shown: string | null }> {
  const dir = mkdtempSync(join(tmpdir(), 'scan-station-live-'))
  const host = await startHost(join(dir, 'live.db'), from)
  const busy = options.busyCore ? spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' }) : null
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] || '/usr/bin/chromium',
    args: [
      ...['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      ...['--no-first-run', '--disable-gpu', '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
      `--use-file-for-fake-video-capture=${y4m}`,
    ],
  })
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    await page.addInitScript(() => {
      const g = globalThis as unknown as { Worker: typeof Worker; __workerAnswers: number }
      g.__workerAnswers = 0
      const Original = g.Worker
      g.Worker = class extends Original {
        constructor(url: string | URL, opts?: WorkerOptions) {
          super(url, opts)
          this.addEventListener('message', () => g.__workerAnswers++)
        }
      }
    })
    const query = options.workers ? `?workers=${options.workers}` : ''
    await page.goto(`${host.url}#/camera${query}`)
    await page.getByTestId('webcam-scanner').waitFor({ timeout: 30_000 })
    const answers = (): Promise<number> =>
      page.evaluate(() => (globalThis as unknown as { __workerAnswers: number }).__workerAnswers)
    // The decoder's wasm and the first frames: not the steady rate.
    await page.waitForFunction(
      () => (globalThis as unknown as { __workerAnswers: number }).__workerAnswers > 5,
      undefined,
      { timeout: 30_000 },
    )
    await page.waitForTimeout(1000)
    const n0 = await answers()
    const t0 = performance.now()
    await page.waitForTimeout((options.seconds ?? 5) * 1000)
    const fps = ((await answers()) - n0) / ((performance.now() - t0) / 1000)
    const fpsLine = page.getByTestId('webcam-fps')
    const shown = (await fpsLine.count()) ? await fpsLine.innerText() : null
    return { fps, shown }
  } finally {
    await browser.close()
    busy?.kill('SIGTERM')
    host.child.kill('SIGTERM')
    rmSync(dir, { recursive: true, force: true })
  }
}

export async function benchDecodeLive(fixturesDir: string = DEFAULT_FIXTURES_DIR): Promise<void> {
  setupNodeDecoder()
  heading(
    'Live camera: quagga2 photos as 3 jittered frames each (1–2 px shift, ±2% scale, noise), fast pipeline',
    'one frame = the fast pipeline alone on the first frame; live = next-frame confirmation + one scan per label',
  )
  if (!existsSync(join(fixturesDir, 'expected.json'))) {
    line('live sequence', `skipped: fixtures not found (${fixturesDir})`)
  } else {
    const s = await liveSequence(fixturesDir)
    line(`one frame: read / wrong / none (of ${s.total})`, `${s.single.read} / ${s.single.wrong} / ${s.single.none}`)
    line(
      `confirmed within ${FRAMES_PER_PHOTO} frames: read / wrong / none`,
      `${s.confirmed.read} / ${s.confirmed.wrong} / ${s.confirmed.none}`,
    )
    line(
      `  scanned within ${FRAMES_PER_PHOTO + 2} frames (3, then the 1D hold): read / wrong / none`,
      `${s.live.read} / ${s.live.wrong} / ${s.live.none}`,
    )
    const frames = [...s.framesToScan].sort((a, b) => a - b)
    for (let n = 1; n <= FRAMES_PER_PHOTO + 2; n++)
      line(`  scanned on frame ${n}`, String(frames.filter((f) => f === n).length))
    const held = [...s.heldMs].sort((a, b) => a - b)
    line(
      '  held back for a richer sibling (1D), p50 / max, at 15 frames/s',
      `${fmt(percentile(held, 50), 0)} ms / ${fmt(held.at(-1) ?? NaN, 0)} ms`,
    )
    for (const w of s.wrongResults) process.stdout.write(`  live wrong: ${w}\n`)
  }

  heading('Live camera in Chromium: decoded frames a second (camera page, fake camera 640×480 at 30 frames/s)')
  const photo = join(fixturesDir, 'ean', 'image-002.jpg')
  if (!existsSync(join(root, 'out/renderer/index.html')) || !existsSync(photo)) {
    line('camera page', 'skipped: build the renderer first (npm run build), and ../shared/fixtures/quagga2')
    return
  }
  const dir = mkdtempSync(join(tmpdir(), 'scan-station-y4m-'))
  try {
    const y4m = join(dir, 'photo.y4m')
    y4mOf(photo, y4m)
    // Another checkout, built (e.g. the main branch before a change), measured the same way beside this one.
    const baseline = process.env['BENCH_LIVE_BASELINE']
    if (baseline) {
      for (const busyCore of [false, true]) {
        const r = await cameraFps(y4m, resolve(baseline), { busyCore }).catch(() => null)
        line(`${baseline}${busyCore ? ', one core kept busy' : ''}`, r ? `${fmt(r.fps, 1)} frames/s` : 'failed')
      }
    }
    for (const [label, options] of [
      ['one worker', { workers: 1 }],
      ['two workers (the default on 2+ cores)', { workers: 2 }],
      ['one worker, one core kept busy', { workers: 1, busyCore: true }],
      ['two workers, one core kept busy', { workers: 2, busyCore: true }],
    ] as const) {
      const r = await cameraFps(y4m, root, options).catch((err: unknown) => {
        line(label, `failed: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`)
        return null
      })
      if (r) line(label, `${fmt(r.fps, 1)} frames/s (the page shows: ${r.shown ?? '-'})`)
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await benchDecodeLive(process.argv[2] ? resolve(process.argv[2]) : DEFAULT_FIXTURES_DIR)
}
