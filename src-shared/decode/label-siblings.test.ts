import { describe, expect, it } from 'vitest'
import type { SymbolRead } from './confirm'
import { iso15434Fields, SiblingGate } from './label-siblings'

const RS = '\x1e'
const GS = '\x1d'
const EOT = '\x04'
const BAG = `[)>${RS}06${GS}P296-1173-1-ND${GS}1PNE555P${GS}Q10${GS}K4500012345${RS}${EOT}`

const sym = (text: string, format: string, evidence: SymbolRead['evidence'] = 'two-frames'): SymbolRead => ({
  text,
  format,
  symbologyId: format === 'DataMatrix' ? ']d1' : ']C0',
  attempts: 1,
  engines: ['zxing'],
  evidence,
})
const dm = sym(BAG, 'DataMatrix', 'error-correction')
const partNo = sym('296-1173-1-ND', 'Code128')
const partNoWithId = sym('P296-1173-1-ND', 'Code128')
const other = sym('4006381333931', 'EAN13')

/** Feeds frames 50 ms apart; returns the texts scanned. */
function run(gate: SiblingGate, frames: SymbolRead[][], start = 0): string[] {
  return frames.flatMap((f, i) => gate.add(f, start + i * 50)?.text ?? [])
}

describe('ISO 15434 fields', () => {
  it('lists each field as written and without its data identifier', () => {
    expect(iso15434Fields(BAG)).toEqual([
      'P296-1173-1-ND',
      '296-1173-1-ND',
      '1PNE555P',
      'NE555P',
      'Q10',
      'K4500012345',
      '4500012345',
    ])
    expect(iso15434Fields('296-1173-1-ND')).toEqual([])
  })
})

describe('one label, one scan', () => {
  it('scans the DataMatrix of a frame that holds both, and never its 1D sibling after it', () => {
    const gate = new SiblingGate({ holdMs: 100, holdFrames: 1 })
    // The DataMatrix is not read on every frame; the part number's Code 128 is.
    expect(run(gate, [[dm, partNo], [partNo], [dm, partNo], [partNo], [partNo]])).toEqual([BAG])
  })

  it('ignores a 1D code whose text is a field of the label just scanned, even on frames without the label', () => {
    const gate = new SiblingGate()
    expect(run(gate, [[dm], [], [partNoWithId], [partNoWithId], [partNoWithId], [partNo], [partNo], [partNo]])).toEqual(
      [BAG],
    )
  })

  it('holds a lone 1D code back a frame, and scans the DataMatrix that comes into view instead', () => {
    const gate = new SiblingGate({ holdMs: 100, holdFrames: 1 })
    expect(run(gate, [[partNo], [partNo, sym(BAG, 'DataMatrix', null)], [partNo, dm], [partNo]])).toEqual([BAG])
  })

  it('scans a lone 1D code once its hold is over, and not its label afterwards', () => {
    const gate = new SiblingGate({ holdMs: 100, holdFrames: 1 })
    const scans = [gate.add([partNo], 0), gate.add([partNo], 50), gate.add([partNo], 100)]
    expect(scans.map((s) => s?.text ?? null)).toEqual([null, null, '296-1173-1-ND'])
    expect(scans[2]!.heldMs).toBe(100)
    expect(run(gate, [[dm], [dm, partNo]], 150)).toEqual([])
  })

  it('takes an unrelated code at once after a label, and the label again once it was out of view', () => {
    const gate = new SiblingGate({ repeatWindowMs: 2000, holdMs: 0, holdFrames: 0 })
    expect(gate.add([dm], 0)?.text).toBe(BAG)
    expect(gate.add([other], 3000)?.text).toBe('4006381333931')
    expect(gate.add([dm], 3050)?.text).toBe(BAG)
    expect(gate.add([dm], 3100)).toBeNull()
  })

  it('scans the same label again after it has been out of view for the repeat window', () => {
    const gate = new SiblingGate({ repeatWindowMs: 2000 })
    expect(gate.add([dm], 0)?.text).toBe(BAG)
    expect(gate.add([dm], 1500)).toBeNull()
    expect(gate.add([dm], 3000)).toBeNull() // still in view: each sighting extends the window
    expect(gate.add([dm], 5500)?.text).toBe(BAG)
  })
  it('scans the label still in view again when asked by hand (a tap), and its siblings stay one scan', () => {
    const gate = new SiblingGate({ repeatWindowMs: 2000 })
    expect(run(gate, [[dm, partNo]])).toEqual([BAG])
    expect(gate.add([dm, partNo], 500)).toBeNull()
    gate.reset()
    expect(run(gate, [[dm, partNo], [partNo], [dm]], 600)).toEqual([BAG])
  })
})
