import { describe, expect, it } from 'vitest'
import { chooseSymbol, ReadSet, type Read } from './confirm'

const at = { x: 100, y: 100, width: 200, height: 80 }
const read = (text: string, format: string, engine: Read['engine'], attempt: string, region = at): Read => ({
  text,
  format,
  symbologyId: ']E0',
  engine,
  attempt,
  region,
})

describe('confirming reads', () => {
  it('does not believe one 1D read, and believes it once the other engine agrees', () => {
    const reads = new ReadSet()
    reads.add(read('4006381333931', 'EAN13', 'quagga2', 'q0'))
    expect(chooseSymbol(reads.symbols())).toBeNull()
    reads.add(read('4006381333931', 'EAN13', 'zxing', 'z-upright'))
    expect(chooseSymbol(reads.symbols())).toMatchObject({ text: '4006381333931', evidence: 'both-engines' })
  })

  it('believes a matrix symbol on one read (its error correction)', () => {
    const reads = new ReadSet()
    reads.add(read('{"stockitem": 1}', 'QRCode', 'zxing', 'z'))
    expect(chooseSymbol(reads.symbols())).toMatchObject({ evidence: 'error-correction' })
  })

  it('sets aside a text when a rival was read at the same place nearly as often', () => {
    const reads = new ReadSet()
    reads.add(read('4006381333931', 'EAN13', 'quagga2', 'q0'))
    reads.add(read('4006381333931', 'EAN13', 'quagga2', 'q1'))
    reads.add(read('4006381333948', 'EAN13', 'quagga2', 'q2'))
    expect(chooseSymbol(reads.symbols())).toBeNull()
    reads.add(read('4006381333931', 'EAN13', 'zxing', 'z'))
    expect(chooseSymbol(reads.symbols())?.text).toBe('4006381333931')
  })

  it('rejects an EAN-8 read inside an EAN-13, and a short code only one engine read twice', () => {
    const reads = new ReadSet()
    reads.add(read('42191605', 'EAN8', 'quagga2', 'q0'))
    reads.add(read('42191605', 'EAN8', 'quagga2', 'q1'))
    expect(chooseSymbol(reads.symbols())).toBeNull()
    reads.add(read('42191605', 'EAN8', 'zxing', 'z'))
    reads.add(read('4006381333931', 'EAN13', 'zxing', 'z2'))
    expect(reads.symbols().find((s) => s.format === 'EAN8')).toMatchObject({ evidence: null, rejected: /EAN-8/ })
  })

  it('chooses the symbol that carries the most: the ISO 15434 DataMatrix over its 1D sibling', () => {
    const reads = new ReadSet()
    const far = { x: 400, y: 300, width: 60, height: 60 }
    reads.add(read('296-1173-1-ND', 'Code128', 'quagga2', 'q0'))
    reads.add(read('296-1173-1-ND', 'Code128', 'zxing', 'z'))
    reads.add(read('[)>\x1e06\x1dP296-1173-1-ND\x1dQ10\x1e\x04', 'DataMatrix', 'zxing', 'z', far))
    expect(chooseSymbol(reads.symbols())?.format).toBe('DataMatrix')
    expect(reads.symbols().filter((s) => s.evidence !== null)).toHaveLength(2)
  })
})
