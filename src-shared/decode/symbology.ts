/** AIM symbology identifiers and check-digit rules for the formats the station reads. */
import type { BarcodeFormatName } from './types'

/** quagga2 format names → canonical names and AIM identifiers. */
export const QUAGGA_FORMATS: Record<string, { format: BarcodeFormatName; symbologyId: string }> = {
  ean_13: { format: 'EAN13', symbologyId: ']E0' },
  ean_8: { format: 'EAN8', symbologyId: ']E4' },
  upc_a: { format: 'UPCA', symbologyId: ']E0' },
  upc_e: { format: 'UPCE', symbologyId: ']E0' },
  code_128: { format: 'Code128', symbologyId: ']C0' },
  code_39: { format: 'Code39', symbologyId: ']A0' },
  code_93: { format: 'Code93', symbologyId: ']G0' },
  codabar: { format: 'Codabar', symbologyId: ']F0' },
  i2of5: { format: 'ITF', symbologyId: ']I0' },
}

/** Default AIM identifier per canonical format, for engines that do not report one. */
export function defaultSymbologyId(format: BarcodeFormatName): string {
  switch (format) {
    case 'EAN13':
    case 'UPCA':
    case 'UPCE':
      return ']E0'
    case 'EAN8':
      return ']E4'
    case 'Code128':
      return ']C0'
    case 'Code39':
      return ']A0'
    case 'Code93':
      return ']G0'
    case 'Codabar':
      return ']F0'
    case 'ITF':
      return ']I0'
    case 'QRCode':
      return ']Q1'
    case 'DataMatrix':
      return ']d1'
    case 'PDF417':
      return ']L2'
    case 'Aztec':
      return ']z0'
    default:
      return ']X0'
  }
}

/** GS1 mod-10 check digit over all digits but the last (EAN-8/13, UPC-A, ITF-14, GTIN). */
export function gs1CheckDigitValid(digits: string): boolean {
  if (!/^\d{2,}$/.test(digits)) return false
  let sum = 0
  const body = digits.length - 1
  for (let i = 0; i < body; i++) {
    const d = digits.charCodeAt(body - 1 - i) - 48
    sum += i % 2 === 0 ? d * 3 : d
  }
  return (10 - (sum % 10)) % 10 === digits.charCodeAt(body) - 48
}

/** UPC-E (8 digits: number system, six data digits, check) expanded to UPC-A. */
export function upcEToUpcA(upce: string): string | null {
  if (!/^[01]\d{7}$/.test(upce)) return null
  const ns = upce[0]!
  const d = upce.slice(1, 7)
  const check = upce[7]!
  const last = d[5]!
  let body: string
  if (last <= '2') body = `${d[0]}${d[1]}${last}0000${d[2]}${d[3]}${d[4]}`
  else if (last === '3') body = `${d[0]}${d[1]}${d[2]}00000${d[3]}${d[4]}`
  else if (last === '4') body = `${d[0]}${d[1]}${d[2]}${d[3]}00000${d[4]}`
  else body = `${d[0]}${d[1]}${d[2]}${d[3]}${d[4]}0000${last}`
  return `${ns}${body}${check}`
}

/**
 * Whether a result's text satisfies the format's mandatory structure and check digit. Formats whose check
 * character is optional or verified inside the decoder (Code 128, Code 93) pass on their content alone.
 */
export function passesChecks(format: BarcodeFormatName, text: string): boolean {
  switch (format) {
    case 'EAN13':
      return /^\d{13}$/.test(text) && gs1CheckDigitValid(text)
    case 'EAN8':
      return /^\d{8}$/.test(text) && gs1CheckDigitValid(text)
    case 'UPCA':
      return /^\d{12}$/.test(text) && gs1CheckDigitValid(text)
    case 'UPCE': {
      const upca = upcEToUpcA(text)
      return upca !== null && gs1CheckDigitValid(upca)
    }
    case 'ITF':
      return /^\d+$/.test(text) && text.length % 2 === 0 && text.length >= 6
    case 'Codabar':
      return /^[A-D][0-9\-$:/.+]+[A-D]$/.test(text)
    default:
      return text.length > 0
  }
}
