/**
 * Supplier parts made from a supplier's label: its SKU, MPN and manufacturer become a supplier part (and, when
 * asked, a new part and its manufacturer part), so the same label resolves to an item the next time it is scanned.
 */
import type { ItemRef, MethodInput, MethodOutputs } from '../../contract'
import type { Db } from '../db/connection'
import { writeTransaction } from '../db/write-transaction'
import { ConflictError, NotFoundError } from '../errors'
import { isReplica, newRowPk, queueDeskAction } from '../inventree/outbox'
import type { ItemRefs } from './refs'

export class SupplierParts {
  constructor(
    private readonly db: Db,
    private readonly refs: ItemRefs,
  ) {}

  suppliers(): ItemRef[] {
    return this.db
      .prepare<[], { id: number; name: string }>('SELECT id, name FROM company WHERE is_supplier = 1 ORDER BY name')
      .all()
      .map((r) => ({ pk: r.id, name: r.name, url: `/company/${r.id}` }))
  }

  /**
   * Makes the supplier part a label names (SKU, MPN, manufacturer from its fields), for an existing part or a
   * new one, in one transaction; the same label then resolves to it.
   */
  create(input: MethodInput<'createSupplierPart'>): MethodOutputs['createSupplierPart'] {
    return writeTransaction(this.db, () => {
      const supplier = this.db
        .prepare<[number], { name: string }>('SELECT name FROM company WHERE id = ? AND is_supplier = 1')
        .get(input.supplier)
      if (!supplier) throw new NotFoundError(`No supplier with pk ${input.supplier}`)
      const sku = input.sku.trim()
      const existing = this.db
        .prepare<[number, string], { id: number }>(
          'SELECT id FROM supplierpart WHERE supplier_id = ? AND sku = ? COLLATE NOCASE',
        )
        .get(input.supplier, sku)
      if (existing)
        throw new ConflictError(
          `${supplier.name} already has a supplier part with SKU ${sku} (supplier part ${existing.id})`,
        )
      let partId = input.part ?? null
      if (partId !== null && !this.refs.get('part', partId)) throw new NotFoundError(`No part with pk ${partId}`)
      if (isReplica(this.db)) return this.createOnReplica(input, sku, partId)
      if (partId === null) {
        partId = Number(
          this.db
            .prepare('INSERT INTO part (name, description) VALUES (?, ?)')
            .run(input.newPartName!, input.mpn ? `MPN ${input.mpn}` : '').lastInsertRowid,
        )
      }
      let mpId: number | null = null
      if (input.mpn) {
        const makerName = input.manufacturer || 'Unknown manufacturer'
        const maker = this.db
          .prepare<[string], { id: number }>('SELECT id FROM company WHERE name = ? COLLATE NOCASE')
          .get(makerName)
        const makerId = maker
          ? maker.id
          : Number(
              this.db.prepare('INSERT INTO company (name, is_manufacturer) VALUES (?, 1)').run(makerName)
                .lastInsertRowid,
            )
        const mp = this.db
          .prepare<[number, string], { id: number; part_id: number }>(
            'SELECT id, part_id FROM manufacturerpart WHERE manufacturer_id = ? AND mpn = ? COLLATE NOCASE',
          )
          .get(makerId, input.mpn)
        if (mp && mp.part_id !== partId)
          throw new ConflictError(`${makerName} ${input.mpn} belongs to part ${mp.part_id}; choose that part`)
        mpId = mp
          ? mp.id
          : Number(
              this.db
                .prepare('INSERT INTO manufacturerpart (part_id, manufacturer_id, mpn) VALUES (?, ?, ?)')
                .run(partId, makerId, input.mpn).lastInsertRowid,
            )
      }
      const spId = Number(
        this.db
          .prepare(
            'INSERT INTO supplierpart (part_id, supplier_id, manufacturer_part_id, sku, pack_quantity) VALUES (?, ?, ?, ?, ?)',
          )
          .run(partId, input.supplier, mpId, sku, input.packQuantity ?? 1).lastInsertRowid,
      )
      return {
        supplierpart: this.refs.get('supplierpart', spId)!,
        part: this.refs.get('part', partId)!,
        manufacturerpart: mpId === null ? null : this.refs.get('manufacturerpart', mpId),
      }
    })
  }

  /**
   * On a replica the desk makes only the supplier part, for a part the server already has: parts and
   * manufacturers are the server's to create, and a part made offline would have nowhere to come from.
   */
  private createOnReplica(
    input: MethodInput<'createSupplierPart'>,
    sku: string,
    partId: number | null,
  ): MethodOutputs['createSupplierPart'] {
    if (partId === null)
      throw new ConflictError(
        'This station works on an InvenTree server: create the part there (or choose an existing part), then link the label',
      )
    const mp = input.mpn
      ? (this.db
          .prepare<[number, string], { id: number }>(
            'SELECT id FROM manufacturerpart WHERE part_id = ? AND mpn = ? COLLATE NOCASE',
          )
          .get(partId, input.mpn) ?? null)
      : null
    const spId = Number(
      this.db
        .prepare(
          'INSERT INTO supplierpart (id, part_id, supplier_id, manufacturer_part_id, sku, pack_quantity) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(newRowPk(this.db, 'supplierpart'), partId, input.supplier, mp?.id ?? null, sku, input.packQuantity ?? 1)
        .lastInsertRowid,
    )
    queueDeskAction(
      this.db,
      {
        kind: 'supplierpart',
        supplierpart: spId,
        part: partId,
        supplier: input.supplier,
        sku,
        manufacturerPart: mp?.id ?? null,
        packQuantity: input.packQuantity ?? 1,
      },
      `Created supplier part ${sku}`,
      null,
    )
    return {
      supplierpart: this.refs.get('supplierpart', spId)!,
      part: this.refs.get('part', partId)!,
      manufacturerpart: mp ? this.refs.get('manufacturerpart', mp.id) : null,
    }
  }
}
