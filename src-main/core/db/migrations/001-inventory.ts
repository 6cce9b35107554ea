/**
 * The inventory model, named as InvenTree names it so that barcodes and exports interoperate.
 * Quantities are REAL because parts are counted in metres and grams as well as pieces.
 */
export const inventory = `
CREATE TABLE partcategory (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  parent_id   INTEGER REFERENCES partcategory(id) ON DELETE RESTRICT
);
CREATE INDEX partcategory_parent ON partcategory(parent_id);

CREATE TABLE stocklocation (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  parent_id   INTEGER REFERENCES stocklocation(id) ON DELETE RESTRICT,
  structural  INTEGER NOT NULL DEFAULT 0 CHECK (structural IN (0, 1))
);
CREATE INDEX stocklocation_parent ON stocklocation(parent_id);

CREATE TABLE company (
  id              INTEGER PRIMARY KEY,
  name            TEXT NOT NULL UNIQUE,
  website         TEXT NOT NULL DEFAULT '',
  is_supplier     INTEGER NOT NULL DEFAULT 0 CHECK (is_supplier IN (0, 1)),
  is_manufacturer INTEGER NOT NULL DEFAULT 0 CHECK (is_manufacturer IN (0, 1))
);

CREATE TABLE part (
  id                  INTEGER PRIMARY KEY,
  ipn                 TEXT UNIQUE,
  name                TEXT NOT NULL,
  description         TEXT NOT NULL DEFAULT '',
  category_id         INTEGER REFERENCES partcategory(id) ON DELETE SET NULL,
  default_location_id INTEGER REFERENCES stocklocation(id) ON DELETE SET NULL,
  units               TEXT NOT NULL DEFAULT 'pcs'
);
CREATE INDEX part_category ON part(category_id);
CREATE INDEX part_name ON part(name COLLATE NOCASE);

CREATE TABLE manufacturerpart (
  id              INTEGER PRIMARY KEY,
  part_id         INTEGER NOT NULL REFERENCES part(id) ON DELETE CASCADE,
  manufacturer_id INTEGER NOT NULL REFERENCES company(id) ON DELETE RESTRICT,
  mpn             TEXT NOT NULL,
  UNIQUE (manufacturer_id, mpn)
);
CREATE INDEX manufacturerpart_part ON manufacturerpart(part_id);
CREATE INDEX manufacturerpart_mpn ON manufacturerpart(mpn COLLATE NOCASE);

CREATE TABLE supplierpart (
  id                  INTEGER PRIMARY KEY,
  part_id             INTEGER NOT NULL REFERENCES part(id) ON DELETE CASCADE,
  supplier_id         INTEGER NOT NULL REFERENCES company(id) ON DELETE RESTRICT,
  manufacturer_part_id INTEGER REFERENCES manufacturerpart(id) ON DELETE SET NULL,
  sku                 TEXT NOT NULL,
  pack_quantity       REAL NOT NULL DEFAULT 1 CHECK (pack_quantity > 0),
  UNIQUE (supplier_id, sku)
);
CREATE INDEX supplierpart_part ON supplierpart(part_id);
CREATE INDEX supplierpart_sku ON supplierpart(sku COLLATE NOCASE);

CREATE TABLE purchaseorder (
  id                 INTEGER PRIMARY KEY,
  reference          TEXT NOT NULL UNIQUE,
  supplier_id        INTEGER NOT NULL REFERENCES company(id) ON DELETE RESTRICT,
  supplier_reference TEXT NOT NULL DEFAULT '',
  status             TEXT NOT NULL DEFAULT 'pending'
                     CHECK (status IN ('pending', 'placed', 'complete', 'cancelled')),
  destination_id     INTEGER REFERENCES stocklocation(id) ON DELETE SET NULL,
  created_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX purchaseorder_supplier_reference ON purchaseorder(supplier_reference);

CREATE TABLE purchaseorderline (
  id               INTEGER PRIMARY KEY,
  order_id         INTEGER NOT NULL REFERENCES purchaseorder(id) ON DELETE CASCADE,
  supplier_part_id INTEGER NOT NULL REFERENCES supplierpart(id) ON DELETE RESTRICT,
  quantity         REAL NOT NULL CHECK (quantity > 0),
  received         REAL NOT NULL DEFAULT 0 CHECK (received >= 0),
  destination_id   INTEGER REFERENCES stocklocation(id) ON DELETE SET NULL
);
CREATE INDEX purchaseorderline_order ON purchaseorderline(order_id);

CREATE TABLE stockitem (
  id                INTEGER PRIMARY KEY,
  part_id           INTEGER NOT NULL REFERENCES part(id) ON DELETE RESTRICT,
  location_id       INTEGER REFERENCES stocklocation(id) ON DELETE SET NULL,
  quantity          REAL NOT NULL CHECK (quantity >= 0),
  batch             TEXT NOT NULL DEFAULT '',
  serial            TEXT,
  expiry            TEXT,
  status            TEXT NOT NULL DEFAULT 'ok'
                    CHECK (status IN ('ok', 'attention', 'damaged', 'quarantined', 'lost')),
  supplier_part_id  INTEGER REFERENCES supplierpart(id) ON DELETE SET NULL,
  purchase_order_id INTEGER REFERENCES purchaseorder(id) ON DELETE SET NULL
);
CREATE INDEX stockitem_part ON stockitem(part_id);
CREATE INDEX stockitem_location ON stockitem(location_id);

CREATE TABLE operator (
  id     INTEGER PRIMARY KEY,
  name   TEXT NOT NULL UNIQUE,
  badge  TEXT UNIQUE,
  role   TEXT NOT NULL DEFAULT 'operator' CHECK (role IN ('operator', 'admin')),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

CREATE TABLE setting (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- One external barcode per item, and a barcode can never point at two things (the UNIQUE hash index).
CREATE TABLE barcodelink (
  id         INTEGER PRIMARY KEY,
  model_type TEXT NOT NULL,
  pk         INTEGER NOT NULL,
  data       TEXT NOT NULL,
  hash       TEXT NOT NULL,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  UNIQUE (model_type, pk)
);
CREATE UNIQUE INDEX barcodelink_hash ON barcodelink(hash);

-- Every scan, from every source, whatever its result. Written before the result is shown.
CREATE TABLE scan (
  id          INTEGER PRIMARY KEY,
  timestamp   TEXT NOT NULL,
  data        TEXT NOT NULL,
  data_hex    TEXT,
  source      TEXT NOT NULL,
  device      TEXT,
  operator_id INTEGER REFERENCES operator(id) ON DELETE SET NULL,
  plugin      TEXT,
  plugins_tried TEXT NOT NULL DEFAULT '',
  result      TEXT NOT NULL CHECK (result IN ('match', 'no_match', 'error')),
  model_type  TEXT,
  pk          INTEGER,
  response    TEXT NOT NULL,
  duration_us INTEGER NOT NULL
);
CREATE INDEX scan_timestamp ON scan(timestamp);

-- Every stock change: what, by how much, from where to where, by whom, and the scan that caused it.
CREATE TABLE stocktracking (
  id               INTEGER PRIMARY KEY,
  stockitem_id     INTEGER NOT NULL REFERENCES stockitem(id) ON DELETE CASCADE,
  timestamp        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  kind             TEXT NOT NULL,
  delta            REAL NOT NULL DEFAULT 0,
  from_location_id INTEGER REFERENCES stocklocation(id) ON DELETE SET NULL,
  to_location_id   INTEGER REFERENCES stocklocation(id) ON DELETE SET NULL,
  operator_id      INTEGER REFERENCES operator(id) ON DELETE SET NULL,
  scan_id          INTEGER REFERENCES scan(id) ON DELETE SET NULL,
  notes            TEXT NOT NULL DEFAULT ''
);
CREATE INDEX stocktracking_item ON stocktracking(stockitem_id);
`
