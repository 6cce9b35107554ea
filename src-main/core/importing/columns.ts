/**
 * What each import kind reads, and the column headers it knows each field by: the station's own export headers
 * first, then the labels InvenTree's data exporter writes (its serializers' field labels, e.g. "IPN", "Name",
 * "Category Name", "Path"), then the plain field names. A file whose headers are InvenTree's imports unmapped.
 *
 * InvenTree's "Category" and "Default Location" columns hold its own primary keys, which mean nothing here, so
 * the category is taken from "Category Name" and a default location only from the station's path column.
 */
import type { ColumnMapping, ImportFieldInfo, ImportKind, ImportPreview } from '../../contract'

interface FieldColumns extends ImportFieldInfo {
  headers: string[]
}

export const importFields: Record<ImportKind, FieldColumns[]> = {
  parts: [
    { field: 'ipn', label: 'IPN', required: false, headers: ['IPN', 'Internal Part Number'] },
    { field: 'name', label: 'Name', required: true, headers: ['Name', 'Part Name'] },
    { field: 'description', label: 'Description', required: false, headers: ['Description'] },
    {
      field: 'category',
      label: 'Category path',
      required: false,
      headers: ['Category path', 'Category Name', 'category_name'],
    },
    { field: 'units', label: 'Units', required: false, headers: ['Units'] },
    { field: 'defaultLocation', label: 'Default location path', required: false, headers: ['Default location path'] },
    { field: 'active', label: 'Active', required: false, headers: ['Active'] },
  ],
  supplierparts: [
    { field: 'part', label: 'Part IPN', required: true, headers: ['Part IPN', 'IPN'] },
    { field: 'supplier', label: 'Supplier', required: true, headers: ['Supplier', 'Supplier Name'] },
    { field: 'sku', label: 'SKU', required: true, headers: ['SKU'] },
    { field: 'mpn', label: 'MPN', required: false, headers: ['MPN'] },
    { field: 'manufacturer', label: 'Manufacturer', required: false, headers: ['Manufacturer', 'Manufacturer Name'] },
    { field: 'packQuantity', label: 'Pack quantity', required: false, headers: ['Pack quantity', 'pack_quantity'] },
  ],
  locations: [
    { field: 'path', label: 'Path', required: true, headers: ['Path', 'pathstring'] },
    { field: 'description', label: 'Description', required: false, headers: ['Description'] },
    { field: 'structural', label: 'Structural', required: false, headers: ['Structural'] },
  ],
  purchaseorders: [
    { field: 'reference', label: 'Reference', required: true, headers: ['Reference', 'Order Reference'] },
    { field: 'supplier', label: 'Supplier', required: true, headers: ['Supplier', 'Supplier Name'] },
    { field: 'supplierReference', label: 'Supplier reference', required: false, headers: ['Supplier reference'] },
    { field: 'sku', label: 'SKU', required: true, headers: ['SKU'] },
    { field: 'quantity', label: 'Quantity', required: true, headers: ['Quantity'] },
    { field: 'destination', label: 'Destination path', required: false, headers: ['Destination path'] },
  ],
}

/** Labels only InvenTree's own exports carry: enough of them and the file is taken for one of its exports. */
const INVENTREE_ONLY: Record<ImportKind, string[]> = {
  parts: [
    'ID',
    'Full Name',
    'Category Name',
    'Is Template',
    'Purchaseable',
    'Salable',
    'Trackable',
    'Virtual',
    'In Stock',
  ],
  supplierparts: ['ID', 'Pack Quantity', 'Available', 'Supplier Part'],
  locations: ['ID', 'Parent Location', 'Sublocations', 'External'],
  purchaseorders: ['ID', 'Line Items', 'Completed Lines', 'Target Date'],
}

const norm = (h: string): string => h.trim().toLowerCase()

/** The mapping the headers suggest, and whose export the file looks like. */
export function guessMapping(kind: ImportKind, headers: string[]): Pick<ImportPreview, 'mapping' | 'recognised'> {
  const byName = new Map(headers.map((h) => [norm(h), h]))
  const mapping: ColumnMapping = {}
  for (const f of importFields[kind]) {
    const header = [...f.headers, f.field].map((h) => byName.get(norm(h))).find((h) => h !== undefined)
    if (header !== undefined) mapping[f.field] = header
  }
  const inventree = INVENTREE_ONLY[kind].filter((h) => byName.has(norm(h))).length >= 3
  const station = importFields[kind].every((f) => byName.has(norm(f.label)))
  return { mapping, recognised: inventree ? 'inventree' : station ? 'station' : null }
}

/** The mapping's problems before any row is read: a required field unmapped, a header the file lacks. */
export function mappingProblems(kind: ImportKind, headers: string[], mapping: ColumnMapping): string[] {
  const problems: string[] = []
  for (const [field, header] of Object.entries(mapping)) {
    if (!importFields[kind].some((f) => f.field === field)) problems.push(`${kind} have no field "${field}"`)
    else if (!headers.includes(header)) problems.push(`The file has no column "${header}" (for ${field})`)
  }
  for (const f of importFields[kind])
    if (f.required && mapping[f.field] === undefined) problems.push(`Choose the column for ${f.label}`)
  return problems
}
