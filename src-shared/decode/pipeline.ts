/**
 * The station's decode pipeline. Each engine misses codes the other reads (quagga2 finds far more of the blurry
 * 1D codes a webcam sees; zxing-wasm reads QR and DataMatrix and rarely misreads), and either one alone sometimes
 * returns a wrong code that still passes its check digit. So every attempt's reads go into a ReadSet, which
 * believes a 1D text only when a second, independent attempt read it too (./confirm.ts): the other engine, or the
 * same engine on other pixels (a crop resampled to another scale, an upright crop, the image doubled); zxing's
 * passes over the same whole image count as one attempt. The attempts of a still image, cheapest first:
 *   1. a quick zxing pass over the whole image, every format, at its own size (zxing's downscaled copies of a
 *      small image cost a third of the pass and found nothing more); a matrix symbol's error correction confirms it;
 *   2. a 1D text it read is read again by zxing on its own region resampled ×1.5 or more (a few ms: most clean and
 *      mildly damaged codes are confirmed here, where they used to wait for quagga2 and zxing's full pass), then,
 *      if still alone, by quagga2 reading through that region's middle (EAN-8 and UPC-E need both engines);
 *   3. quagga2 locates and reads a 1D code, and zxing reads the located bars turned upright;
 *   4. if nothing was read at all yet, a DataMatrix pass with tryHarder (it reads the DataMatrix the quick pass
 *      misses; placed after quagga2's first pass because on 1D photos it costs as much as the quick pass);
 *   5. zxing's full 1D pass (tryHarder, tryRotate), each read checked again on its region ×1.5;
 *   6. further quagga2 passes (other scales, locator patch sizes), each again handed to zxing;
 *   7. a small image still without a confirmed read, doubled, for zxing.
 * Why each step is there, with what it costs and finds: bench/decode-options.ts; the engines side by side:
 * bench/decode-accuracy.ts (../shared/fixtures/quagga2 and the generated set).
 */
import type { ReaderOptions } from 'zxing-wasm/reader'
import { chooseSymbol, isMatrixFormat, ReadSet, type SymbolRead } from './confirm'
import { alignedCrop, cropRgba, scaleRgba, type Rect } from './image'
import { normalizeResult } from './normalize'
import { decodeWithQuagga, type QuaggaOptions } from './quagga'
import { passesChecks } from './symbology'
import type { DecodeResult, RgbaImage } from './types'
import { readWithZxing, type ZxingDecode } from './zxing'

export type DecodeEffort = 'fast' | 'thorough'

export interface PipelineOptions {
  /** `fast` for live camera frames (one quagga pass; the next frame confirms), `thorough` for still images. */
  effort?: DecodeEffort
  /** `fast`: which of QUAGGA_PASSES to try (a live camera turns through them, one a frame; default the first). */
  quaggaPass?: number
  /** Called after each attempt with its name and duration (the benchmark's account of where the time goes). */
  onAttempt?: (attempt: string, ms: number, texts: string[]) => void
  /** Steps switched on or off, for the benchmark that shows what each one buys (bench/decode-options.ts). */
  steps?: Partial<PipelineSteps>
}

/** The optional steps of the thorough pipeline. */
export interface PipelineSteps {
  /** The quick pass reads an image of up to DOWNSCALE_ABOVE pixels at its own size only. */
  quickAtOwnSize: boolean
  /** When an image nothing was read in yet gets zxing's DataMatrix pass with tryHarder. */
  matrixPass: 'after-quick' | 'after-quagga' | 'off'
  /** zxing's full 1D pass comes after the first quagga2 pass rather than the second. */
  linearEarly: boolean
  /** A 1D text the quick pass read is read again by zxing on its own region, resampled. */
  regionCheck: boolean
  /** …and by quagga2 on that region, when zxing's second look did not confirm it. */
  quaggaRegion: boolean
}

export const DEFAULT_STEPS: PipelineSteps = {
  quickAtOwnSize: true,
  matrixPass: 'after-quagga',
  linearEarly: true,
  regionCheck: true,
  quaggaRegion: true,
}

