/**
 * How each editable model's form fields map to its table's columns, which other rows they point at, and what
 * must stay unique: the one description the editor, the archive and the importer all work from.
 */
import type { EditableModel } from '../../contract'

export interface ColumnSpec {
  column: string
  /** The table a pk field points at; it must name a row there. */
  ref?: string
  bool?: true
  /** Stored as NULL when empty (an IPN: many parts have none, but two cannot share one). */
  emptyIsNull?: true
}

export interface RowSpec {
  table: string
  columns: Record<string, ColumnSpec>
  /** Column sets that no two rows may share (compared without case), each with the words for a clash. */
  unique: { columns: string[]; what: string }[]
  /** Tables and columns that point at this model: a row any of them uses is archived, never deleted. */
  usedBy: { table: string; column: string; what: string }[]
}

export const rowSpecs: Record<EditableModel, RowSpec> = {
  part: {
    table: 'part',
    columns: {
      ipn: { column: 'ipn', emptyIsNull: true },
      name: { column: 'name' },
      description: { column: 'description' },
      category: { column: 'category_id', ref: 'partcategory' },
      units: { column: 'units' },
      defaultLocation: { column: 'default_location_id', ref: 'stocklocation' },
    },
    unique: [{ columns: ['ipn'], what: 'IPN' }],
    usedBy: [
      { table: 'stockitem', column: 'part_id', what: 'stock items' },
      { table: 'supplierpart', column: 'part_id', what: 'supplier parts' },
      { table: 'manufacturerpart', column: 'part_id', what: 'manufacturer parts' },
    ],
  },
  partcategory: {
    table: 'partcategory',
    columns: {
      name: { column: 'name' },
      description: { column: 'description' },
      parent: { column: 'parent_id', ref: 'partcategory' },
    },
    unique: [],
    usedBy: [
      { table: 'part', column: 'category_id', what: 'parts' },
      { table: 'partcategory', column: 'parent_id', what: 'subcategories' },
    ],
  },
  stocklocation: {
    table: 'stocklocation',
    columns: {
      name: { column: 'name' },
      description: { column: 'description' },
      parent: { column: 'parent_id', ref: 'stocklocation' },
      structural: { column: 'structural', bool: true },
    },
    unique: [],
    usedBy: [
      { table: 'stockitem', column: 'location_id', what: 'stock items' },
      { table: 'stocklocation', column: 'parent_id', what: 'sublocations' },
      { table: 'stocktracking', column: 'from_location_id', what: 'stock history' },
      { table: 'stocktracking', column: 'to_location_id', what: 'stock history' },
      { table: 'part', column: 'default_location_id', what: 'parts (default location)' },
      { table: 'purchaseorder', column: 'destination_id', what: 'purchase orders' },
    ],
  },
  company: {
    table: 'company',
    columns: {
      name: { column: 'name' },
      website: { column: 'website' },
      isSupplier: { column: 'is_supplier', bool: true },
      isManufacturer: { column: 'is_manufacturer', bool: true },
    },
    unique: [{ columns: ['name'], what: 'name' }],
    usedBy: [
      { table: 'supplierpart', column: 'supplier_id', what: 'supplier parts' },
      { table: 'manufacturerpart', column: 'manufacturer_id', what: 'manufacturer parts' },
      { table: 'purchaseorder', column: 'supplier_id', what: 'purchase orders' },
    ],
  },
  supplierpart: {
    table: 'supplierpart',
    columns: {
      part: { column: 'part_id', ref: 'part' },
      supplier: { column: 'supplier_id', ref: 'company' },
      sku: { column: 'sku' },
      manufacturerPart: { column: 'manufacturer_part_id', ref: 'manufacturerpart' },
      packQuantity: { column: 'pack_quantity' },
    },
    unique: [{ columns: ['supplier_id', 'sku'], what: 'SKU at this supplier' }],
    usedBy: [
      { table: 'stockitem', column: 'supplier_part_id', what: 'stock items' },
      { table: 'purchaseorderline', column: 'supplier_part_id', what: 'purchase order lines' },
    ],
  },
  manufacturerpart: {
    table: 'manufacturerpart',
    columns: {
      part: { column: 'part_id', ref: 'part' },
      manufacturer: { column: 'manufacturer_id', ref: 'company' },
      mpn: { column: 'mpn' },
    },
    unique: [{ columns: ['manufacturer_id', 'mpn'], what: 'MPN at this manufacturer' }],
    usedBy: [{ table: 'supplierpart', column: 'manufacturer_part_id', what: 'supplier parts' }],
  },
  purchaseorder: {
    table: 'purchaseorder',
    columns: {
      reference: { column: 'reference' },
      supplier: { column: 'supplier_id', ref: 'company' },
      supplierReference: { column: 'supplier_reference' },
      destination: { column: 'destination_id', ref: 'stocklocation' },
    },
    unique: [{ columns: ['reference'], what: 'reference' }],
    usedBy: [
      { table: 'stockitem', column: 'purchase_order_id', what: 'stock items' },
      { table: 'scansession', column: 'purchase_order_id', what: 'receipts' },
    ],
  },
}
