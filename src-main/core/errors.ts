/** Errors the Station throws on purpose; the transports map each to its contract error code. */
export class NotFoundError extends Error {
  readonly code = 'not_found'
}

/** The request contradicts what is stored: a barcode already linked, an item that already has one. */
export class ConflictError extends Error {
  readonly code = 'conflict'
}

/** The signed-in operator may not do this (admin-only screens and actions). */
export class ForbiddenError extends Error {
  readonly code = 'forbidden'
}

/**
 * The InvenTree server refused the desk, failed or could not be reached: the message says which, and what to do,
 * in the server connection's own words (a wrong password, a revoked token, a server too old).
 */
export class RemoteError extends Error {
  readonly code = 'remote'
}

/** The caller cancelled this long job: it stopped, and returns nothing. */
export class CancelledError extends Error {
  readonly code = 'cancelled'
}

/** The station cannot use its database file; the message says why and names the newest good backup. */
export class UnavailableError extends Error {
  readonly code = 'unavailable'
}

/** A write failed for a reason outside the station (a full disk, a read-only file): the message names it. */
export class StorageError extends Error {
  readonly code = 'storage'
}

export type StationError =
  NotFoundError | ConflictError | ForbiddenError | RemoteError | CancelledError | UnavailableError | StorageError

export const isStationError = (err: unknown): err is StationError =>
  err instanceof NotFoundError ||
  err instanceof ConflictError ||
  err instanceof ForbiddenError ||
  err instanceof RemoteError ||
  err instanceof CancelledError ||
  err instanceof UnavailableError ||
  err instanceof StorageError
