/** Thrown when a caller asks for an item that does not exist; the transports map it to `not_found`. */
export class NotFoundError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'NotFoundError'
  }
}
