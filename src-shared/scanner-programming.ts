/**
 * Configuration barcodes that change what a keyboard-wedge scanner itself does: the fixes the scanner setup page
 * prints when a scanner sends no Enter, no Shift, or types in a layout the station cannot read. A code is listed
 * only where both its content and the way the vendor frames it in a barcode were found in a published source (the
 * address beside it); everything else is a pointer to the page of the scanner's own manual.
 */

export type ScannerVendor = 'honeywell' | 'zebra' | 'other'

/** What the setup page measured that only the scanner's configuration fixes. */
export type ScannerFault = 'no-terminator' | 'no-shift' | 'unknown-layout'

export interface ProgrammingBarcode {
  label: string
  /** bwip-js `code128` text, parsed with `parsefnc` (so `^FNC3` is the function character, not text). */
  encode: string
  /** What a reader reports when it reads the code as ordinary data: FNC3 is a function character, not text. */
  data: string
  /** What else scanning it does, when that matters. */
  note?: string
}

export interface ScannerFixSteps {
  fault: ScannerFault
  /** Scan these in order; empty when no code for this vendor and fault could be checked. */
  barcodes: ProgrammingBarcode[]
  /** Where in the scanner's manual the setting is. */
  manual: string
}

export const SCANNER_VENDORS: { id: ScannerVendor; name: string }[] = [
  { id: 'honeywell', name: 'Honeywell (Voyager, Xenon, Hyperion)' },
  { id: 'zebra', name: 'Zebra / Symbol (DS2208, LS2208)' },
  { id: 'other', name: 'Another make' },
]

export const isScannerVendor = (value: unknown): value is ScannerVendor => SCANNER_VENDORS.some((v) => v.id === value)

// Honeywell menu barcodes are Code 128: "~", the menu command, "." (store it in the non-volatile menu table), then
// FNC3, the Code 128 function character that tells the reader the symbol programs it.
//   framing and DEFALT: https://www.accuratedata.com/wordpress/index.php/category/tech-tips-on-barcode-scanners/
//   "." stores the setting so it survives a power cycle: https://manualsbrain.com/en/manuals/1245603/?page=155
const honeywellMenu = (label: string, command: string, note?: string): ProgrammingBarcode => ({
  label,
  encode: `~${command}.^FNC3`,
  data: `~${command}.`,
  ...(note ? { note } : {}),
})

// Honeywell's keyboard-country numbers (U.S.A. 0, Great Britain 7, Germany 4, France 3):
//   https://portablemedia.manualsonline.com/manuals/mfg/honeywell/1200g_1.html?p=213
// and the KBDCTY menu command taking them (the same numbers):
//   https://github.com/netumscan/manual-build-internal/blob/708b2381ace58c150b14694a5ca0225dc536d2c5/scanner-doc6/YX-DP/zh/keyboard.html
const HONEYWELL_COUNTRY: Record<string, { number: number; name: string }> = {
  us: { number: 0, name: 'U.S.A.' },
  uk: { number: 7, name: 'Great Britain' },
  de: { number: 4, name: 'Germany' },
  fr: { number: 3, name: 'France' },
}

function honeywellCountry(layout: string | null): ProgrammingBarcode[] {
  const country = layout ? HONEYWELL_COUNTRY[layout] : undefined
  return country ? [honeywellMenu(`Keyboard country: ${country.name}`, `KBDCTY${country.number}`)] : []
}

// Zebra (Symbol) parameter barcodes are Code 128 starting with FNC3, then the parameter's code; 92 sets the
// factory defaults: https://github.com/UberKitten/barcOwned/blob/75e8bc11e04388730a181901acafb2c5f2c5da98/js/lib/barcowned-models/symbol.js
const zebraParameter = (label: string, code: string, note?: string): ProgrammingBarcode => ({
  label,
  encode: `^FNC3${code}`,
  data: code,
  ...(note ? { note } : {}),
})

type Table = Record<ScannerFault, (layout: string | null) => Omit<ScannerFixSteps, 'fault'>>

const TABLES: Record<ScannerVendor, Table> = {
  honeywell: {
    'no-terminator': () => ({
      barcodes: [],
      manual: 'User guide, Data Editing → Prefix/Suffix Selections: "Add CR Suffix All Symbologies".',
    }),
    'no-shift': (layout) => ({
      barcodes: [
        honeywellMenu(
          'Activate defaults',
          'DEFALT',
          'Undoes a Caps Lock keyboard style or case conversion set on the scanner; it clears every other change too, suffixes included.',
        ),
        ...honeywellCountry(layout),
      ],
      manual: 'User guide, Keyboard chapter: Keyboard Style → Regular, Keyboard Conversion → Off, Keyboard Country.',
    }),
    'unknown-layout': (layout) => ({
      barcodes: honeywellCountry(layout),
      manual: "User guide, Keyboard chapter: Keyboard Country → this computer's keyboard.",
    }),
  },
  zebra: {
    // "Scan Options, <DATA> <SUFFIX>, Enter" adds Enter after each scan:
    //   https://www.manualshelf.com/manual/motorola/symbol-ls4278/1-specifications-english/page-93.html
    'no-terminator': () => ({
      barcodes: [],
      manual:
        'Product Reference Guide, User Preferences → Scan Data Transmission Format: scan Scan Options, <DATA> <SUFFIX>, Enter.',
    }),
    'no-shift': () => ({
      barcodes: [
        zebraParameter(
          'Set factory defaults',
          '92',
          'Undoes a Caps Lock override or case conversion set on the scanner; it clears every other change too.',
        ),
      ],
      manual:
        'Product Reference Guide, USB HID Keyboard: Caps Lock Override → Disable, Convert Case → No Case Conversion, USB Country Keyboard Types.',
    }),
    'unknown-layout': () => ({
      barcodes: [],
      manual: "Product Reference Guide, USB HID Keyboard: USB Country Keyboard Types → this computer's keyboard.",
    }),
  },
  other: {
    'no-terminator': () => ({
      barcodes: [],
      manual: 'In the manual\'s configuration barcodes: "Suffix" → "Add CR" (or "Enter").',
    }),
    'no-shift': () => ({
      barcodes: [],
      manual:
        'In the manual\'s configuration barcodes: "Case conversion" → off (or "Caps Lock" → off), then "Keyboard country" (or "language").',
    }),
    'unknown-layout': () => ({
      barcodes: [],
      manual:
        'In the manual\'s configuration barcodes: "Keyboard country" (or "language") → this computer\'s keyboard.',
    }),
  },
}

/**
 * What to scan (and where to look in the manual) for each fault, for a scanner of this vendor. `layout` is the
 * keyboard layout the scanner should type in (a station layout profile: us, uk, de, fr), when known.
 */
export function programmingFor(
  vendor: ScannerVendor,
  faults: ScannerFault[],
  layout: string | null,
): ScannerFixSteps[] {
  return faults.map((fault) => ({ fault, ...TABLES[vendor][fault](layout) }))
}
