/**
 * The phone link: the desk's choice (on or off, the address and port it listens on), the phones paired with it,
 * and the phone-made ids of the scans each phone sent, so a scan resent after a dropped connection is
 * recognised and answered with its first outcome instead of being logged twice.
 *
 * Only a hash of each phone's token is kept: a copy of the database does not let anyone act as a phone.
 */
export const phoneLink = `
CREATE TABLE phone_link (
  id       INTEGER PRIMARY KEY CHECK (id = 1),
  enabled  INTEGER NOT NULL DEFAULT 0 CHECK (enabled IN (0, 1)),
  address  TEXT NOT NULL DEFAULT '',
  port     INTEGER NOT NULL DEFAULT 5824 CHECK (port BETWEEN 0 AND 65535)
);
INSERT INTO phone_link (id) VALUES (1);

CREATE TABLE phone (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  token_hash  TEXT NOT NULL UNIQUE,
  paired_at   TEXT NOT NULL,
  last_seen   TEXT,
  revoked_at  TEXT
);

CREATE TABLE phone_scan (
  phone_id  INTEGER NOT NULL REFERENCES phone (id) ON DELETE CASCADE,
  scan_id   TEXT NOT NULL,
  data      TEXT NOT NULL,
  outcome   TEXT NOT NULL,
  message   TEXT NOT NULL,
  at        TEXT NOT NULL,
  PRIMARY KEY (phone_id, scan_id)
);
`
