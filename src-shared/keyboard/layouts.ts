/**
 * Keyboard layouts for wedge scanners: decode keystrokes from PHYSICAL key codes (`KeyboardEvent.code` /
 * Electron's `input.code`), not from the `key` the host layout made of them.
 *
 * Why code and not key. A wedge scanner is configured for one keyboard layout (its "keyboard country"; US by
 * default). To type a character c it sends the HID usage that produces c on THAT layout; the host OS then turns
 * the usage into a `key` with the HOST layout. When the two layouts differ, `key` is wrong (a US scanner's `"` is
 * Shift+Quote, which a UK host calls `@`), but `code` is always the HID usage the scanner sent. So decoding
 * `code` + modifiers with the SCANNER's layout table is right whatever the host layout is, and the host layout never
 * needs to be known. A profile therefore names the layout the scanner types in:
 *
 *   us, uk, de, fr  tables below (code + Shift/AltGr layer → character; dead keys marked)
 *   host            trust `key` (right whenever scanner and host layouts agree, for ANY layout, including ones
 *                   without a table here); `code` is still used for control characters and Alt+numpad.
 *
 * Typical cases: a US-configured scanner on any host → `us` (the default). A scanner set to German on a German
 * host → `de` (or `host`). Calibration (below) picks the profile by decoding a printed test label.
 *
 * Control characters are layout independent (they are HID usages with Ctrl): Ctrl+] (BracketRight) → GS 0x1D,
 * Ctrl+^ / Ctrl+6 (Digit6) → RS 0x1E, Ctrl+D → EOT 0x04, Ctrl+\ → FS 0x1C, Ctrl+_ (Minus) → US 0x1F. On a German
 * host Ctrl+] arrives as key `+` but code BracketRight, so it still decodes to GS. Alt held + numpad digits +
 * Alt released → that character code (Windows Alt codes: < 128 ASCII; with a leading 0 Windows-1252, else CP437).
 *
 * Shared: core's decoder and the web host's page bridge both classify keys against these tables.
 */
export const profileNames = ['us', 'uk', 'de', 'fr', 'host'] as const
export type ProfileName = (typeof profileNames)[number]

/** Layers: [base, Shift, AltGr, Shift+AltGr]; '' = nothing on that layer. */
type Layers = [string, string, string?, string?]

export interface LayoutTable {
  name: Exclude<ProfileName, 'host'>
  keys: Record<string, Layers>
  /** Dead keys as `code:layer` (layer 0..3): they combine with the next character (or stand alone before Space). */
  dead: string[]
}

const letters = (): Record<string, Layers> => {
  const out: Record<string, Layers> = {}
  for (let c = 97; c <= 122; c++) {
    const ch = String.fromCharCode(c)
    out[`Key${ch.toUpperCase()}`] = [ch, ch.toUpperCase()]
  }
  return out
}

const numpad: Record<string, Layers> = {
  ...Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`Numpad${i}`, [String(i), String(i)] as Layers])),
  NumpadDecimal: ['.', '.'],
  NumpadAdd: ['+', '+'],
  NumpadSubtract: ['-', '-'],
  NumpadMultiply: ['*', '*'],
  NumpadDivide: ['/', '/'],
  Space: [' ', ' '],
}

const US: LayoutTable = {
  name: 'us',
  keys: {
    ...letters(),
    ...numpad,
    Digit1: ['1', '!'],
    Digit2: ['2', '@'],
    Digit3: ['3', '#'],
    Digit4: ['4', '$'],
    Digit5: ['5', '%'],
    Digit6: ['6', '^'],
    Digit7: ['7', '&'],
    Digit8: ['8', '*'],
    Digit9: ['9', '('],
    Digit0: ['0', ')'],
    Minus: ['-', '_'],
    Equal: ['=', '+'],
    BracketLeft: ['[', '{'],
    BracketRight: [']', '}'],
    Backslash: ['\\', '|'],
    Semicolon: [';', ':'],
    Quote: ["'", '"'],
    Backquote: ['`', '~'],
    Comma: [',', '<'],
    Period: ['.', '>'],
    Slash: ['/', '?'],
    IntlBackslash: ['\\', '|'],
  },
  dead: [],
}

const UK: LayoutTable = {
  name: 'uk',
  keys: {
    ...US.keys,
    Digit2: ['2', '"'],
    Digit3: ['3', '£'],
    Digit4: ['4', '$', '€'],
    Quote: ["'", '@'],
    Backquote: ['`', '¬', '¦'],
    Backslash: ['#', '~'],
    IntlBackslash: ['\\', '|'],
  },
  dead: [],
}

const DE: LayoutTable = {
  name: 'de',
  keys: {
    ...letters(),
    ...numpad,
    KeyY: ['z', 'Z'],
    KeyZ: ['y', 'Y'],
    KeyQ: ['q', 'Q', '@'],
    KeyE: ['e', 'E', '€'],
    KeyM: ['m', 'M', 'µ'],
    Digit1: ['1', '!'],
    Digit2: ['2', '"', '²'],
    Digit3: ['3', '§', '³'],
    Digit4: ['4', '$'],
    Digit5: ['5', '%'],
    Digit6: ['6', '&'],
    Digit7: ['7', '/', '{'],
    Digit8: ['8', '(', '['],
    Digit9: ['9', ')', ']'],
    Digit0: ['0', '=', '}'],
    Minus: ['ß', '?', '\\'],
    Equal: ['´', '`'],
    BracketLeft: ['ü', 'Ü'],
    BracketRight: ['+', '*', '~'],
    Semicolon: ['ö', 'Ö'],
    Quote: ['ä', 'Ä'],
    Backquote: ['^', '°'],
    Backslash: ['#', "'"],
    IntlBackslash: ['<', '>', '|'],
    Comma: [',', ';'],
    Period: ['.', ':'],
    Slash: ['-', '_'],
  },
  dead: ['Equal:0', 'Equal:1', 'Backquote:0'],
}

const FR: LayoutTable = {
  name: 'fr',
  keys: {
    ...letters(),
    ...numpad,
    KeyQ: ['a', 'A'],
    KeyW: ['z', 'Z'],
    KeyA: ['q', 'Q'],
    KeyZ: ['w', 'W'],
    Semicolon: ['m', 'M'],
    KeyE: ['e', 'E', '€'],
    KeyM: [',', '?'],
    Comma: [';', '.'],
    Period: [':', '/'],
    Slash: ['!', '§'],
    Digit1: ['&', '1'],
    Digit2: ['é', '2', '~'],
    Digit3: ['"', '3', '#'],
    Digit4: ["'", '4', '{'],
    Digit5: ['(', '5', '['],
    Digit6: ['-', '6', '|'],
    Digit7: ['è', '7', '`'],
    Digit8: ['_', '8', '\\'],
    Digit9: ['ç', '9', '^'],
    Digit0: ['à', '0', '@'],
    Minus: [')', '°', ']'],
    Equal: ['=', '+', '}'],
    BracketLeft: ['^', '¨'],
    BracketRight: ['$', '£', '¤'],
    Quote: ['ù', '%'],
    Backslash: ['*', 'µ'],
    Backquote: ['²', ''],
    IntlBackslash: ['<', '>'],
  },
  // Windows' French layout makes AltGr+é (~) and AltGr+è (`) dead too; a scanner then sends them followed by Space.
  dead: ['BracketLeft:0', 'BracketLeft:1', 'Digit2:2', 'Digit7:2'],
}

export const layouts: Record<Exclude<ProfileName, 'host'>, LayoutTable> = { us: US, uk: UK, de: DE, fr: FR }
