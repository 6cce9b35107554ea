import type { ItemRef, ReceiptLine, SessionHeader, SessionRow, SessionView } from '../../src-main/contract'

/** Builders for the session shapes main returns (src-main/core/actions/sessions.ts), for workflow tests. */

export const ref = (model: string, pk: number, name: string): ItemRef => ({ pk, name, url: `/${model}/${pk}` })

export const receivingBench = ref('stocklocation', 3, 'Receiving Bench')
export const binC2 = ref('stocklocation', 20, 'Bin C2')

export function stockRow(id: number, pk: number, extra: Partial<SessionRow> = {}): SessionRow {
  return {
    id,
    scanId: 100 + id,
    data: `INV-SI${pk}`,
    model: 'stockitem',
    pk,
    name: `Stock item ${pk}`,
    type: 'Stock item',
    url: `/stockitem/${pk}`,
    quantity: 10 * pk,
    units: 'pcs',
    location: ref('stocklocation', 14, 'Bin A1'),
    lot: '',
    dateCode: '',
    expiry: null,
    lineId: null,
    flag: 'ok',
    note: '',
    ...extra,
  }
}

export function unknownRow(id: number, data: string): SessionRow {
  return {
    ...stockRow(id, 1),
    data,
    model: null,
    pk: null,
    name: 'Unknown barcode',
    type: 'Unknown',
    url: null,
    quantity: null,
    units: '',
    location: null,
    flag: 'unknown',
    note: 'No match found for barcode data',
  }
}

export function header(extra: Partial<SessionHeader> = {}): SessionHeader {
  return {
    id: 1,
    kind: 'scan',
    status: 'open',
    purchaseOrder: null,
    location: null,
    rowCount: 0,
    flaggedCount: 0,
    lines: [],
    ...extra,
  }
}

export function view(rows: SessionRow[], extra: Partial<SessionHeader> = {}): SessionView {
  return {
    ...header({ rowCount: rows.length, flaggedCount: rows.filter((r) => r.flag !== 'ok').length, ...extra }),
    rows,
  }
}

export function line(lineId: number, sku: string, extra: Partial<ReceiptLine> = {}): ReceiptLine {
  return {
    lineId,
    supplierPart: ref('supplierpart', lineId, sku),
    part: `Part of ${sku}`,
    units: 'pcs',
    packQuantity: 1,
    ordered: 10,
    receivedBefore: 0,
    scanned: 0,
    remaining: 10,
    destination: receivingBench,
    ...extra,
  }
}

export function receiptRow(id: number, lineId: number | null, extra: Partial<SessionRow> = {}): SessionRow {
  return {
    ...stockRow(id, 1),
    data: `[)>06 label ${id}`,
    model: 'supplierpart',
    pk: lineId ?? 99,
    name: `SKU-${lineId ?? 'x'}`,
    type: 'Supplier part',
    url: `/supplierpart/${lineId ?? 99}`,
    quantity: 5,
    units: '',
    location: receivingBench,
    lot: `LOT-${id}`,
    dateCode: '2346',
    lineId,
    ...extra,
  }
}
