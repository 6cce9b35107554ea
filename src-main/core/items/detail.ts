/**
 * Item detail for the renderer: one builder per model type, each returning the item's fields, links to related
 * items and tables of what hangs off it. The renderer shows any model with one generic view, so what a user sees
 * of a part or an order is decided here, next to the SQL.
 */
import type { DetailField, DetailSection, ItemDetail, ModelType } from '../../contract'
import type { Db } from '../db/connection'
import { naturalOrder } from './natural-order'
import { NotFoundError } from '../errors'

type Row = Record<string, string | number | null>
type Link = { model: ModelType; pk: number }
type Built = Omit<ItemDetail, 'model' | 'pk' | 'barcode' | 'linked'>

/** Tables list at most this many rows; the rest are reached through search or the linked item. */
const SECTION_LIMIT = 200

const link = (model: ModelType, pk: number | string | null): Link | undefined =>
  typeof pk === 'number' ? { model, pk } : undefined

const field = (label: string, value: DetailField['value'], to?: Link): DetailField =>
  to ? { label, value, link: to } : { label, value }

const quantity = (q: number | string | null, units: unknown): string =>
  `${q ?? 0} ${typeof units === 'string' ? units : ''}`.trim()

export class ItemDetails {
  constructor(private readonly db: Db) {}

  build(model: ModelType, pk: number): Built {
    const built = this.builders[model](pk)
    if (!built) throw new NotFoundError(`No ${model} with pk ${pk}`)
    return built
  }

  private one(sql: string, ...params: unknown[]): Row | undefined {
    return this.db.prepare(sql).get(...params) as Row | undefined
  }

  private all(sql: string, ...params: unknown[]): Row[] {
    return this.db.prepare(sql).all(...params) as Row[]
  }

  private section(
    title: string,
    columns: string[],
    rows: Row[],
    cells: (r: Row) => (string | number | null)[],
    to: (r: Row) => Link | undefined,
  ): DetailSection {
    return { title, columns, rows: rows.map((r) => ({ cells: cells(r), ...(to(r) ? { link: to(r) } : {}) })) }
  }

  /** "Site / Stores / Shelf A / Bin 3": the location's path from the root of the tree. */
  locationPath(pk: number | null): string {
    if (pk === null) return ''
    const rows = this.all(
      `WITH RECURSIVE up(id, name, parent_id, depth) AS (
         SELECT id, name, parent_id, 0 FROM stocklocation WHERE id = ?
         UNION ALL SELECT l.id, l.name, l.parent_id, up.depth + 1 FROM stocklocation l JOIN up ON l.id = up.parent_id)
       SELECT name FROM up ORDER BY depth DESC`,
      pk,
    )
    return rows.map((r) => r.name).join(' / ')
  }

  private stockSection(where: string, pk: number, title = 'Stock items'): DetailSection {
    const rows = this.all(
      `SELECT s.id, p.name AS part, s.location_id, l.name AS location, s.quantity, p.units, s.batch, s.status
       FROM stockitem s JOIN part p ON p.id = s.part_id LEFT JOIN stocklocation l ON l.id = s.location_id
       WHERE ${where} ORDER BY s.id LIMIT ${SECTION_LIMIT}`,
      pk,
    )
    return this.section(
      title,
      ['Item', 'Part', 'Location', 'Quantity', 'Batch', 'Status'],
      rows,
      (r) => [`#${r.id}`, r.part, r.location, quantity(r.quantity, r.units), r.batch, r.status],
      (r) => link('stockitem', r.id),
    )
  }

