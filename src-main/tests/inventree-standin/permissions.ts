/**
 * InvenTree's permission checks, as its API applies them to each request. A user's group holds rule sets (`stock`,
 * `purchase_order`, …) granting view / add / change / delete; each rule set covers some database tables, a table in
 * several rule sets is allowed by any of them, and a superuser may do everything. An endpoint asks for:
 * - RolePermission: the permission of the request's method (GET view, POST add) on its serializer's model;
 * - ModelPermission (Django's model permissions): `add` on its queryset's model for a POST.
 * So the action endpoints, whose serializers have no model, ask for `add` on their queryset's model: receiving asks
 * for `purchase_order.add` (the queryset is the order lines), stock adjustments and merges for `stock.add`.
 * The barcode endpoints ask for a signed-in user only, then `change` on the model a barcode is (un)linked to.
 */
import type { Permission, RulesetName, StandinUser } from './state'

/** The tables the desk's models live in, and the rule sets that cover each (InvenTree's users/ruleset.py). */
const RULESETS_OF = {
  part_partcategory: ['part_category', 'build'],
  part_part: ['part', 'build'],
  stock_stocklocation: ['stock_location', 'build'],
  stock_stockitem: ['stock', 'build'],
  company_company: ['purchase_order', 'sales_order', 'return_order'],
  company_manufacturerpart: ['part', 'purchase_order'],
  company_supplierpart: ['part', 'purchase_order'],
  order_purchaseorder: ['purchase_order'],
  order_purchaseorderlineitem: ['purchase_order'],
} satisfies Record<string, RulesetName[]>

export type Table = keyof typeof RULESETS_OF

export function allowed(user: StandinUser, table: Table, permission: Permission): boolean {
  if (user.is_superuser) return true
  return RULESETS_OF[table].some((ruleset: RulesetName) => user.roles[ruleset]?.includes(permission))
}

/** What each operation the stand-in serves asks of the signed-in user before it looks at the request. */
export const REQUIRED: Record<string, [Table, Permission] | null> = {
  user_me_retrieve: null,
  user_me_roles_retrieve: null,
  user_me_token_retrieve: null,
  part_list: ['part_part', 'view'],
  part_category_list: ['part_partcategory', 'view'],
  stock_location_list: ['stock_stocklocation', 'view'],
  company_list: ['company_company', 'view'],
  company_part_list: ['company_supplierpart', 'view'],
  company_part_create: ['company_supplierpart', 'add'],
  company_part_manufacturer_list: ['company_manufacturerpart', 'view'],
  stock_list: ['stock_stockitem', 'view'],
  stock_retrieve: ['stock_stockitem', 'view'],
  order_po_list: ['order_purchaseorder', 'view'],
  order_po_retrieve: ['order_purchaseorder', 'view'],
  order_po_line_list: ['order_purchaseorderlineitem', 'view'],
  order_po_line_retrieve: ['order_purchaseorderlineitem', 'view'],
  order_po_receive_create: ['order_purchaseorderlineitem', 'add'],
  stock_transfer_create: ['stock_stockitem', 'add'],
  stock_count_create: ['stock_stockitem', 'add'],
  stock_add_create: ['stock_stockitem', 'add'],
  stock_remove_create: ['stock_stockitem', 'add'],
  stock_merge_create: ['stock_stockitem', 'add'],
  barcode_create: null,
  barcode_link_create: null,
  barcode_unlink_create: null,
}
