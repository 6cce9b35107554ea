/**
 * UPC-E is a UPC-A with its zeros squeezed out, printed where a UPC-A does not fit. Scanners send it as printed,
 * 8 digits, and the history keeps those; but the code a part carries is the UPC-A it stands for (stored as those 12
 * digits, as an EAN-13 with a leading 0, or as the GTIN-14 with two), so resolving expands it first.
 *
 * Eight digits are also an EAN-8, a different code, and some 8-digit texts pass both check digits. The rule:
 *   - the symbology decides when the scan says which it is: AIM `]E4` is EAN-8, never expanded; `]E0` (EAN-13,
 *     UPC-A or UPC-E) with 8 digits can only be UPC-E, never read as an EAN-8. The id arrives from a HID POS scanner
 *     beside the data, or from a wedge scanner set to transmit it, in front of the data;
 *   - without an id (the webcam, most wedge scanners) the EAN-8 reading goes first, and the text is expanded only
 *     when no item carries it as an EAN-8 and it is a valid UPC-E: number system 0 or 1, and its check digit is
 *     that of its expansion;
 *   - any other symbology id (a Code 128 holding 8 digits) is not a UPC-E at all.
 */
import { gs1CheckDigitValid, upcEToUpcA } from '../../../src-shared/decode/symbology'

/** AIM id of EAN-13, UPC-A and UPC-E (EAN-8's is `]E4`). */
const AIM_EAN_UPC = ']E0'

export interface UpcE {
  /** The 8 digits as printed. */
  upcE: string
  /** Its 12-digit UPC-A expansion. */
  upcA: string
}

/** The UPC-E a scan may be, or null when the symbology or the digits rule it out. */
export function readUpcE(text: string, symbologyId?: string): UpcE | null {
  const prefixed = /^(\]E[04])(\d{8})$/.exec(text)
  const aim = prefixed?.[1] ?? symbologyId
  const digits = prefixed?.[2] ?? text
  if (!/^\d{8}$/.test(digits)) return null
  if (aim !== undefined && aim !== '' && aim !== AIM_EAN_UPC) return null
  const upcA = upcEToUpcA(digits)
  if (!upcA || !gs1CheckDigitValid(upcA)) return null
  return { upcE: digits, upcA }
}

/** Whether the symbology says these 8 digits are a UPC-E, so that they must not be read as an EAN-8. */
export function saidToBeUpcE(text: string, symbologyId?: string): boolean {
  return symbologyId === AIM_EAN_UPC && /^\d{8}$/.test(text)
}

/** How a UPC-A is stored on an item: its 12 digits, as an EAN-13 and as a GTIN-14. */
export function storedForms(upcA: string): [string, string, string] {
  return [upcA, `0${upcA}`, `00${upcA}`]
}
