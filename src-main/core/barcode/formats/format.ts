/**
 * A barcode format reads text into fields and touches no database, so `cli parse` can show what a label holds
 * without a station, and the tests can read labels in isolation. Finding the items those fields name is the
 * separate job of the plugins a format provides, which get the database through `FormatDeps`.
 */
import type { Db } from '../../db/connection'
import type { Settings } from '../../settings'
import type { BarcodePlugin, ScanText } from '../plugin'
import type { SupplierCatalog } from '../supplier/catalog'
import type { SupplierFields } from '../supplier/fields'

export interface ReadContext {
  /** The short-form prefix of internal barcodes (a setting). */
  prefix: string
  /**
   * How many of a reading's values the database knows, to choose between the splits of a label whose separators
   * were lost. Absent without a database: such a label is then reported as ambiguous.
   */
  recognises?: (fields: SupplierFields) => number
}

export interface Reading<F> {
  /** What the data was read as, as scan results name it ("TME QR", "GS1 (element string)"). */
  format: string
  fields: F
  /** Repairs made while reading (separators recovered). */
  notes: string[]
  /** Why data that is recognisably this format could not be read (a GTIN failing its check digit). */
  problem?: string
}

/** One line of `cli parse`'s report. */
export interface ParserReport {
  parser: string
  fields?: Record<string, unknown>
  problem?: string
}

/** What a format's plugins may use to resolve readings: built once per station. */
export interface FormatDeps {
  db: Db
  settings: Settings
  catalog: SupplierCatalog
  /** The station's read context: its prefix setting, and its own catalogue to score recovered labels. */
  context: ReadContext
  /**
   * `format.read` of one scan's text against this station's database, done once however many plugins ask
   * (DigiKey, Mouser and TME all read ISO/IEC 15434 labels, and recovering a damaged one is costly).
   */
  read<F>(format: BarcodeFormat<F>, input: ScanText): Reading<F> | null
}

export interface BarcodeFormat<F = unknown> {
  /** The format's name in `cli parse`'s report. */
  readonly name: string
  /** A label this format reads: documents the format and lets the tests prove every format is wired in. */
  readonly example: string
  /**
   * The station's own barcodes are tried before linked barcodes; every other format after them, so that a
   * label someone linked to an item wins over what its text would otherwise parse as.
   */
  readonly own?: boolean
  read(text: string, context: ReadContext): Reading<F> | null
  /**
   * What `cli parse` prints for the text, or null when this format does not recognise it. It may say more than
   * `read`: a label-shaped text that no split fits is reported to the admin, while the chain just passes it on.
   */
  report(text: string, context: ReadContext): ParserReport | null
  /** The plugins that resolve this format's readings against the database, in chain order. */
  plugins(deps: FormatDeps): BarcodePlugin[]
}

/** Supplier label formats read into InvenTree's supplier field names. */
export type SupplierFormat = BarcodeFormat<SupplierFields>
