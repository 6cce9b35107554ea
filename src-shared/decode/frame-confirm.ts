/**
 * Next-frame confirmation for a live camera. A 1D text read once in a frame is not believed (./confirm.ts), but a
 * camera sends another exposure a few tens of milliseconds later: a new attempt, independent of the first in its
 * noise, focus and position. So the 1D reads of recent frames are kept for a short window, and a text left
 * unconfirmed in its own frame is confirmed when another frame read it at the same place, by the same lead over
 * any rival text read there as the ReadSet asks of two attempts in one image. Each frame counts as one attempt.
 */
import {
  CONFIRM_LEAD,
  EAN13_FAMILY,
  NEEDS_BOTH_ENGINES,
  isMatrixFormat,
  overlaps,
  richness,
  type SymbolRead,
} from './confirm'
import type { Rect } from './image'
import type { EngineName } from './types'

/** How long a frame's reads count towards the next frames (ms): the label has not moved far in this time. */
export const FRAME_CONFIRM_WINDOW_MS = 700

interface Sighting {
  frame: number
  time: number
  text: string
  format: string
  engines: EngineName[]
  region?: Rect
}

/** The reads of the last frames, and what they confirm in the next one. */
export class FrameConfirm {
  private sightings: Sighting[] = []
  private frame = 0

  constructor(private readonly windowMs = FRAME_CONFIRM_WINDOW_MS) {}

  /**
   * Takes one frame's symbols (a DecodeReport's `symbols`, in the frame's pixels) and returns them with the evidence
   * the recent frames add: confirmed first, richest first. `now` is when the frame was taken (ms).
   */
  add(symbols: SymbolRead[], now: number): SymbolRead[] {
    this.frame++
    this.sightings = this.sightings.filter((s) => now - s.time <= this.windowMs && s.time <= now)
    const current: Sighting[] = symbols
      .filter((s) => !isMatrixFormat(s.format))
      .map((s) => ({
        frame: this.frame,
        time: now,
        text: s.text,
        format: s.format,
        engines: s.engines,
        region: s.region,
      }))
    const out = symbols.map((symbol) => this.judge(symbol, current))
    this.sightings.push(...current)
    return out.sort((a, b) => Number(b.evidence !== null) - Number(a.evidence !== null) || richness(b) - richness(a))
  }

  private judge(symbol: SymbolRead, current: Sighting[]): SymbolRead {
    if (symbol.evidence !== null || isMatrixFormat(symbol.format) || symbol.rejected?.startsWith('an EAN-8'))
      return symbol
    const here = [...this.sightings, ...current].filter((s) => overlaps(s.region, symbol.region))
    const same = here.filter((s) => s.text === symbol.text)
    const rivals = here.filter((s) => s.text !== symbol.text)
    if (symbol.format === 'EAN8' && rivals.some((r) => EAN13_FAMILY.has(r.format)))
      return { ...symbol, rejected: 'an EAN-8 read inside a longer EAN-13/UPC-A symbol' }
    const frames = new Set(same.map((s) => s.frame)).size
    if (frames < 2) return symbol
    if (NEEDS_BOTH_ENGINES.has(symbol.format) && new Set(same.flatMap((s) => s.engines)).size < 2) return symbol
    const rivalFrames = new Map<string, Set<number>>()
    for (const r of rivals) rivalFrames.set(r.text, (rivalFrames.get(r.text) ?? new Set()).add(r.frame))
    const rival = Math.max(0, ...[...rivalFrames.values()].map((f) => f.size))
    if (frames - rival < CONFIRM_LEAD) return { ...symbol, rejected: 'another text was read at the same place' }
    const { rejected: _, ...rest } = symbol
    return { ...rest, evidence: 'two-frames' }
  }
}
