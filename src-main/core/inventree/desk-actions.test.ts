import { describe, expect, it } from 'vitest'
import { allowedActions, judgeActions } from './desk-actions'

describe('desk actions from InvenTree roles', () => {
  it('needs purchase order add to receive and stock add to move, as InvenTree checks them, and says what is missing', () => {
    const roles = { purchase_order: ['view', 'change'], stock: ['view', 'change'] }
    expect(allowedActions(roles, false)).not.toContain('receive')
    expect(judgeActions(roles, false).find((v) => v.action === 'receive')!.missing).toEqual(['purchase_order.add'])
    expect(judgeActions(roles, false).find((v) => v.action === 'move')!.missing).toEqual(['stock.add'])
    expect(allowedActions({ ...roles, purchase_order: ['add'] }, false)).toContain('receive')
  })

  it('allows creating a supplier part through either rule set that covers supplier parts', () => {
    expect(allowedActions({ part: ['add'] }, false)).toEqual(['create_supplier_part'])
    expect(allowedActions({ purchase_order: ['add'] }, false)).toEqual(['receive', 'create_supplier_part'])
  })

  it('allows nothing on null roles, everything to a superuser', () => {
    expect(allowedActions({ stock: null, part: null }, false)).toEqual([])
    expect(allowedActions({}, true)).toHaveLength(10)
  })
})
