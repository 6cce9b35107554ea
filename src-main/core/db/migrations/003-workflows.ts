/**
 * Receiving-desk workflows: scan sessions (the scan page, receipts against purchase orders) that survive a
 * restart, and stock actions recorded with each affected item's state before and after, so any action can be
 * undone exactly — or refused when the item has changed since.
 */
export const workflows = `
CREATE TABLE scansession (
  id                INTEGER PRIMARY KEY,
  kind              TEXT NOT NULL CHECK (kind IN ('scan', 'receive')),
  status            TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'committed', 'dropped')),
  purchase_order_id INTEGER REFERENCES purchaseorder(id) ON DELETE SET NULL,
  location_id       INTEGER REFERENCES stocklocation(id) ON DELETE SET NULL,
  operator_id       INTEGER REFERENCES operator(id) ON DELETE SET NULL,
  created_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  closed_at         TEXT
);
-- One open session of each kind: after a restart the desk carries on where it stopped.
CREATE UNIQUE INDEX scansession_open ON scansession(kind) WHERE status = 'open';

CREATE TABLE scansessionrow (
  id          INTEGER PRIMARY KEY,
  session_id  INTEGER NOT NULL REFERENCES scansession(id) ON DELETE CASCADE,
  scan_id     INTEGER REFERENCES scan(id) ON DELETE SET NULL,
  data        TEXT NOT NULL,
  hash        TEXT NOT NULL,
  model_type  TEXT,
  pk          INTEGER,
  line_id     INTEGER REFERENCES purchaseorderline(id) ON DELETE SET NULL,
  quantity    REAL,
  lot         TEXT NOT NULL DEFAULT '',
  date_code   TEXT NOT NULL DEFAULT '',
  expiry      TEXT,
  location_id INTEGER REFERENCES stocklocation(id) ON DELETE SET NULL,
  flag        TEXT NOT NULL DEFAULT 'ok' CHECK (flag IN ('ok', 'duplicate', 'unknown', 'over', 'not_on_order')),
  note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX scansessionrow_session ON scansessionrow(session_id);

CREATE TABLE stockaction (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL,
  operator_id INTEGER REFERENCES operator(id) ON DELETE SET NULL,
  session_id  INTEGER REFERENCES scansession(id) ON DELETE SET NULL,
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  undone_at   TEXT,
  undoable    INTEGER NOT NULL DEFAULT 1,
  summary     TEXT NOT NULL DEFAULT ''
);

CREATE TABLE stockactionitem (
  action_id    INTEGER NOT NULL REFERENCES stockaction(id) ON DELETE CASCADE,
  stockitem_id INTEGER NOT NULL,
  before       TEXT,
  after        TEXT,
  PRIMARY KEY (action_id, stockitem_id)
);

ALTER TABLE stocktracking ADD COLUMN action_id INTEGER REFERENCES stockaction(id) ON DELETE SET NULL;
`
