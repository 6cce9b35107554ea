/**
 * Reads barcode data with every parser the station has, without a database: what `cli parse` prints, so an
 * admin can see what a label holds and which parser understands it before linking or receiving anything.
 */
import { settingDefaults } from '../settings'
import { Gs1Error, parseGs1 } from './gs1'
import { barcodeHash } from './hash'
import { parseInternal } from './internal'
import { tolerant } from './normalise'
import { looksLikeIso15434, parseIso15434, recoverIso15434 } from './supplier/iso15434'
import { parseLcsc } from './supplier/lcsc'
import { parseTme } from './supplier/tme'

export interface ParseReport {
  barcode_data: string
  barcode_hash: string
  normalised: string[]
  parsers: { parser: string; fields?: Record<string, unknown>; problem?: string }[]
}

export function parseOnly(data: string, prefix = settingDefaults['barcode.prefix']): ParseReport {
  const { text, notes } = tolerant(data)
  const parsers: ParseReport['parsers'] = []
  const internal = parseInternal(text, prefix)
  if (internal)
    parsers.push({
      parser: `InvenTree internal (${internal.form})`,
      fields: { model: internal.model, pk: internal.pk },
    })
  const iso = parseIso15434(text)
  if (iso) parsers.push({ parser: 'ECIA ISO/IEC 15434', fields: { ...iso.fields } })
  else if (looksLikeIso15434(text)) {
    const recovered = recoverIso15434(text)
    if (recovered && 'fields' in recovered)
      parsers.push({ parser: 'ECIA ISO/IEC 15434 (separators recovered)', fields: { ...recovered.fields } })
    else
      parsers.push({
        parser: 'ECIA ISO/IEC 15434',
        problem: recovered
          ? `separators missing; ${recovered.ambiguous} possible readings`
          : 'separators missing; no reading fits',
      })
  }
  const lcsc = parseLcsc(text)
  if (lcsc) parsers.push({ parser: 'LCSC QR', fields: { ...lcsc } })
  const tme = parseTme(text)
  if (tme) parsers.push({ parser: 'TME', fields: { ...tme } })
  try {
    const gs1 = parseGs1(text)
    if (gs1) {
      const { elements, ...fields } = gs1
      parsers.push({ parser: 'GS1', fields: { ...fields, elements: Object.fromEntries(elements) } })
    }
  } catch (err) {
    if (!(err instanceof Gs1Error)) throw err
    parsers.push({ parser: 'GS1', problem: err.message })
  }
  return { barcode_data: data, barcode_hash: barcodeHash(data), normalised: notes, parsers }
}
