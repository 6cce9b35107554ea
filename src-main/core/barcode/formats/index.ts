/**
 * Every barcode format the station reads, in the order the plugin chain tries them (the station's own barcodes
 * first, then linked barcodes, then these). The chain, `cli parse` and the tests all read this list: a new format
 * is its file plus one line here.
 */
import type { BarcodeFormat } from './format'
import { gs1Format } from './gs1'
import { internalFormat } from './internal'
import { iso15434Format } from './iso15434'
import { lcscFormat } from './lcsc'
import { tmeFormat } from './tme'
import { upcEFormat } from './upc-e'

export const barcodeFormats: BarcodeFormat[] = [
  internalFormat,
  iso15434Format,
  lcscFormat,
  tmeFormat,
  gs1Format,
  // After GS1: without a symbology id the same 8 digits are an EAN-8 first.
  upcEFormat,
]
