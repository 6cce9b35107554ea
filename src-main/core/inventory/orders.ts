/**
 * Purchase orders' lines and their life: lines change only while the order is pending; it is placed (then the
 * receiving desk takes it), cancelled before it is complete, or completed once placed. Each step is logged.
 */
import type { ItemRef, MethodArgs, MethodOutputs } from '../../contract'
import type { Db } from '../db/connection'
import { writeTransaction } from '../db/write-transaction'
import { ConflictError, NotFoundError } from '../errors'
import type { ItemRefs } from '../items/refs'
import type { Actor } from './actor'
import { logEdit } from './edit-log'

type Status = 'pending' | 'placed' | 'complete' | 'cancelled'

const NEXT: Record<MethodArgs<'orderStatus'>['action'], { from: Status[]; to: Status }> = {
  place: { from: ['pending'], to: 'placed' },
  cancel: { from: ['pending', 'placed'], to: 'cancelled' },
  complete: { from: ['placed'], to: 'complete' },
}

export class Orders {
  constructor(
    private readonly db: Db,
    private readonly refs: ItemRefs,
  ) {}

  saveLine(input: MethodArgs<'saveOrderLine'>, actor: Actor): MethodOutputs['saveOrderLine'] {
    return writeTransaction(this.db, () => {
      const { fields } = input
      const order = this.order(fields.order)
      if (order.status !== 'pending')
        throw new ConflictError(`${order.reference} is ${order.status}: only a pending order's lines can change`)
      const sp = this.db
        .prepare<[number], { supplier_id: number; archived: number }>(
          'SELECT supplier_id, archived FROM supplierpart WHERE id = ?',
        )
        .get(fields.supplierPart)
      if (!sp) throw new NotFoundError(`No supplier part with pk ${fields.supplierPart}`)
      if (sp.supplier_id !== order.supplier_id)
        throw new ConflictError(`Supplier part ${fields.supplierPart} is another supplier's, not this order's`)
      if (fields.destination != null && !this.refs.get('stocklocation', fields.destination))
        throw new NotFoundError(`No stock location with pk ${fields.destination}`)
      let line: number | null
      if (input.pk !== undefined) {
        const changed = this.db
          .prepare(
            input.remove
              ? 'DELETE FROM purchaseorderline WHERE id = @pk AND order_id = @order AND received = 0'
              : `UPDATE purchaseorderline SET supplier_part_id = @sp, quantity = @qty, destination_id = @dest
                 WHERE id = @pk AND order_id = @order`,
          )
          .run({
            pk: input.pk,
            order: fields.order,
            sp: fields.supplierPart,
            qty: fields.quantity,
            dest: fields.destination ?? null,
          })
        if (changed.changes === 0) throw new NotFoundError(`No line ${input.pk} on ${order.reference} to change`)
        line = input.remove ? null : input.pk
      } else {
        if (sp.archived === 1) throw new ConflictError(`Supplier part ${fields.supplierPart} is archived`)
        line = Number(
          this.db
            .prepare(
              'INSERT INTO purchaseorderline (order_id, supplier_part_id, quantity, destination_id) VALUES (?, ?, ?, ?)',
            )
            .run(fields.order, fields.supplierPart, fields.quantity, fields.destination ?? null).lastInsertRowid,
        )
      }
      const action = input.remove ? 'remove line' : input.pk === undefined ? 'add line' : 'change line'
      logEdit(this.db, actor, 'purchaseorder', fields.order, action, { line: line ?? input.pk, ...fields })
      return { line, order: this.ref(fields.order) }
    })
  }

  setStatus(input: MethodArgs<'orderStatus'>, actor: Actor): MethodOutputs['orderStatus'] {
    return writeTransaction(this.db, () => {
      const order = this.order(input.pk)
      const step = NEXT[input.action]
      if (!step.from.includes(order.status))
        throw new ConflictError(`${order.reference} is ${order.status}; it cannot be ${step.to}`)
      if (input.action === 'place') {
        const lines = this.db
          .prepare<[number], { n: number }>('SELECT count(*) AS n FROM purchaseorderline WHERE order_id = ?')
          .get(input.pk)!.n
        if (lines === 0) throw new ConflictError(`${order.reference} has no lines to order`)
      }
      this.db.prepare('UPDATE purchaseorder SET status = ? WHERE id = ?').run(step.to, input.pk)
      logEdit(this.db, actor, 'purchaseorder', input.pk, input.action, { status: [order.status, step.to] })
      return { order: this.ref(input.pk), status: step.to }
    })
  }

  /** An order's header changes only while it is pending, like its lines. */
  requirePending(pk: number): void {
    const order = this.order(pk)
    if (order.status !== 'pending') throw new ConflictError(`${order.reference} is ${order.status}: it cannot change`)
  }

  private order(pk: number): { reference: string; status: Status; supplier_id: number } {
    const row = this.db
      .prepare<[number], { reference: string; status: Status; supplier_id: number }>(
        'SELECT reference, status, supplier_id FROM purchaseorder WHERE id = ?',
      )
      .get(pk)
    if (!row) throw new NotFoundError(`No purchase order with pk ${pk}`)
    return row
  }

  private ref(pk: number): ItemRef {
    return this.refs.get('purchaseorder', pk)!
  }
}
