/**
 * A part export as InvenTree's data exporter writes it: one column per PartSerializer field, headed by the
 * field's label (tablib, then CSV or XLSX), booleans as True/False, related rows as InvenTree pks. Used by the
 * import tests and the import benchmark, at any size.
 */
import { stringify } from 'csv-stringify/sync'
import ExcelJS from 'exceljs'
import { createWriteStream } from 'node:fs'

/** The labels, in the serializer's field order, of the columns a default part export carries. */
export const INVENTREE_PART_HEADERS = [
  'Active',
  'Assembly',
  'Category',
  'Category Name',
  'Component',
  'Creation Date',
  'Creation User',
  'Default Expiry',
  'Default Location',
  'Default Supplier',
  'Description',
  'Full Name',
  'Image',
  'IPN',
  'Is Template',
  'Keywords',
  'Last Stocktake',
  'Link',
  'Locked',
  'Minimum Stock',
  'Name',
  'Notes',
  'ID',
  'Purchaseable',
  'Revision',
  'Salable',
  'Thumbnail',
  'Trackable',
  'Units',
  'Variant Of',
  'Virtual',
  'Building',
  'In Stock',
  'On Order',
  'Stock Items',
  'Suppliers',
  'Total Stock',
  'External Stock',
  'Unallocated Stock',
  'Variant Stock',
]

const CATEGORIES = [
  'Electronics/Resistors',
  'Electronics/Capacitors',
  'Electronics/ICs',
  'Mechanical/Fasteners',
  'Cables',
]

/** Row `i` of the export (0-based), as the strings InvenTree writes. */
export function inventreePartRow(i: number): Record<string, string> {
  const category = CATEGORIES[i % CATEGORIES.length]!
  return {
    Active: i % 97 === 0 ? 'False' : 'True',
    Assembly: 'False',
    Category: String(10 + (i % CATEGORIES.length)),
    'Category Name': category.split('/').pop()!,
    Component: 'True',
    'Creation Date': '2025-03-14',
    'Creation User': '2',
    'Default Expiry': '0',
    'Default Location': String(40 + (i % 7)),
    'Default Supplier': '',
    Description: `Imported part ${i} for the desk`,
    'Full Name': `P-${String(i).padStart(6, '0')} | Part ${i}`,
    Image: '',
    IPN: `P-${String(i).padStart(6, '0')}`,
    'Is Template': 'False',
    Keywords: '',
    'Last Stocktake': '',
    Link: '',
    Locked: 'False',
    'Minimum Stock': '0.0',
    Name: `Part ${i}`,
    Notes: '',
    ID: String(1000 + i),
    Purchaseable: 'True',
    Revision: '',
    Salable: 'False',
    Thumbnail: '/static/img/blank_image.thumbnail.png',
    Trackable: 'False',
    Units: i % 11 === 0 ? 'm' : '',
    'Variant Of': '',
    Virtual: 'False',
    Building: '0.0',
    'In Stock': String(i % 50),
    'On Order': '0.0',
    'Stock Items': String(i % 3),
    Suppliers: '1',
    'Total Stock': String(i % 50),
    'External Stock': '0.0',
    'Unallocated Stock': String(i % 50),
    'Variant Stock': '0.0',
  }
}

export type RowEdit = (i: number, row: Record<string, string>) => void

export function inventreePartCsv(count: number, edit: RowEdit = () => {}): Buffer {
  const lines = [stringify([INVENTREE_PART_HEADERS])]
  for (let i = 0; i < count; i++) {
    const row = inventreePartRow(i)
    edit(i, row)
    lines.push(stringify([INVENTREE_PART_HEADERS.map((h) => row[h] ?? '')]))
  }
  return Buffer.from(lines.join(''), 'utf8')
}

/** The same export as an XLSX file, written streaming (a 100,000-row workbook is never held whole). */
export async function writeInventreePartXlsx(path: string, count: number, edit: RowEdit = () => {}): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: createWriteStream(path), useSharedStrings: false })
  const sheet = workbook.addWorksheet('Part')
  sheet.addRow(INVENTREE_PART_HEADERS).commit()
  for (let i = 0; i < count; i++) {
    const row = inventreePartRow(i)
    edit(i, row)
    sheet.addRow(INVENTREE_PART_HEADERS.map((h) => row[h] ?? '')).commit()
  }
  sheet.commit()
  await workbook.commit()
}