/** What one image held: every text read (with the evidence for it) and the confirmed one that carries the most. */
export interface DecodeReport {
  symbols: SymbolRead[]
  chosen: SymbolRead | null
}

/** quagga2 passes in the order they are tried (the first ones decode the most fixtures on their own). */
export const QUAGGA_PASSES: Partial<QuaggaOptions>[] = [
  { size: 640, patchSize: 'large' },
  { size: 640 },
  { size: 800 },
  { size: 800, patchSize: 'large' },
  { size: 1280 },
  { size: 800, halfSample: false },
  { size: 800, patchSize: 'x-large' },
  { size: 640, halfSample: false },
  { size: 1280, halfSample: false },
]

/** What the ReadSet calls every zxing pass over the whole image at its own size. */
const WHOLE_IMAGE = 'zxing:image'

/** Small images get a last zxing pass at twice the size. */
const UPSCALE_BELOW = 1000
/** A quagga2 read spanning less of the located bars than this is part of a longer symbol. */
const MIN_QUAGGA_SPAN = 0.4

/** Costs a fraction of zxing's all-options pass and finds the matrix symbols and the clean 1D codes. */
const QUICK_PASS: ReaderOptions = {
  tryHarder: false,
  tryRotate: false,
  tryInvert: false,
  tryDownscale: true,
}

/**
 * zxing's DataMatrix pass with tryHarder, for an image the quick pass found nothing in: it reads most of the
 * DataMatrix symbols the quick pass misses, in a few ms (the quick pass already reads the QR codes).
 */
const MATRIX_PASS: ReaderOptions = {
  formats: ['DataMatrix'],
  tryHarder: true,
  tryRotate: false,
  tryInvert: false,
  tryDownscale: false,
}

/** A still image smaller than this is read at its own size only: zxing's downscaled copies cost more than they find. */
const DOWNSCALE_ABOVE = 1000

const LINEAR_PASS: ReaderOptions = {
  formats: ['Linear-Codes'],
  tryHarder: true,
  tryRotate: true,
  tryInvert: false,
  tryDownscale: true,
}

/** The located bars turned upright: zxing reads rows, no rotation needed. */
const UPRIGHT_PASS: ReaderOptions = {
  formats: ['Linear-Codes'],
  tryHarder: true,
  tryRotate: false,
  tryInvert: false,
  tryDownscale: false,
}

/** A region read again to check a read is resampled by at least this factor (up or down). */
const MIN_RESCALE = 1.3

/** Long side a region is resampled to before zxing reads it: enough pixels per module, few pixels in all. */
const CROP_SIDE = 480

function strip(result: DecodeResult): DecodeResult {
  return { text: result.text, format: result.format, symbologyId: result.symbologyId }
}

/** The region grown by a fifth of its size (plus a few pixels) each way, for the quiet zones. */
function withMargin(rect: Rect): Rect {
  const mx = rect.width * 0.2 + 8
  const my = rect.height * 0.2 + 8
  return { x: rect.x - mx, y: rect.y - my, width: rect.width + 2 * mx, height: rect.height + 2 * my }
}

function boundsOf(points: { x: number; y: number }[]): Rect | undefined {
  if (points.length === 0) return undefined
  const xs = points.map((p) => p.x)
  const ys = points.map((p) => p.y)
  const x = Math.min(...xs)
  const y = Math.min(...ys)
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y }
}

class Attempts {
  readonly reads = new ReadSet()
  private readonly cropped = new Set<string>()

  constructor(
    private readonly image: RgbaImage,
    private readonly onAttempt?: (attempt: string, ms: number, texts: string[]) => void,
  ) {}

  private t0 = 0

  async timed<T>(work: () => Promise<T>): Promise<T> {
    this.t0 = performance.now()
    return work()
  }

  private report(attempt: string, texts: string[]): void {
    this.onAttempt?.(attempt, performance.now() - this.t0, texts)
  }

  addZxing(
    found: ZxingDecode[],
    attempt: string,
    map: (r: Rect) => Rect = (r) => r,
    source: string = attempt,
  ): DecodeResult[] {
    const added: DecodeResult[] = []
    for (const raw of found) {
      const result = normalizeResult(strip(raw))
      if (!passesChecks(result.format, result.text)) continue
      this.reads.add({ ...result, engine: 'zxing', attempt: source, region: map(raw.region) })
      added.push(result)
    }
    this.report(
      attempt,
      added.map((r) => r.text),
    )
    return added
  }

