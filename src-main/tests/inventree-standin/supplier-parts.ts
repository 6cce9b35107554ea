/**
 * POST /api/company/part/, as InvenTree's SupplierPartSerializer and SupplierPart model check it: the part, the
 * supplier (a company marked as supplier) and the manufacturer part must exist; part, supplier and SKU together are
 * unique (DRF's unique-together message); a blank pack quantity means one and a pack quantity must be above zero;
 * the manufacturer part must be one of the same part. Answers 201 with the new supplier part. Read-only fields the
 * request may carry (pk, barcode_hash, pack_quantity_native) are ignored, as DRF ignores them.
 */
import { BLANK, FieldErrors, invalidPk, nonField, pyStrip, fieldError } from './drf'
import { bodyOf, type Handler, type Schemas } from './handler'
import { packQuantityNative, type SupplierPartRecord } from './state'

export const createSupplierPart: Handler = ({ req, state }) => {
  const body = bodyOf<Schemas['SupplierPart']>(req)
  const errors = new FieldErrors()
  if (!state.parts.get(body.part)) errors.add('part', invalidPk(body.part))
  if (!state.companies.get(body.supplier) || state.companies.get(body.supplier)?.is_supplier === false)
    errors.add('supplier', invalidPk(body.supplier))
  const manufacturerPart = body.manufacturer_part ?? null
  if (manufacturerPart !== null && !state.manufacturerParts.get(manufacturerPart))
    errors.add('manufacturer_part', invalidPk(manufacturerPart))
  const sku = pyStrip(body.SKU)
  if (!sku) errors.add('SKU', BLANK)
  errors.throwIfAny()

  if (state.supplierParts.all().some((s) => s.part === body.part && s.supplier === body.supplier && s.SKU === sku))
    throw nonField('The fields part, supplier, SKU must make a unique set.')
  const pack = pyStrip(body.pack_quantity ?? '') || '1'
  const native = packQuantityNative(pack)
  if (native !== null && native <= 0) throw fieldError('pack_quantity', 'Pack units must be greater than zero')
  if (manufacturerPart !== null && state.manufacturerParts.get(manufacturerPart)?.part !== body.part)
    throw fieldError('manufacturer_part', 'Linked manufacturer part must reference the same base part')

  const row: SupplierPartRecord = {
    pk: state.supplierParts.nextPk(),
    part: body.part,
    supplier: body.supplier,
    SKU: sku,
    manufacturer_part: manufacturerPart,
    pack_quantity: pack,
    description: body.description ?? '',
    link: body.link ?? null,
    note: body.note ?? null,
    packaging: body.packaging ?? null,
    active: body.active ?? true,
  }
  state.atomically(() => state.insert(state.supplierParts, row))
  return { status: 201, body: state.supplierPartOut(row.pk) }
}
