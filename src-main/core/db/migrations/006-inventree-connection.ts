/**
 * The desk's connection to its InvenTree server: one row, what the server and user were when the desk last
 * connected. The token is deliberately not here (see core/inventree/token-store.ts).
 */
export const inventreeConnection = `
CREATE TABLE inventree_connection (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  url TEXT NOT NULL,
  server TEXT NOT NULL,
  server_version TEXT NOT NULL,
  instance TEXT NOT NULL,
  api_version INTEGER NOT NULL,
  user_pk INTEGER NOT NULL,
  username TEXT NOT NULL,
  is_superuser INTEGER NOT NULL,
  roles TEXT NOT NULL,
  allowed_actions TEXT NOT NULL,
  connected_at TEXT NOT NULL
);
`
