/**
 * GS1 element strings (GS1-128, GS1 DataMatrix, GS1 QR, DataBar) in every form a desk meets them:
 *   with a symbology id (`]C1`, `]d2`, `]Q3`, `]e0`) and FNC1 as GS;
 *   the human-readable `(01)09506000134352(17)261231(10)LOT-7` form;
 *   GS1 Digital Link URLs (`https://id.gs1.org/01/09506000134352/10/LOT-7?17=261231`);
 *   a bare GTIN (EAN-13, UPC-A, EAN-8, GTIN-14), the same behind its AIM id (`]E0`, `]E4`), or a bare element
 *   string when it parses cleanly.
 * Check digits are verified and dates decoded (YYMMDD, day 00 = end of month, GS1's century window).
 */

const GS = '\u001D'

export interface Gs1Parse {
  /** AI → raw value, in label order. */
  elements: [string, string][]
  gtin?: string
  sscc?: string
  batch?: string
  serial?: string
  expiry?: string
  best_before?: string
  production_date?: string
  packaging_date?: string
  count?: number
  net_weight_kg?: number
  customer_order_number?: string
  /** How the data was presented: symbology id, parentheses, Digital Link or bare. */
  form: 'symbology' | 'parenthesised' | 'digital-link' | 'bare'
}

export class Gs1Error extends Error {}

/** Data length of the AIs whose length the GS1 predefined-length table fixes (the rest end at GS or the end). */
function fixedLength(ai: string): number | null {
  const head = ai.slice(0, 2)
  const table: Record<string, number> = {
    '00': 18,
    '01': 14,
    '02': 14,
    '03': 14,
    '04': 16,
    '11': 6,
    '12': 6,
    '13': 6,
    '14': 6,
    '15': 6,
    '16': 6,
    '17': 6,
    '18': 6,
    '19': 6,
    '20': 2,
    '31': 6,
    '32': 6,
    '33': 6,
    '34': 6,
    '35': 6,
    '36': 6,
    '41': 13,
  }
  return table[head] ?? null
}

/** Length of the AI itself: 2, 3 or 4 digits, by its first digits (GS1 General Specifications §3). */
function aiLength(digits: string): number {
  const two = Number(digits.slice(0, 2))
  if (two <= 22 || two === 30 || two === 37 || two >= 90) return 2
  if ((two >= 31 && two <= 36) || two === 39 || two === 70 || two === 71 || two === 72 || two >= 80) return 4
  return 3
}

const KNOWN_AI =
  /^(?:00|01|02|03|04|10|11|12|13|15|16|17|20|21|22|30|37|240|241|250|251|253|254|400|401|402|403|41\d|420|421|422|423|424|425|426|31\d\d|32\d\d|33\d\d|34\d\d|35\d\d|36\d\d|390\d|391\d|392\d|393\d|7003|7004|703\d|8003|8004|8005|8006|8008|8018|8020|8200|9\d)$/

/** GS1 mod-10 check digit for a digit string (weights 3, 1, 3… from the right). */
export function gs1CheckDigit(body: string): number {
  let sum = 0
  for (let i = body.length - 1, weight = 3; i >= 0; i--, weight = weight === 3 ? 1 : 3) sum += Number(body[i]) * weight
  return (10 - (sum % 10)) % 10
}

/** Whether the last digit is the GS1 check digit of the others. */
export function gs1CheckDigitValid(digits: string): boolean {
  if (!/^\d+$/.test(digits) || digits.length < 2) return false
  return gs1CheckDigit(digits.slice(0, -1)) === Number(digits[digits.length - 1])
}

/** A GS1 date YYMMDD: century by GS1's rule (up to 50 years ahead, else the past), day 00 = the month's last day. */
export function gs1Date(yymmdd: string, now = new Date()): string {
  if (!/^\d{6}$/.test(yymmdd)) throw new Gs1Error(`Bad GS1 date "${yymmdd}"`)
  const yy = Number(yymmdd.slice(0, 2))
  const mm = Number(yymmdd.slice(2, 4))
  let dd = Number(yymmdd.slice(4, 6))
  if (mm < 1 || mm > 12) throw new Gs1Error(`Bad month in GS1 date "${yymmdd}"`)
  const current = now.getUTCFullYear()
  const century = Math.floor(current / 100) * 100
  let year = century + yy
  if (year - current >= 51) year -= 100
  else if (year - current <= -50) year += 100
  const last = new Date(Date.UTC(year, mm, 0)).getUTCDate()
  if (dd === 0) dd = last
  if (dd > last) throw new Gs1Error(`Bad day in GS1 date "${yymmdd}"`)
  return `${year}-${String(mm).padStart(2, '0')}-${String(dd).padStart(2, '0')}`
}

/** Splits an element string (FNC1 as GS) into AI/value pairs. Throws Gs1Error on a malformed string. */
export function splitElementString(text: string): [string, string][] {
  const out: [string, string][] = []
  let pos = 0
  while (pos < text.length) {
    if (text[pos] === GS) {
      pos++
      continue
    }
    const digits = text.slice(pos, pos + 4)
    if (!/^\d{2}/.test(digits)) throw new Gs1Error(`Expected an application identifier at position ${pos}`)
    const ai = text.slice(pos, pos + aiLength(digits))
    if (!KNOWN_AI.test(ai)) throw new Gs1Error(`Unknown application identifier (${ai})`)
    pos += ai.length
    const fixed = fixedLength(ai)
    let value: string
    if (fixed !== null) {
      value = text.slice(pos, pos + fixed)
      if (value.length !== fixed || value.includes(GS)) throw new Gs1Error(`AI (${ai}) needs ${fixed} characters`)
      pos += fixed
    } else {
      const end = text.indexOf(GS, pos)
      value = text.slice(pos, end < 0 ? text.length : end)
      pos = end < 0 ? text.length : end + 1
    }
    out.push([ai, value])
  }
  return out
}

