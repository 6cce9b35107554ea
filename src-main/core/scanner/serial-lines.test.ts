import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { LineFramer, parseTerminator, type SerialTerminator } from './serial-lines'

const bytes = (s: string): Buffer => Buffer.from(s, 'utf8')

function feed(framer: LineFramer, chunks: string[]): string[] {
  return chunks.flatMap((c) => framer.push(bytes(c)).lines)
}

describe('LineFramer', () => {
  it('CR, LF, CRLF and a custom byte, terminator stripped', () => {
    expect(feed(new LineFramer({ terminator: 'CR' }), ['INV-SI5\rINV-SL12\r'])).toEqual(['INV-SI5', 'INV-SL12'])
    expect(feed(new LineFramer({ terminator: 'LF' }), ['INV-SI5\nINV-SL12\n'])).toEqual(['INV-SI5', 'INV-SL12'])
    expect(feed(new LineFramer({ terminator: 'CRLF' }), ['INV-SI5\r\nA\rB\r\n'])).toEqual(['INV-SI5', 'A\rB'])
    expect(feed(new LineFramer({ terminator: 0x03 }), ['INV-SI5\x03X\x03'])).toEqual(['INV-SI5', 'X'])
    expect(feed(new LineFramer({ terminator: 'ANY' }), ['A\r\nB\nC\r', '\nD\r'])).toEqual(['A', 'B', 'C', 'D'])
  })

  it('keeps GS and RS inside a line', () => {
    const label = '[)>\x1e06\x1dPABC\x1dQ10\x1e\x04'
    expect(feed(new LineFramer({ terminator: 'CR' }), [`${label}\r`])).toEqual([label])
  })

  it('a CRLF split across chunks is one terminator', () => {
    expect(feed(new LineFramer({ terminator: 'CRLF' }), ['INV-SI5\r', '\nNEXT\r', '\n'])).toEqual(['INV-SI5', 'NEXT'])
    expect(feed(new LineFramer({ terminator: 'ANY' }), ['INV-SI5\r', '\nNEXT\r', '\n'])).toEqual(['INV-SI5', 'NEXT'])
  })

  it('a UTF-8 character split across chunks survives', () => {
    const b = bytes('Größe\r')
    const f = new LineFramer({ terminator: 'CR' })
    expect([...f.push(b.subarray(0, 4)).lines, ...f.push(b.subarray(4)).lines]).toEqual(['Größe'])
  })

  it('a partial line left at close is returned once and never merged with the next scan', () => {
    const f = new LineFramer({ terminator: 'CR' })
    expect(feed(f, ['INV-SI5\rINV-S'])).toEqual(['INV-SI5'])
    expect(f.close()).toBe('INV-S')
    expect(f.close()).toBeNull()
    expect(feed(f, ['INV-SL12\r'])).toEqual(['INV-SL12'])
  })

  it('a runaway line is dropped and reported, framing resumes after its terminator', () => {
    const f = new LineFramer({ terminator: 'LF', maxLineBytes: 16 })
    const out = f.push(bytes('x'.repeat(40)))
    expect(out.overflow).toHaveLength(1)
    expect(feed(f, ['yyy\nOK\n'])).toEqual(['OK'])
  })

  it('parses terminator settings', () => {
    expect(parseTerminator('CRLF')).toBe('CRLF')
    expect(parseTerminator('0x03')).toBe(3)
    expect(parseTerminator('13')).toBe(13)
    expect(parseTerminator('|')).toBe(0x7c)
    expect(() => parseTerminator('0x1ff')).toThrow()
  })

  it('property: lines split anywhere into chunks come out whole and in order', () => {
    const line = fc.string({ unit: fc.constantFrom(...'abcXYZ0189-{}" \x1d\x1eé€'), minLength: 1, maxLength: 30 })
    const term = fc.constantFrom<[SerialTerminator, string]>(
      ['CR', '\r'],
      ['LF', '\n'],
      ['CRLF', '\r\n'],
      ['ANY', '\r\n'],
      ['ANY', '\n'],
      [0x03, '\x03'],
    )
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 10 }),
        term,
        fc.array(fc.nat(), { maxLength: 10 }),
        (lines, [t, sep], cuts) => {
          const all = bytes(lines.map((l) => l + sep).join(''))
          const points = [...new Set(cuts.map((c) => c % (all.length + 1)))].sort((a, b) => a - b)
          const f = new LineFramer({ terminator: t })
          const got: string[] = []
          let prev = 0
          for (const p of [...points, all.length]) {
            got.push(...f.push(all.subarray(prev, p)).lines)
            prev = p
          }
          expect(got).toEqual(lines)
          expect(f.close()).toBeNull()
        },
      ),
      { numRuns: 500 },
    )
  })
})
