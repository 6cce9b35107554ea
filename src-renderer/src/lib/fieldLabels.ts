// Names of the fields supplier and GS1 parsers return (InvenTree's supplier mixin names, GS1 meanings), as a
// person at the desk reads them. Unknown names are shown with underscores as spaces.
const labels: Record<string, string> = {
  supplier_part_number: 'Supplier part number',
  manufacturer_part_number: 'Manufacturer part number',
  quantity: 'Quantity',
  customer_order_number: 'Customer order number',
  supplier_order_number: 'Supplier order number',
  purchase_order_line: 'Purchase order line',
  packing_list_number: 'Packing list number',
  lot_code: 'Lot code',
  date_code: 'Date code',
  country_of_origin: 'Country of origin',
  manufacturer: 'Manufacturer',
  gtin: 'GTIN',
  sscc: 'SSCC',
  batch: 'Batch',
  serial: 'Serial',
  expiry: 'Expiry date',
}

export function fieldLabel(name: string): string {
  const known = labels[name]
  if (known) return known
  const spaced = name.replace(/_/g, ' ').trim()
  return spaced.charAt(0).toUpperCase() + spaced.slice(1)
}
