/**
 * One label is one scan. A supplier bag carries an ISO 15434 DataMatrix (part number, quantity, order…) and 1D
 * codes that each hold one of its fields; a camera sees several of them on one frame, or one after another as the
 * bag moves. Once one code of a label is scanned, its siblings are not scanned again: the codes seen on the same
 * frames shortly after it, and the 1D texts equal to a field of a scanned ISO 15434 label (or the label whose field
 * a scanned 1D text is). A 1D code is also held for `holdMs` and at least one later frame (two frames at 15 frames
 * a second), so that the richer DataMatrix of the same bag, often a frame or two behind it, is the one scanned.
 */
import { isMatrixFormat, richness, type SymbolRead } from './confirm'
import type { DecodeResult } from './types'

const RS = '\x1e'
const GS = '\x1d'
const EOT = '\x04'

/** A field value this short (a quantity, a date code) says nothing about which label a code is from. */
const MIN_FIELD_LENGTH = 3

/**
 * The field values of an ISO 15434 message (`[)>` RS format GS field GS field … RS EOT), each as written and
 * without its data identifier (`1P`, `Q`, `10K`…); empty for any other text.
 */
export function iso15434Fields(text: string): string[] {
  if (!text.startsWith(`[)>${RS}`)) return []
  const out: string[] = []
  for (const envelope of text.slice(4).split(RS)) {
    const fields = envelope.split(GS)
    // The first field of each envelope is its format header ("06", "12"…), not data.
    for (const field of fields.slice(1)) {
      const value = field.replace(new RegExp(`${EOT}$`), '')
      if (value.length >= MIN_FIELD_LENGTH) out.push(value)
      const bare = /^\d{0,3}[A-Z](.+)$/.exec(value)?.[1]
      if (bare && bare.length >= MIN_FIELD_LENGTH) out.push(bare)
    }
  }
  return out
}

export interface SiblingOptions {
  /** A code not seen for this long is scanned again (ms); the repeat window of the camera page. */
  repeatWindowMs?: number
  /** Codes seen on the same frame as a scanned one, up to this long after its scan, are its siblings (ms). */
  siblingMs?: number
  /** A 1D code waits at least this long after its confirmation, for a richer sibling (ms). */
  holdMs?: number
  /** … and at least this many later frames. */
  holdFrames?: number
}

interface Group {
  members: Set<string>
  fields: Set<string>
  scannedAt: number
  lastSeen: number
}

interface Held {
  symbol: SymbolRead
  since: number
  frame: number
}

/** What a scan of the camera says: the symbol, and how long it was held back for a richer sibling (ms). */
export interface LiveScanResult extends DecodeResult {
  heldMs: number
}

/** Decides, frame by frame, which confirmed symbol is a new scan. */
export class SiblingGate {
  private group: Group | null = null
  private held: Held | null = null
  private frame = 0
  private readonly repeatWindowMs: number
  private readonly siblingMs: number
  private readonly holdMs: number
  private readonly holdFrames: number

  constructor(options: SiblingOptions = {}) {
    this.repeatWindowMs = options.repeatWindowMs ?? 2000
    this.siblingMs = options.siblingMs ?? 1000
    this.holdMs = options.holdMs ?? 120
    this.holdFrames = options.holdFrames ?? 1
  }

  /**
   * One frame's symbols, with their evidence (confirmed or not; every text read is a sighting of its label), taken
   * at `now` (ms). Returns the symbol to scan now, or null.
   */
  add(symbols: SymbolRead[], now: number): LiveScanResult | null {
    this.frame++
    const texts = symbols.map((s) => s.text)
    const group = this.group
    if (group && now - group.lastSeen > this.repeatWindowMs) this.group = null
    else if (group && texts.some((t) => this.related(group, t))) {
      group.lastSeen = now
      if (now - group.scannedAt <= this.siblingMs) for (const t of texts) group.members.add(t)
    }

    if (this.held && this.isSibling(this.held.symbol)) this.held = null
    const candidates = symbols.filter((s) => s.evidence !== null && !this.isSibling(s))
    const best = candidates.reduce<SymbolRead | null>((a, s) => (!a || richness(s) > richness(a) ? s : a), null)

    if (best && isMatrixFormat(best.format)) return this.scan(best, texts, now, 0)
    if (best && (!this.held || richness(best) > richness(this.held.symbol)))
      this.held = { symbol: best, since: now, frame: this.frame }
    const held = this.held
    if (held && this.frame - held.frame >= this.holdFrames && now - held.since >= this.holdMs)
      return this.scan(held.symbol, texts, now, now - held.since)
    return null
  }

  /** Forgets the last label: a person asking for a scan (a tap) wants what is in view, even the same label again. */
  reset(): void {
    this.group = null
    this.held = null
  }

  private scan(symbol: SymbolRead, texts: string[], now: number, heldMs: number): LiveScanResult {
    const members = new Set([symbol.text, ...texts])
    // A 1D code held back while its richer sibling came into view is one of the siblings.
    if (this.held && now - this.held.since <= this.siblingMs) members.add(this.held.symbol.text)
    this.held = null
    // A new scan starts a new label: the codes of the one before may be scanned again (the repeat filter's rule).
    this.group = { members, fields: new Set(iso15434Fields(symbol.text)), scannedAt: now, lastSeen: now }
    return { text: symbol.text, format: symbol.format, symbologyId: symbol.symbologyId, heldMs }
  }

  private related(group: Group, text: string): boolean {
    if (group.members.has(text) || group.fields.has(text)) return true
    return iso15434Fields(text).some((f) => group.members.has(f))
  }

  private isSibling(symbol: DecodeResult): boolean {
    return this.group !== null && this.related(this.group, symbol.text)
  }
}
