/** The placed purchase orders a receipt may be for, oldest first (the ones most likely waiting at the desk). */
import type { ReceivableOrder } from '../../contract'
import type { Db } from '../db/connection'
import type { ItemRefs } from '../items/refs'

export function receivableOrders(db: Db, refs: ItemRefs): ReceivableOrder[] {
  return db
    .prepare<[], { id: number; supplier: string; supplier_reference: string; lines: number; open_lines: number }>(
      `SELECT po.id, c.name AS supplier, po.supplier_reference,
              count(l.id) AS lines, coalesce(sum(l.received < l.quantity), 0) AS open_lines
       FROM purchaseorder po JOIN company c ON c.id = po.supplier_id LEFT JOIN purchaseorderline l ON l.order_id = po.id
       WHERE po.status = 'placed'
       GROUP BY po.id ORDER BY po.id
       LIMIT 500`,
    )
    .all()
    .flatMap((r) => {
      const order = refs.get('purchaseorder', r.id)
      return order
        ? [
            {
              order,
              supplier: r.supplier,
              supplierReference: r.supplier_reference ?? '',
              lines: r.lines,
              openLines: r.open_lines,
            },
          ]
        : []
    })
}
