/**
 * A wrong code opens the wrong item, which is worse than no read, so no single 1D read is believed: every read an
 * attempt makes (an engine on a scale, crop or rotation of the image) is collected here, and a 1D text counts
 * only once another attempt, by preference the other engine, read the same text at the same place and no rival
 * text read there comes close. A 2D symbol's own error correction is evidence enough on one read.
 */
import type { Rect } from './image'
import type { DecodeResult, EngineName } from './types'

/** Formats whose decoders correct errors (Reed-Solomon): a read that survives is not a misread. */
const MATRIX_FORMATS = new Set(['QRCode', 'MicroQRCode', 'rMQRCode', 'DataMatrix', 'PDF417', 'Aztec', 'MaxiCode'])

export function isMatrixFormat(format: string): boolean {
  return MATRIX_FORMATS.has(format)
}

/** How many more attempts a 1D text needs than any rival text read at the same place. */
export const CONFIRM_LEAD = 2

export const EAN13_FAMILY = new Set(['EAN13', 'UPCA'])

/**
 * Short symbols whose bars turn up inside other symbols' bars: quagga2 reads the same wrong EAN-8 or UPC-E from
 * a Code 39 or Code 93 on two passes, so for these only the other engine agreeing confirms.
 */
export const NEEDS_BOTH_ENGINES = new Set(['EAN8', 'UPCE'])

export interface Read extends DecodeResult {
  engine: EngineName
  /** Names the attempt (engine and image variant); reads of one attempt are not independent of each other. */
  attempt: string
  /** Where the symbol is, in the input image's pixels (unknown when the engine does not say). */
  region?: Rect
}

/**
 * Why a symbol is believed: its error correction, two engines, one engine on two attempts, or (live camera) two
 * camera frames.
 */
export type Evidence = 'error-correction' | 'both-engines' | 'two-attempts' | 'two-frames'

export interface SymbolRead extends DecodeResult {
  /** Distinct attempts that read this text. */
  attempts: number
  engines: EngineName[]
  evidence: Evidence | null
  region?: Rect
  /** Why an otherwise readable text was set aside (a rival read at the same place, a code inside a longer one). */
  rejected?: string
}

interface Entry {
  result: DecodeResult
  attempts: Set<string>
  engines: Set<EngineName>
  region?: Rect
}

/** Whether two reads are of the same place (a quarter of the smaller one in common). */
export function overlaps(a: Rect | undefined, b: Rect | undefined): boolean {
  // Without a position two reads may be of the same symbol: assume they are (the safe side).
  if (!a || !b) return true
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  if (w <= 0 || h <= 0) return false
  const smaller = Math.min(a.width * a.height, b.width * b.height)
  return smaller <= 0 || (w * h) / smaller > 0.25
}

function union(a: Rect | undefined, b: Rect | undefined): Rect | undefined {
  if (!a) return b
  if (!b) return a
  const x = Math.min(a.x, b.x)
  const y = Math.min(a.y, b.y)
  return {
    x,
    y,
    width: Math.max(a.x + a.width, b.x + b.width) - x,
    height: Math.max(a.y + a.height, b.y + b.height) - y,
  }
}

/** The reads of one image, and which of their texts are confirmed. */
export class ReadSet {
  private readonly entries = new Map<string, Entry>()

  add(read: Read): void {
    const entry = this.entries.get(read.text)
    if (entry) {
      entry.attempts.add(read.attempt)
      entry.engines.add(read.engine)
      entry.region = union(entry.region, read.region)
      return
    }
    this.entries.set(read.text, {
      result: { text: read.text, format: read.format, symbologyId: read.symbologyId },
      attempts: new Set([read.attempt]),
      engines: new Set([read.engine]),
      region: read.region,
    })
  }

  get size(): number {
    return this.entries.size
  }

  /** Every text read, confirmed or not, with its evidence; confirmed ones first, richest first. */
  symbols(): SymbolRead[] {
    const all = [...this.entries.values()]
    const out = all.map((entry): SymbolRead => {
      const base = {
        ...entry.result,
        attempts: entry.attempts.size,
        engines: [...entry.engines].sort(),
        region: entry.region,
      }
      if (isMatrixFormat(entry.result.format)) return { ...base, evidence: 'error-correction' }
      const rivals = all.filter(
        (other) => other !== entry && !isMatrixFormat(other.result.format) && overlaps(entry.region, other.region),
      )
      if (entry.result.format === 'EAN8' && rivals.some((r) => EAN13_FAMILY.has(r.result.format)))
        return { ...base, evidence: null, rejected: 'an EAN-8 read inside a longer EAN-13/UPC-A symbol' }
      if (NEEDS_BOTH_ENGINES.has(entry.result.format) && entry.engines.size < 2) return { ...base, evidence: null }
      const rival = Math.max(0, ...rivals.map((r) => r.attempts.size))
      if (entry.attempts.size - rival < CONFIRM_LEAD) {
        const rejected = rival > 0 ? 'another text was read at the same place' : undefined
        return { ...base, evidence: null, ...(rejected ? { rejected } : {}) }
      }
      return { ...base, evidence: entry.engines.size > 1 ? 'both-engines' : 'two-attempts' }
    })
    return out.sort((a, b) => Number(b.evidence !== null) - Number(a.evidence !== null) || richness(b) - richness(a))
  }

  /** Whether some text is confirmed (the attempts can stop). */
  hasConfirmed(): boolean {
    return this.symbols().some((s) => s.evidence !== null)
  }

  /** Whether a 1D text of this image is confirmed. */
  hasConfirmedLinear(): boolean {
    return this.symbols().some((s) => s.evidence !== null && !isMatrixFormat(s.format))
  }
}

/**
 * How much a symbol carries: its text's length, a matrix symbol first among equals. A supplier bag's ISO 15434
 * DataMatrix holds the part number, quantity and order its 1D siblings each hold one of.
 */
export function richness(symbol: DecodeResult): number {
  return symbol.text.length * 2 + (isMatrixFormat(symbol.format) ? 1 : 0)
}

/** The confirmed symbol that carries the most, or null. */
export function chooseSymbol(symbols: SymbolRead[]): SymbolRead | null {
  let best: SymbolRead | null = null
  for (const s of symbols) if (s.evidence !== null && (!best || richness(s) > richness(best))) best = s
  return best
}
