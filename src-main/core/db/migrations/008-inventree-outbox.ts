/**
 * What the desk did on a replica, waiting to reach its InvenTree server: one row per desk action, written in the
 * same transaction as the action's local effect, pushed in id order. `attempted_at` is committed before a row is
 * first sent, so after a crash or a cut connection the worker knows the server may have applied it and checks
 * the server before sending it again.
 *
 * Rows the desk creates on a replica (a stock item received offline, a supplier part made from a label) take
 * negative pks, which no server pk can collide with; once the server created them, `inventree_pk_map` remembers
 * which server pk each became, so a label printed with the negative pk still scans to the item.
 *
 * `push_owner`/`push_pid`/`push_until` is the lease of the one pusher (the app and a CLI sync may share a file): two
 * pushers would both send a row before either settled it.
 */
export const inventreeOutbox = `
CREATE TABLE inventree_outbox (
  id           INTEGER PRIMARY KEY,
  kind         TEXT NOT NULL,
  payload      TEXT NOT NULL,
  summary      TEXT NOT NULL,
  touches      TEXT NOT NULL DEFAULT '[]',
  state        TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'parked', 'done', 'discarded')),
  attempts     INTEGER NOT NULL DEFAULT 0,
  attempted_at TEXT,
  reason       TEXT,
  refreshed    INTEGER NOT NULL DEFAULT 1,
  operator_id  INTEGER REFERENCES operator(id) ON DELETE SET NULL,
  created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  settled_at   TEXT
);
CREATE INDEX inventree_outbox_pending ON inventree_outbox(state, id);

CREATE TABLE inventree_pk_map (
  model_type TEXT NOT NULL,
  local_pk   INTEGER NOT NULL CHECK (local_pk < 0),
  server_pk  INTEGER NOT NULL CHECK (server_pk > 0),
  PRIMARY KEY (model_type, local_pk)
);

CREATE TABLE inventree_sync (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  last_sync   TEXT,
  last_error  TEXT,
  last_result TEXT,
  push_owner  TEXT,
  push_pid    INTEGER,
  push_until  TEXT
);
`
