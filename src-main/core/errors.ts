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

export type StationError = NotFoundError | ConflictError | ForbiddenError

export const isStationError = (err: unknown): err is StationError =>
  err instanceof NotFoundError || err instanceof ConflictError || err instanceof ForbiddenError
