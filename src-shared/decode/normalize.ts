/**
 * One text per symbol whichever engine read it, in the form scanners transmit by default: UPC-A as its 12 digits
 * (zxing and quagga's EAN-13 reader both report it as a 13-digit EAN-13 with a leading 0), UPC-E as its 8 digits
 * (zxing reports the 13-digit expansion), GS1-128 as `]C1` with the data after its leading FNC1 (quagga2 reports
 * the FNC1 as a leading GS under `]C0`; zxing already does it this way, as GS1 scanners transmit it).
 */
import { gs1CheckDigitValid, upcEToUpcA } from './symbology'
import type { DecodeResult } from './types'

/** Compresses a 12-digit UPC-A to its 8-digit UPC-E form, or null if it has none. */
export function upcAToUpcE(upca: string): string | null {
  if (!/^[01]\d{11}$/.test(upca)) return null
  const m = upca.slice(1, 6)
  const p = upca.slice(6, 11)
  const candidates: string[] = []
  if ('012'.includes(m[2]!) && m.slice(3) === '00' && p.startsWith('00'))
    candidates.push(`${m[0]}${m[1]}${p.slice(2)}${m[2]}`)
  if (m.slice(3) === '00' && p.startsWith('000')) candidates.push(`${m.slice(0, 3)}${p.slice(3)}3`)
  if (m[4] === '0' && p.startsWith('0000')) candidates.push(`${m.slice(0, 4)}${p[4]}4`)
  if (p.startsWith('0000') && '56789'.includes(p[4]!)) candidates.push(`${m}${p[4]}`)
  for (const c of candidates) {
    const upce = `${upca[0]}${c}${upca[11]}`
    if (upcEToUpcA(upce) === upca) return upce
  }
  return null
}

export function normalizeResult<T extends DecodeResult>(result: T): T {
  const { text, format } = result
  if (format === 'Code128' && text.startsWith('\x1d')) {
    return { ...result, text: text.slice(1), symbologyId: ']C1' }
  }
  if ((format === 'EAN13' || format === 'UPCA') && /^0\d{12}$/.test(text)) {
    return { ...result, text: text.slice(1), format: 'UPCA' }
  }
  if (format === 'UPCE' && /^\d{13}$/.test(text) && text.startsWith('0') && gs1CheckDigitValid(text)) {
    const upce = upcAToUpcE(text.slice(1))
    if (upce) return { ...result, text: upce }
  }
  if (format === 'UPCE' && /^\d{12}$/.test(text)) {
    const upce = upcAToUpcE(text)
    if (upce) return { ...result, text: upce }
  }
  return result
}
