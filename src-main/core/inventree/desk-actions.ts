/**
 * Which desk actions a user's InvenTree roles allow, following InvenTree's rule sets: each role (`stock`,
 * `purchase_order`, …) grants view / add / change / delete on the tables it covers, a superuser has them all,
 * and a table in two rule sets (supplier parts are in `part` and `purchase_order`) is allowed by either.
 * The desk asks for what the action's effect on the server is: receiving changes the order's lines and adds
 * stock items; moving, counting, adding, removing, merging and (un)linking a barcode change stock items;
 * creating a supplier part adds one; pulling the replica reads what it copies.
 */
export const deskActions = [
  'pull',
  'receive',
  'move',
  'count',
  'add',
  'remove',
  'merge',
  'link_barcode',
  'unlink_barcode',
  'create_supplier_part',
] as const
export type DeskAction = (typeof deskActions)[number]

export type RolePermission = 'view' | 'add' | 'change' | 'delete'
type Grant = `${string}.${RolePermission}`

/** Each action needs every grant of at least one of its alternatives. */
const NEEDS: Record<DeskAction, Grant[][]> = {
  pull: [['part.view', 'part_category.view', 'stock_location.view', 'stock.view', 'purchase_order.view']],
  // InvenTree's receive is a POST on the order's lines: Django's `add` permission on them, nothing on stock.
  receive: [['purchase_order.add']],
  // Its stock adjustments are POSTs on stock items (`add`), whatever they change.
  move: [['stock.add']],
  count: [['stock.add']],
  add: [['stock.add']],
  remove: [['stock.add']],
  merge: [['stock.add']],
  link_barcode: [['stock.change']],
  unlink_barcode: [['stock.change']],
  create_supplier_part: [['purchase_order.add'], ['part.add']],
}

/** `/api/user/me/roles/`'s `roles`: rule set → the permissions granted, or null for none. */
export type Roles = Record<string, unknown>

function granted(roles: Roles, grant: Grant): boolean {
  const [ruleset, permission] = grant.split('.') as [string, RolePermission]
  const list = roles[ruleset]
  return Array.isArray(list) && list.includes(permission)
}

export interface ActionVerdict {
  action: DeskAction
  allowed: boolean
  /** When refused: the grants of the closest alternative that the user lacks, e.g. `stock.change`. */
  missing: string[]
}

export function judgeActions(roles: Roles, isSuperuser: boolean): ActionVerdict[] {
  return deskActions.map((action) => {
    if (isSuperuser) return { action, allowed: true, missing: [] }
    const gaps = NEEDS[action].map((alt) => alt.filter((g) => !granted(roles, g)))
    const closest = gaps.reduce((a, b) => (b.length < a.length ? b : a))
    return { action, allowed: closest.length === 0, missing: closest }
  })
}

export const allowedActions = (roles: Roles, isSuperuser: boolean): DeskAction[] =>
  judgeActions(roles, isSuperuser)
    .filter((v) => v.allowed)
    .map((v) => v.action)
