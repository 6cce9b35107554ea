// Kept apart from inventory.ts so the CLI's help does not load the spreadsheet parsers.
export const INVENTORY_USAGE = `  import  [--db FILE] KIND FILE [--map JSON] [--dry-run]
                                             import parts, supplierparts, locations, purchaseorders from a CSV or XLSX file; --map
                                             maps fields to columns ({"name":"Bezeichnung"}); nothing is written
                                             when a row is wrong (exit 1) or with --dry-run
  export  [--db FILE] KIND --format csv|xlsx --out FILE
                                             write parts, stock, receipts, tracking to a file`
