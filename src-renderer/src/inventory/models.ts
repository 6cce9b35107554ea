/**
 * The edit screens' description of each model the desk maintains: its fields as a form shows them, and the
 * contract method that saves it. One generic list and form work from this.
 */
import type { EditableModel, MethodInput } from '../../../src-main/contract'
import { call } from '../api/station'

export interface FieldSpec {
  key: string
  label: string
  type: 'text' | 'number' | 'bool' | 'ref'
  /** For `ref`: the model whose rows the picker lists. */
  ref?: EditableModel
  required?: boolean
  /** An emptied text field is saved as empty (a description); otherwise empty means "not given". */
  clearable?: boolean
}

export interface ModelSpec {
  model: EditableModel
  title: string
  singular: string
  fields: FieldSpec[]
}

export const modelSpecs: ModelSpec[] = [
  {
    model: 'stocklocation',
    title: 'Locations',
    singular: 'location',
    fields: [
      { key: 'name', label: 'Name', type: 'text', required: true },
      { key: 'description', label: 'Description', type: 'text', clearable: true },
      { key: 'parent', label: 'Inside', type: 'ref', ref: 'stocklocation' },
      { key: 'structural', label: 'Structural (holds locations, not stock)', type: 'bool' },
    ],
  },
  {
    model: 'partcategory',
    title: 'Categories',
    singular: 'category',
    fields: [
      { key: 'name', label: 'Name', type: 'text', required: true },
      { key: 'description', label: 'Description', type: 'text', clearable: true },
      { key: 'parent', label: 'Inside', type: 'ref', ref: 'partcategory' },
    ],
  },
  {
    model: 'part',
    title: 'Parts',
    singular: 'part',
    fields: [
      { key: 'ipn', label: 'IPN', type: 'text', clearable: true },
      { key: 'name', label: 'Name', type: 'text', required: true },
      { key: 'description', label: 'Description', type: 'text', clearable: true },
      { key: 'category', label: 'Category', type: 'ref', ref: 'partcategory' },
      { key: 'units', label: 'Units', type: 'text' },
      { key: 'defaultLocation', label: 'Default location', type: 'ref', ref: 'stocklocation' },
    ],
  },
  {
    model: 'company',
    title: 'Companies',
    singular: 'company',
    fields: [
      { key: 'name', label: 'Name', type: 'text', required: true },
      { key: 'website', label: 'Website', type: 'text', clearable: true },
      { key: 'isSupplier', label: 'Supplier', type: 'bool' },
      { key: 'isManufacturer', label: 'Manufacturer', type: 'bool' },
    ],
  },
  {
    model: 'manufacturerpart',
    title: 'Manufacturer parts',
    singular: 'manufacturer part',
    fields: [
      { key: 'part', label: 'Part', type: 'ref', ref: 'part', required: true },
      { key: 'manufacturer', label: 'Manufacturer', type: 'ref', ref: 'company', required: true },
      { key: 'mpn', label: 'MPN', type: 'text', required: true },
    ],
  },
  {
    model: 'supplierpart',
    title: 'Supplier parts',
    singular: 'supplier part',
    fields: [
      { key: 'part', label: 'Part', type: 'ref', ref: 'part', required: true },
      { key: 'supplier', label: 'Supplier', type: 'ref', ref: 'company', required: true },
      { key: 'sku', label: 'SKU', type: 'text', required: true },
      { key: 'manufacturerPart', label: 'Manufacturer part', type: 'ref', ref: 'manufacturerpart' },
      { key: 'packQuantity', label: 'Pack quantity', type: 'number' },
    ],
  },
  {
    model: 'purchaseorder',
    title: 'Purchase orders',
    singular: 'purchase order',
    fields: [
      { key: 'reference', label: 'Reference', type: 'text', required: true },
      { key: 'supplier', label: 'Supplier', type: 'ref', ref: 'company', required: true },
      { key: 'supplierReference', label: 'Supplier reference', type: 'text', clearable: true },
      { key: 'destination', label: 'Destination', type: 'ref', ref: 'stocklocation' },
    ],
  },
]

export const specOf = (model: EditableModel): ModelSpec => modelSpecs.find((s) => s.model === model)!

export type FormValues = Record<string, string | number | boolean | null>

/** The form's values as the contract takes them: empty text left out unless it clears the field. */
export function fieldsFor(spec: ModelSpec, values: FormValues): Record<string, string | number | boolean | null> {
  const out: Record<string, string | number | boolean | null> = {}
  for (const f of spec.fields) {
    const v = values[f.key]
    if (f.type === 'text') {
      const text = typeof v === 'string' ? v.trim() : ''
      if (text || f.clearable) out[f.key] = text
    } else if (f.type === 'number') {
      if (v !== '' && v !== null && v !== undefined) out[f.key] = Number(v)
    } else if (f.type === 'bool') out[f.key] = v === true
    else out[f.key] = v === '' || v === null || v === undefined ? null : Number(v)
  }
  return out
}

type SaveMethod =
  | 'savePart'
  | 'saveCategory'
  | 'saveLocation'
  | 'saveCompany'
  | 'saveSupplierPart'
  | 'saveManufacturerPart'
  | 'savePurchaseOrder'

const SAVE: Record<EditableModel, SaveMethod> = {
  part: 'savePart',
  partcategory: 'saveCategory',
  stocklocation: 'saveLocation',
  company: 'saveCompany',
  supplierpart: 'saveSupplierPart',
  manufacturerpart: 'saveManufacturerPart',
  purchaseorder: 'savePurchaseOrder',
}

/** Saves a form: main checks the fields against the contract, so the form's own types stay loose. */
export function saveRow(model: EditableModel, pk: number | undefined, fields: Record<string, unknown>) {
  return call(SAVE[model], { pk, fields } as MethodInput<'savePart'>)
}
