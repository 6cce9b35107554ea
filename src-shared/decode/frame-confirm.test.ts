import { describe, expect, it } from 'vitest'
import { chooseSymbol, type SymbolRead } from './confirm'
import { FrameConfirm } from './frame-confirm'
import type { Rect } from './image'

const here: Rect = { x: 100, y: 100, width: 200, height: 80 }
const there: Rect = { x: 400, y: 300, width: 200, height: 80 }
/** A 1D text one attempt of one frame read: left unconfirmed by the frame's own ReadSet. */
const once = (text: string, region = here, format = 'EAN13'): SymbolRead => ({
  text,
  format,
  symbologyId: ']E0',
  attempts: 1,
  engines: ['quagga2'],
  evidence: null,
  region,
})
const chosen = (symbols: SymbolRead[]) => chooseSymbol(symbols)?.text ?? null

describe('next-frame confirmation', () => {
  it('confirms a 1D text read once when the next frame reads it again at the same place', () => {
    const live = new FrameConfirm(700)
    expect(chosen(live.add([once('4006381333931')], 0))).toBeNull()
    const shifted = { ...here, x: here.x + 2, y: here.y - 1 }
    expect(live.add([once('4006381333931', shifted)], 40)[0]).toMatchObject({
      text: '4006381333931',
      evidence: 'two-frames',
    })
  })

  it('does not confirm a text while a rival text was read at that place meanwhile', () => {
    const live = new FrameConfirm(700)
    live.add([once('4006381333931')], 0)
    live.add([once('4006381333948')], 40)
    const third = live.add([once('4006381333931')], 80)
    expect(chosen(third)).toBeNull()
    expect(third[0]!.rejected).toMatch(/same place/)
    // One more frame agreeing gives the text its lead back.
    expect(chosen(live.add([once('4006381333931')], 120))).toBe('4006381333931')
  })

  it('rejects an EAN-8 read where an EAN-13 was read', () => {
    const live = new FrameConfirm(700)
    live.add([once('4006381333931')], 0)
    live.add([once('40063813', here, 'EAN8')], 40)
    expect(chosen(live.add([once('40063813', here, 'EAN8')], 80))).toBeNull()
  })

  it('forgets a frame once the window has passed', () => {
    const live = new FrameConfirm(700)
    live.add([once('4006381333931')], 0)
    expect(chosen(live.add([once('4006381333931')], 800))).toBeNull()
    expect(chosen(live.add([once('4006381333931')], 850))).toBe('4006381333931')
  })

  it('keeps two places apart: the same text elsewhere, or another text elsewhere, does not count', () => {
    const live = new FrameConfirm(700)
    live.add([once('4006381333931', here), once('9780201379624', there)], 0)
    const next = live.add([once('9780201379624', here), once('4006381333931', there)], 40)
    expect(chosen(next)).toBeNull()
    // Each place confirms its own text, undisturbed by the other place's.
    const other = new FrameConfirm(700)
    other.add([once('4006381333931', here), once('9780201379624', there)], 0)
    const both = other.add([once('4006381333931', here), once('9780201379624', there)], 40)
    expect(both.filter((s) => s.evidence === 'two-frames').map((s) => s.text)).toEqual([
      '4006381333931',
      '9780201379624',
    ])
  })

  it('passes matrix symbols and texts the frame itself confirmed at once', () => {
    const live = new FrameConfirm(700)
    const qr: SymbolRead = { ...once('{"stockitem": 1}'), format: 'QRCode', evidence: 'error-correction' }
    expect(chosen(live.add([qr], 0))).toBe('{"stockitem": 1}')
  })

  it('asks both engines for an EAN-8, as within a frame', () => {
    const live = new FrameConfirm(700)
    live.add([once('40063813', here, 'EAN8')], 0)
    expect(chosen(live.add([once('40063813', here, 'EAN8')], 40))).toBeNull()
    const zx: SymbolRead = { ...once('40063813', here, 'EAN8'), engines: ['zxing'] }
    expect(chosen(live.add([zx], 80))).toBe('40063813')
  })
})