  private readonly builders: Record<ModelType, (pk: number) => Built | null> = {
    part: (pk) => {
      const p = this.one(
        `SELECT p.*, c.name AS category, l.name AS location,
                (SELECT coalesce(sum(quantity), 0) FROM stockitem WHERE part_id = p.id) AS stock
         FROM part p LEFT JOIN partcategory c ON c.id = p.category_id LEFT JOIN stocklocation l ON l.id = p.default_location_id
         WHERE p.id = ?`,
        pk,
      )
      if (!p) return null
      const suppliers = this.all(
        `SELECT sp.id, c.name AS supplier, sp.sku, sp.pack_quantity FROM supplierpart sp JOIN company c ON c.id = sp.supplier_id
         WHERE sp.part_id = ? ORDER BY c.name`,
        pk,
      )
      const makers = this.all(
        `SELECT mp.id, c.name AS manufacturer, mp.mpn FROM manufacturerpart mp JOIN company c ON c.id = mp.manufacturer_id
         WHERE mp.part_id = ? ORDER BY c.name`,
        pk,
      )
      return {
        title: String(p.name),
        subtitle: String(p.description),
        fields: [
          field('IPN', p.ipn),
          field('Category', p.category, link('partcategory', p.category_id)),
          field('Default location', p.location, link('stocklocation', p.default_location_id)),
          field('Units', p.units),
          field('In stock', quantity(p.stock, p.units)),
        ],
        sections: [
          this.stockSection('s.part_id = ?', pk),
          this.section(
            'Supplier parts',
            ['Supplier', 'SKU', 'Pack'],
            suppliers,
            (r) => [r.supplier, r.sku, r.pack_quantity],
            (r) => link('supplierpart', r.id),
          ),
          this.section(
            'Manufacturer parts',
            ['Manufacturer', 'MPN'],
            makers,
            (r) => [r.manufacturer, r.mpn],
            (r) => link('manufacturerpart', r.id),
          ),
        ],
      }
    },

    partcategory: (pk) => {
      const c = this.one(
        'SELECT c.*, p.name AS parent FROM partcategory c LEFT JOIN partcategory p ON p.id = c.parent_id WHERE c.id = ?',
        pk,
      )
      if (!c) return null
      const children = this.all('SELECT id, name, description FROM partcategory WHERE parent_id = ? ORDER BY name', pk)
      const parts = this.all(
        `SELECT id, ipn, name, description FROM part WHERE category_id = ? ORDER BY name LIMIT ${SECTION_LIMIT}`,
        pk,
      )
      return {
        title: String(c.name),
        subtitle: String(c.description),
        fields: [field('Parent category', c.parent, link('partcategory', c.parent_id))],
        sections: [
          this.section(
            'Subcategories',
            ['Name', 'Description'],
            children,
            (r) => [r.name, r.description],
            (r) => link('partcategory', r.id),
          ),
          this.section(
            'Parts',
            ['IPN', 'Name', 'Description'],
            parts,
            (r) => [r.ipn, r.name, r.description],
            (r) => link('part', r.id),
          ),
        ],
      }
    },

    stocklocation: (pk) => {
      const l = this.one(
        'SELECT l.*, p.name AS parent FROM stocklocation l LEFT JOIN stocklocation p ON p.id = l.parent_id WHERE l.id = ?',
        pk,
      )
      if (!l) return null
      const children = this.all(
        `SELECT l.id, l.name, l.description, (SELECT count(*) FROM stockitem s WHERE s.location_id = l.id) AS items
         FROM stocklocation l WHERE l.parent_id = ?`,
        pk,
      ).sort((a, b) => naturalOrder(String(a.name), String(b.name)))
      return {
        title: String(l.name),
        subtitle: this.locationPath(pk),
        fields: [
          field('Description', l.description),
          field('Parent location', l.parent, link('stocklocation', l.parent_id)),
          field('Structural', l.structural ? 'yes — holds no stock itself' : 'no'),
        ],
        sections: [
          this.section(
            'Sublocations',
            ['Name', 'Description', 'Stock items'],
            children,
            (r) => [r.name, r.description, r.items],
            (r) => link('stocklocation', r.id),
          ),
          // A shelf or a room holds its stock in the bins below it: the clerk looking at it wants all of it.
          this.stockSection(
            `s.location_id IN (WITH RECURSIVE below(id) AS (SELECT ? UNION ALL
               SELECT c.id FROM stocklocation c JOIN below b ON c.parent_id = b.id) SELECT id FROM below)`,
            pk,
            'Stock items here and below',
          ),
        ],
      }
    },

    stockitem: (pk) => {
      const s = this.one(
        `SELECT s.*, p.name AS part, p.units, l.name AS location, sp.sku, po.reference
         FROM stockitem s JOIN part p ON p.id = s.part_id LEFT JOIN stocklocation l ON l.id = s.location_id
         LEFT JOIN supplierpart sp ON sp.id = s.supplier_part_id LEFT JOIN purchaseorder po ON po.id = s.purchase_order_id
         WHERE s.id = ?`,
        pk,
      )
      if (!s) return null
      const tracking = this.all(
        `SELECT t.timestamp, t.kind, t.delta, f.name AS src, d.name AS dst, o.name AS operator
         FROM stocktracking t LEFT JOIN stocklocation f ON f.id = t.from_location_id LEFT JOIN stocklocation d ON d.id = t.to_location_id
         LEFT JOIN operator o ON o.id = t.operator_id WHERE t.stockitem_id = ? ORDER BY t.id DESC LIMIT ${SECTION_LIMIT}`,
        pk,
      )
      return {
        title: String(s.part),
        subtitle: `Stock item #${pk} — ${quantity(s.quantity, s.units)}${s.location ? ` at ${this.locationPath(s.location_id as number)}` : ''}`,
        fields: [
          field('Part', s.part, link('part', s.part_id)),
          field('Location', s.location, link('stocklocation', s.location_id)),
          field('Quantity', quantity(s.quantity, s.units)),
          field('Batch', s.batch),
          field('Serial', s.serial),
          field('Expiry', s.expiry),
          field('Status', s.status),
          field('Supplier part', s.sku, link('supplierpart', s.supplier_part_id)),
          field('Purchase order', s.reference, link('purchaseorder', s.purchase_order_id)),
        ],
        sections: [
          this.section(
            'Tracking',
            ['When', 'What', 'Change', 'From', 'To', 'Operator'],
            tracking,
            (r) => [r.timestamp, r.kind, r.delta, r.src, r.dst, r.operator],
            () => undefined,
          ),
        ],
      }
    },

    company: (pk) => {
      const c = this.one('SELECT * FROM company WHERE id = ?', pk)
      if (!c) return null
      const supplied = this.all(
        `SELECT sp.id, sp.sku, p.name AS part FROM supplierpart sp JOIN part p ON p.id = sp.part_id
         WHERE sp.supplier_id = ? ORDER BY sp.sku LIMIT ${SECTION_LIMIT}`,
        pk,
      )
      const made = this.all(
        `SELECT mp.id, mp.mpn, p.name AS part FROM manufacturerpart mp JOIN part p ON p.id = mp.part_id
         WHERE mp.manufacturer_id = ? ORDER BY mp.mpn LIMIT ${SECTION_LIMIT}`,
        pk,
      )
      const orders = this.all(
        'SELECT id, reference, supplier_reference, status FROM purchaseorder WHERE supplier_id = ? ORDER BY id DESC',
        pk,
      )
      const roles = [c.is_supplier ? 'supplier' : '', c.is_manufacturer ? 'manufacturer' : '']
        .filter(Boolean)
        .join(', ')
      return {
        title: String(c.name),
        subtitle: roles,
        fields: [field('Website', c.website)],
        sections: [
          this.section(
            'Supplier parts',
            ['SKU', 'Part'],
            supplied,
            (r) => [r.sku, r.part],
            (r) => link('supplierpart', r.id),
          ),
          this.section(
            'Manufacturer parts',
            ['MPN', 'Part'],
            made,
            (r) => [r.mpn, r.part],
            (r) => link('manufacturerpart', r.id),
          ),
          this.section(
            'Purchase orders',
            ['Reference', 'Supplier reference', 'Status'],
            orders,
            (r) => [r.reference, r.supplier_reference, r.status],
            (r) => link('purchaseorder', r.id),
          ),
        ],
      }
    },

    supplierpart: (pk) => {
      const sp = this.one(
        `SELECT sp.*, p.name AS part, c.name AS supplier, mp.mpn
         FROM supplierpart sp JOIN part p ON p.id = sp.part_id JOIN company c ON c.id = sp.supplier_id
         LEFT JOIN manufacturerpart mp ON mp.id = sp.manufacturer_part_id WHERE sp.id = ?`,
        pk,
      )
      if (!sp) return null
      const lines = this.all(
        `SELECT po.id, po.reference, po.status, l.quantity, l.received FROM purchaseorderline l
         JOIN purchaseorder po ON po.id = l.order_id WHERE l.supplier_part_id = ? ORDER BY po.id DESC`,
        pk,
      )
      return {
        title: `${sp.supplier} ${sp.sku}`,
        subtitle: String(sp.part),
        fields: [
          field('Part', sp.part, link('part', sp.part_id)),
          field('Supplier', sp.supplier, link('company', sp.supplier_id)),
          field('SKU', sp.sku),
          field('Manufacturer part', sp.mpn, link('manufacturerpart', sp.manufacturer_part_id)),
          field('Pack quantity', sp.pack_quantity),
        ],
        sections: [
          this.stockSection('s.supplier_part_id = ?', pk),
          this.section(
            'Purchase order lines',
            ['Order', 'Status', 'Ordered', 'Received'],
            lines,
            (r) => [r.reference, r.status, r.quantity, r.received],
            (r) => link('purchaseorder', r.id),
          ),
        ],
      }
    },

    manufacturerpart: (pk) => {
      const mp = this.one(
        `SELECT mp.*, p.name AS part, c.name AS manufacturer FROM manufacturerpart mp JOIN part p ON p.id = mp.part_id
         JOIN company c ON c.id = mp.manufacturer_id WHERE mp.id = ?`,
        pk,
      )
      if (!mp) return null
      const suppliers = this.all(
        `SELECT sp.id, c.name AS supplier, sp.sku FROM supplierpart sp JOIN company c ON c.id = sp.supplier_id
         WHERE sp.manufacturer_part_id = ? ORDER BY c.name`,
        pk,
      )
      return {
        title: `${mp.manufacturer} ${mp.mpn}`,
        subtitle: String(mp.part),
        fields: [
          field('Part', mp.part, link('part', mp.part_id)),
          field('Manufacturer', mp.manufacturer, link('company', mp.manufacturer_id)),
          field('MPN', mp.mpn),
        ],
        sections: [
          this.section(
            'Supplier parts',
            ['Supplier', 'SKU'],
            suppliers,
            (r) => [r.supplier, r.sku],
            (r) => link('supplierpart', r.id),
          ),
        ],
      }
    },

    purchaseorder: (pk) => {
      const po = this.one(
        `SELECT po.*, c.name AS supplier, l.name AS destination FROM purchaseorder po JOIN company c ON c.id = po.supplier_id
         LEFT JOIN stocklocation l ON l.id = po.destination_id WHERE po.id = ?`,
        pk,
      )
      if (!po) return null
      const lines = this.all(
        `SELECT l.id, l.supplier_part_id, sp.sku, p.name AS part, p.units, l.quantity, l.received, d.name AS destination
         FROM purchaseorderline l JOIN supplierpart sp ON sp.id = l.supplier_part_id JOIN part p ON p.id = sp.part_id
         LEFT JOIN stocklocation d ON d.id = l.destination_id WHERE l.order_id = ? ORDER BY l.id`,
        pk,
      )
      return {
        title: String(po.reference),
        subtitle: `Purchase order from ${po.supplier} — ${po.status}`,
        fields: [
          field('Supplier', po.supplier, link('company', po.supplier_id)),
          field('Supplier reference', po.supplier_reference),
          field('Status', po.status),
          field('Destination', po.destination, link('stocklocation', po.destination_id)),
          field('Created', po.created_at),
        ],
        sections: [
          this.section(
            'Lines',
            ['SKU', 'Part', 'Ordered', 'Received', 'Destination'],
            lines,
            (r) => [r.sku, r.part, quantity(r.quantity, r.units), quantity(r.received, r.units), r.destination],
            (r) => link('supplierpart', r.supplier_part_id),
          ),
        ],
      }
    },
  }
}
