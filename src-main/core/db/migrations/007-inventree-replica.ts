/**
 * The replica of an InvenTree server: one row per pulled model with when it was last pulled (null until a pull of it
 * completes), so a later pull asks
 * only for what changed since, and when it was last listed in full. A database with rows here is a replica: the
 * demo inventory is never seeded into it, and a pull never mixes the server's rows into a local inventory.
 */
export const inventreeReplica = `
CREATE TABLE inventree_pull (
  model          TEXT PRIMARY KEY,
  last_pull      TEXT,
  last_full_pull TEXT,
  rows           INTEGER NOT NULL DEFAULT 0
);
`