  /**
   * zxing over the whole image. Its passes with other options read the same pixels at the same scale, so for
   * confirming they are one attempt (WHOLE_IMAGE), whatever each is named in the trace.
   */
  async zxing(options: ReaderOptions, attempt: string): Promise<ZxingDecode[]> {
    const found = await this.timed(() => readWithZxing(this.image, options))
    this.addZxing(found, attempt, undefined, WHOLE_IMAGE)
    return found
  }

  /** zxing on one region of the image, resampled by `scale` on top of the fit to CROP_SIDE. */
  async zxingRegion(region: Rect, attempt: string, scale = 1): Promise<void> {
    const rect = withMargin(region)
    const crop = cropRgba(this.image, rect)
    if (crop.width < 8 || crop.height < 8) return
    let factor = Math.min(3, (CROP_SIDE / Math.max(crop.width, crop.height)) * scale)
    // The same pixels at the same scale would repeat the first read's sampling, not check it: resample, upwards
    // (shrinking a long symbol leaves too few pixels a module).
    if (factor > 1 / MIN_RESCALE && factor < MIN_RESCALE) factor = 1.5
    const input = scaleRgba(crop, factor)
    const found = await this.timed(() =>
      readWithZxing(input, {
        formats: ['Linear-Codes'],
        tryHarder: true,
        tryRotate: crop.height > crop.width,
        tryInvert: false,
        tryDownscale: false,
      }),
    )
    const x0 = Math.max(0, Math.floor(rect.x))
    const y0 = Math.max(0, Math.floor(rect.y))
    const f = input.width / crop.width
    this.addZxing(found, attempt, (r) => ({
      x: x0 + r.x / f,
      y: y0 + r.y / f,
      width: r.width / f,
      height: r.height / f,
    }))
  }

  /**
   * quagga2 on one region a zxing pass without rotation read: its bars run across the region's rows, so quagga2 reads
   * through its middle without locating (the other engine on the same symbol, for a few ms).
   */
  async quaggaRegion(region: Rect, attempt: string): Promise<void> {
    const rect = withMargin(region)
    const grow = Math.max(0, 48 - rect.height) / 2
    const crop = cropRgba(this.image, { ...rect, y: rect.y - grow, height: rect.height + 2 * grow })
    if (crop.width < 32 || crop.height < 32) return this.report(attempt, [])
    const found = await this.timed(() => decodeWithQuagga(crop, { size: 0, locate: false }))
    const result = found && found.span >= MIN_QUAGGA_SPAN ? normalizeResult(strip(found)) : null
    if (!result || !passesChecks(result.format, result.text)) return this.report(attempt, [])
    this.report(attempt, [result.text])
    this.reads.add({ ...result, engine: 'quagga2', attempt, region })
  }

  async quagga(pass: Partial<QuaggaOptions>, attempt: string): Promise<void> {
    const found = await this.timed(() => decodeWithQuagga(this.image, pass))
    const result = found && found.span >= MIN_QUAGGA_SPAN ? normalizeResult(strip(found)) : null
    if (!found || !result || !passesChecks(result.format, result.text)) return this.report(attempt, [])
    this.report(attempt, [result.text])
    const region = boundsOf(found.box)
    this.reads.add({ ...result, engine: 'quagga2', attempt, region })
    // The located bars, turned upright, are read again by zxing, once per text: the other engine agreeing is the
    // best confirmation. (quagga2 re-reading its own crop was tried: it repeats its own misreads of short codes.)
    if (!region || this.cropped.has(result.text) || this.reads.hasConfirmed()) return
    this.cropped.add(result.text)
    const upright = alignedCrop(this.image, found.box, CROP_SIDE)
    if (!upright) return
    const zx = await this.timed(() => readWithZxing(upright, UPRIGHT_PASS))
    this.addZxing(zx, `zxing:upright-${attempt}`, () => region)
  }
}

