/**
 * A station that keeps its own inventory: an `editor` role beside the admin (people who maintain parts and orders
 * without changing the station's settings), an `archived` flag on everything that stock or history may still point
 * to (so it leaves the lists instead of being deleted), and the log of every edit with the operator who made it.
 *
 * The operator table is rebuilt to widen its role CHECK (SQLite cannot alter a constraint in place); the runner
 * switches foreign keys off around it and checks every reference before it commits.
 */
export const ownInventory = `
CREATE TABLE operator_rebuilt (
  id       INTEGER PRIMARY KEY,
  name     TEXT NOT NULL UNIQUE,
  badge    TEXT UNIQUE,
  role     TEXT NOT NULL DEFAULT 'operator' CHECK (role IN ('operator', 'editor', 'admin')),
  active   INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  pin_hash TEXT
);
INSERT INTO operator_rebuilt (id, name, badge, role, active, pin_hash)
  SELECT id, name, badge, role, active, pin_hash FROM operator;
DROP TABLE operator;
ALTER TABLE operator_rebuilt RENAME TO operator;

ALTER TABLE part ADD COLUMN archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1));
ALTER TABLE partcategory ADD COLUMN archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1));
ALTER TABLE stocklocation ADD COLUMN archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1));
ALTER TABLE company ADD COLUMN archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1));
ALTER TABLE supplierpart ADD COLUMN archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1));
ALTER TABLE manufacturerpart ADD COLUMN archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1));

-- Every create, change, archive and import, with who did it; the operator's name is kept as it was then.
CREATE TABLE editlog (
  id            INTEGER PRIMARY KEY,
  timestamp     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  operator_id   INTEGER REFERENCES operator(id) ON DELETE SET NULL,
  operator_name TEXT,
  model_type    TEXT NOT NULL,
  pk            INTEGER,
  action        TEXT NOT NULL,
  changes       TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX editlog_item ON editlog(model_type, pk);
`
