/** How every reply crosses the IPC line: a value, or a typed error that never carries a stack trace. */

export type ErrorCode =
  | 'invalid_argument'
  | 'not_found'
  | 'conflict'
  | 'unknown_method'
  | 'forbidden'
  /** The InvenTree server refused, failed or could not be reached; the message says why. */
  | 'remote'
  /** A long job the caller cancelled (cancelJob): it stopped and returned nothing. */
  | 'cancelled'
  /**
   * The station cannot use its database file (damaged, from a newer station, unreadable): only the station's
   * health, its backups and a restore are answered. The message says why and names the newest good backup.
   */
  | 'unavailable'
  /** A write to the database failed for a reason outside the station (disk full, read-only): the message says which. */
  | 'storage'
  | 'internal'

export interface ContractError {
  code: ErrorCode
  /** For a person: what went wrong, naming the field when one was refused. */
  message: string
  /** For code: the refused field of an invalid argument, e.g. `['items', 0, 'pk']` (absent when the whole argument was). */
  path?: (string | number)[]
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: ContractError }