/** Decodes one RGBA image: every symbol read, and the confirmed one carrying the most. */
export async function decodeSymbols(image: RgbaImage, options: PipelineOptions = {}): Promise<DecodeReport> {
  const effort = options.effort ?? 'thorough'
  const steps = { ...DEFAULT_STEPS, ...options.steps }
  const run = new Attempts(image, options.onAttempt)
  const large = Math.max(image.width, image.height) > DOWNSCALE_ABOVE

  if (effort === 'fast') {
    // A live camera sends another frame in a few tens of milliseconds: one quagga2 pass, zxing's harder 1D pass
    // only when quagga2 found nothing, and a read left unconfirmed here is confirmed by the next frame.
    await run.zxing(QUICK_PASS, 'zxing:quick')
    const pass = (options.quaggaPass ?? 0) % QUAGGA_PASSES.length
    await run.quagga(QUAGGA_PASSES[pass]!, `quagga2:${pass}`)
    if (run.reads.size === 0) await run.zxing(LINEAR_PASS, 'zxing:linear')
    const symbols = run.reads.symbols()
    return { symbols, chosen: chooseSymbol(symbols) }
  }

  const quick = await run.zxing({ ...QUICK_PASS, tryDownscale: large || !steps.quickAtOwnSize }, 'zxing:quick')
  const matrix = async () => {
    if (run.reads.size === 0) await run.zxing({ ...MATRIX_PASS, tryDownscale: large }, 'zxing:matrix')
  }
  if (steps.matrixPass === 'after-quick') await matrix()
  if (!run.reads.hasConfirmed()) {
    const linear = quick.filter((raw) => !isMatrixFormat(raw.format))
    if (steps.regionCheck) for (const raw of linear) await run.zxingRegion(raw.region, 'zxing:region')
    if (steps.quaggaRegion)
      for (const raw of linear) if (!run.reads.hasConfirmed()) await run.quaggaRegion(raw.region, 'quagga2:region')
  }

  for (let i = 0; i < QUAGGA_PASSES.length && !run.reads.hasConfirmed(); i++) {
    await run.quagga(QUAGGA_PASSES[i]!, `quagga2:${i}`)
    if (i === 0 && steps.matrixPass === 'after-quagga') await matrix()
    if (run.reads.hasConfirmed()) break
    if (i === (steps.linearEarly ? 0 : 1)) {
      const found = await run.zxing(LINEAR_PASS, 'zxing:linear')
      if (run.reads.hasConfirmed()) break
      // A zxing read not yet confirmed is looked at again, closer and at another scale.
      for (const raw of found) await run.zxingRegion(raw.region, 'zxing:closer', 1.5)
    }
  }

  if (!run.reads.hasConfirmed() && Math.max(image.width, image.height) < UPSCALE_BELOW) {
    const found = await run.timed(() =>
      readWithZxing(scaleRgba(image, 2), { tryHarder: true, tryRotate: true, tryDownscale: false }),
    )
    run.addZxing(found, 'zxing:x2', (r) => ({ x: r.x / 2, y: r.y / 2, width: r.width / 2, height: r.height / 2 }))
  }

  const symbols = run.reads.symbols()
  return { symbols, chosen: chooseSymbol(symbols) }
}

/** Decodes one RGBA image to its chosen symbol `{text, format, symbologyId}`, or null when nothing is confirmed. */
export async function decodeImage(image: RgbaImage, options: PipelineOptions = {}): Promise<DecodeResult | null> {
  const { chosen } = await decodeSymbols(image, options)
  return chosen ? strip(chosen) : null
}

/** quagga2 alone, its own default settings (decodeSingle's: 800 px, half-sampled, medium patches, all 1D readers). */
export async function decodeQuaggaOnly(image: RgbaImage): Promise<DecodeResult | null> {
  const found = await decodeWithQuagga(image, { size: 800 })
  return found ? normalizeResult(strip(found)) : null
}

/** zxing-wasm alone, its default settings (tryHarder, tryRotate, tryInvert, tryDownscale; all formats). */
export async function decodeZxingOnly(image: RgbaImage): Promise<DecodeResult | null> {
  const [found] = await readWithZxing(image)
  return found ? normalizeResult(strip(found)) : null
}
