/**
 * InvenTree's external-barcode hash, reproduced exactly so that a label linked in one system resolves in the
 * other: strip surrounding whitespace, drop the control and bidi characters scanners and spreadsheets inject,
 * then MD5 of the UTF-8 bytes as lowercase hex.
 */
import { createHash } from 'node:crypto'

// U+0000–U+0009, U+000B–U+001F (so \n is kept here and removed below, as InvenTree does), U+007F–U+009F,
// U+200E, U+200F, U+202A–U+202E.
const STRIPPED = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E]/g

export function normaliseForHash(data: string): string {
  return data.trim().replace(STRIPPED, '').replaceAll('\n', '')
}

export function barcodeHash(data: string): string {
  return createHash('md5').update(normaliseForHash(data), 'utf8').digest('hex')
}
