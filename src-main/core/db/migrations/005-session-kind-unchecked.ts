/**
 * Session kinds are no longer fixed by the schema: each is a workflow in code, checked against the workflow
 * registry, so a new workflow needs no table rebuild. SQLite cannot drop a CHECK constraint in place, so the
 * table is rebuilt once (foreign keys off while the old table is dropped, so its rows and actions keep their
 * session; the runner checks every reference before it commits) with the same columns, data and indexes.
 */
export const sessionKindUnchecked = `
CREATE TABLE scansession_rebuilt (
  id                INTEGER PRIMARY KEY,
  kind              TEXT NOT NULL,
  status            TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'committed', 'dropped')),
  purchase_order_id INTEGER REFERENCES purchaseorder(id) ON DELETE SET NULL,
  location_id       INTEGER REFERENCES stocklocation(id) ON DELETE SET NULL,
  operator_id       INTEGER REFERENCES operator(id) ON DELETE SET NULL,
  created_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  closed_at         TEXT
);
INSERT INTO scansession_rebuilt (id, kind, status, purchase_order_id, location_id, operator_id, created_at, closed_at)
  SELECT id, kind, status, purchase_order_id, location_id, operator_id, created_at, closed_at FROM scansession;
DROP TABLE scansession;
ALTER TABLE scansession_rebuilt RENAME TO scansession;
-- One open session of each kind: after a restart the desk carries on where it stopped.
CREATE UNIQUE INDEX scansession_open ON scansession(kind) WHERE status = 'open';
`