function interpret(elements: [string, string][], form: Gs1Parse['form']): Gs1Parse {
  const parse: Gs1Parse = { elements, form }
  for (const [ai, value] of elements) {
    if (ai === '01' || ai === '02') {
      if (!/^\d{14}$/.test(value) || !gs1CheckDigitValid(value))
        throw new Gs1Error(`GTIN ${value} fails its check digit`)
      parse.gtin = value
    } else if (ai === '00') {
      if (!gs1CheckDigitValid(value)) throw new Gs1Error(`SSCC ${value} fails its check digit`)
      parse.sscc = value
    } else if (ai === '10') parse.batch = checkedVar(ai, value, 20)
    else if (ai === '21') parse.serial = checkedVar(ai, value, 20)
    else if (ai === '17') parse.expiry = gs1Date(value)
    else if (ai === '15') parse.best_before = gs1Date(value)
    else if (ai === '11') parse.production_date = gs1Date(value)
    else if (ai === '13') parse.packaging_date = gs1Date(value)
    else if (ai === '30' || ai === '37') parse.count = Number(checkedVar(ai, value, 8, /^\d+$/))
    else if (ai.startsWith('310')) parse.net_weight_kg = Number(value) / 10 ** Number(ai[3])
    else if (ai === '400') parse.customer_order_number = checkedVar(ai, value, 30)
  }
  return parse
}

function checkedVar(
  ai: string,
  value: string,
  max: number,
  shape = /^[\x21-\x22\x25-\x2F\x30-\x39\x3A-\x3F\x41-\x5A\x5F\x61-\x7A]+$/,
): string {
  if (value.length === 0 || value.length > max || !shape.test(value))
    throw new Gs1Error(`AI (${ai}) value "${value}" is not valid`)
  return value
}

const SYMBOLOGY = /^\](?:C1|d2|Q3|e0|J1)/

/** Parses GS1 data; null when it is not GS1, Gs1Error when it claims to be and is malformed. */
export function parseGs1(data: string): Gs1Parse | null {
  const text = data.trim()
  if (SYMBOLOGY.test(text)) return interpret(splitElementString(text.slice(3)), 'symbology')
  if (text.startsWith('(')) {
    const parts = [...text.matchAll(/\((\d{2,4})\)([^(]*)/g)]
    if (parts.length === 0 || parts.map((p) => p[0]).join('') !== text) return null
    return interpret(
      parts.map((p) => [p[1]!, p[2]!]),
      'parenthesised',
    )
  }
  if (/^https?:\/\//i.test(text)) return parseDigitalLink(text)
  // A scanner set to send AIM ids puts ]E0 (EAN-13, UPC-A) or ]E4 (EAN-8) before the digits; ]E0 with 8 digits is
  // a UPC-E, which stands for a different GTIN (./upc-e.ts reads it).
  const aim = /^\](E[04])(\d+)$/.exec(text)
  if (aim) {
    const id = aim[1]!
    const digits = aim[2]!
    const fits = id === 'E4' ? digits.length === 8 : digits.length === 12 || digits.length === 13
    const gtin = digits.padStart(14, '0')
    return fits && gs1CheckDigitValid(gtin) ? { elements: [['01', gtin]], gtin, form: 'symbology' } : null
  }
  // A bare GTIN: EAN-8, UPC-A, EAN-13 or GTIN-14, padded to 14 digits.
  if (/^(?:\d{8}|\d{12,14})$/.test(text)) {
    const gtin = text.padStart(14, '0')
    return gs1CheckDigitValid(gtin) ? { elements: [['01', gtin]], gtin, form: 'bare' } : null
  }
  // A bare element string (FNC1 lost or sent as GS) is only taken when it starts with a GTIN or SSCC whose check
  // digit holds and the rest parses: anything else is more likely some other barcode that happens to be digits.
  if (/^(?:01\d{14}|00\d{18})/.test(text)) {
    try {
      const parse = interpret(splitElementString(text), 'bare')
      return parse
    } catch {
      return null
    }
  }
  return null
}

function parseDigitalLink(text: string): Gs1Parse | null {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return null
  }
  const segments = url.pathname.split('/').filter(Boolean).map(decodeURIComponent)
  const start = segments.findIndex(
    (s, i) => /^(?:01|00|8006|8004|414|417|8003|8018)$/.test(s) && i + 1 < segments.length,
  )
  if (start < 0) return null
  const elements: [string, string][] = []
  for (let i = start; i + 1 < segments.length; i += 2) elements.push([segments[i]!, segments[i + 1]!])
  for (const [key, value] of url.searchParams)
    if (/^\d{2,4}$/.test(key) && KNOWN_AI.test(key)) elements.push([key, value])
  const gtin = elements.find(([ai]) => ai === '01')
  if (gtin) gtin[1] = gtin[1].padStart(14, '0')
  return interpret(elements, 'digital-link')
}
