/**
 * A live camera's frames to scans: each frame's reads (decodeSymbols, fast) are confirmed against the frames before
 * it (./frame-confirm.ts), then the label-sibling gate (./label-siblings.ts) decides which confirmed symbol, if
 * any, is a new scan. Pure and synchronous, so the page can feed it the answers of several decode workers.
 */
import type { SymbolRead } from './confirm'
import { FRAME_CONFIRM_WINDOW_MS, FrameConfirm } from './frame-confirm'
import { SiblingGate, type LiveScanResult, type SiblingOptions } from './label-siblings'

/**
 * The quagga2 locator settings a live camera turns through, one a frame (indexes into QUAGGA_PASSES): a frame
 * costs one pass, and the next frame's other setting finds codes the first misses (on the quagga2 photos as 3
 * jittered frames: 77 of 85 confirmed instead of 69 with the first setting on every frame).
 */
export const LIVE_QUAGGA_CYCLE = [0, 1, 2]

/** The quagga2 pass for the `n`th frame of a live camera. */
export function liveQuaggaPass(n: number): number {
  return LIVE_QUAGGA_CYCLE[n % LIVE_QUAGGA_CYCLE.length]!
}

export interface LiveOptions extends SiblingOptions {
  /** How long a frame's 1D reads count towards the next frames' (ms). */
  confirmWindowMs?: number
}

export class LiveScanner {
  private readonly confirm: FrameConfirm
  private readonly gate: SiblingGate

  constructor(options: LiveOptions = {}) {
    this.confirm = new FrameConfirm(options.confirmWindowMs ?? FRAME_CONFIRM_WINDOW_MS)
    this.gate = new SiblingGate(options)
  }

  /** A scan asked for by hand: the label scanned last may be scanned again (its siblings too). */
  reset(): void {
    this.gate.reset()
  }

  /** One frame's symbols, taken at `now` (ms): the symbol to scan now, or null. */
  frame(symbols: SymbolRead[], now: number): LiveScanResult | null {
    return this.gate.add(this.confirm.add(symbols, now), now)
  }
}

export type { LiveScanResult } from './label-siblings'
