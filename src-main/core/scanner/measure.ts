/**
 * What a scanner does when it types a known label, measured from its raw key events and their times: how fast it
 * types (the gaps between key presses), what it ends a scan with, and whether it presses Shift for capitals. The
 * scanner setup page proposes settings from it and names what only the scanner's own configuration can fix.
 */
import type { ScannerMeasurement } from '../../contract'
import { isModifierKey, type KeyEvent } from '../../../src-shared/keyboard/keys'

const TERMINATORS: Record<string, 'Enter' | 'Tab'> = { Enter: 'Enter', NumpadEnter: 'Enter', Tab: 'Tab' }

export function measureScanner(
  label: string,
  events: readonly KeyEvent[],
  times: readonly number[],
): ScannerMeasurement {
  const presses = events.flatMap((e, i) => (e.type === 'keyDown' && !isModifierKey(e) ? [{ e, t: times[i] ?? 0 }] : []))
  const gaps = presses.slice(1).map((p, i) => Math.max(0, p.t - presses[i]!.t))
  const sorted = [...gaps].sort((a, b) => a - b)
  const last = presses.at(-1)?.e
  const terminator = (last && (TERMINATORS[last.code] ?? TERMINATORS[last.key])) || 'none'
  // Capitals on the label arrive with Shift held, or with Caps Lock on: a scanner that does neither sends them
  // as lower case, and no layout can tell them apart again.
  const letters = presses.filter((p) => /^Key[A-Z]$/.test(p.e.code))
  const capitals = [...label].filter((c) => /[A-Z]/.test(c)).length
  const shifted = letters.filter((p) => p.e.shift || p.e.capsLock).length
  return {
    keys: presses.length,
    gapMs: {
      median: tenths(sorted[Math.floor(sorted.length / 2)] ?? 0),
      max: tenths(sorted.at(-1) ?? 0),
    },
    terminator,
    shift: capitals === 0 || letters.length === 0 ? 'unknown' : shifted === 0 ? 'missing' : 'sent',
    controlKeys: presses.filter((p) => p.e.control && !p.e.alt).length,
  }
}

const tenths = (ms: number): number => Math.round(ms * 10) / 10
