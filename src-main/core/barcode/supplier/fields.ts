/**
 * Fields read off a supplier or GS1 label, named as InvenTree's supplier barcode mixin names them so results
 * and exports line up with what InvenTree users know.
 */
export interface SupplierFields {
  supplier_part_number?: string
  manufacturer_part_number?: string
  customer_part_number?: string
  quantity?: number
  customer_order_number?: string
  supplier_order_number?: string
  purchase_order_line?: string
  packing_list_number?: string
  ship_date?: string
  lot_code?: string
  date_code?: string
  country_of_origin?: string
  manufacturer?: string
  serial?: string
  package_id?: string
  /** LCSC's picking batch. */
  picking_batch?: string
}
