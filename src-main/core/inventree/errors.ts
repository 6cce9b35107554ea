/**
 * What can go wrong talking to an InvenTree server, told so a person at the desk knows what to do next. Messages
 * never carry the token or the password.
 */
export type InventreeErrorKind =
  | 'unreachable' // no answer: the server is down, the address is wrong, or the network is gone
  | 'timeout' // the server did not answer in time
  | 'unauthorized' // 401: wrong user or password, or a token that was revoked or has expired
  | 'forbidden' // 403: the user's roles do not allow this
  | 'rejected' // another 4xx: the server refused the request, with its reasons per field
  | 'server' // 5xx: the server failed
  | 'unsupported' // the server answered, but is not one this desk can work with

export class InventreeError extends Error {
  constructor(
    readonly kind: InventreeErrorKind,
    message: string,
    readonly status?: number,
    /** The server's reasons, keyed by field (DRF's validation errors; `detail` or `non_field_errors` for the whole). */
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(message)
    this.name = 'InventreeError'
  }
}

/** DRF error bodies: `{"detail": "..."}`, `{"field": ["...", ...]}`, or nested lists for `items`. */
export function fieldErrorsOf(body: unknown): Record<string, string[]> {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    return typeof body === 'string' ? { detail: [body] } : {}
  const out: Record<string, string[]> = {}
  const flatten = (value: unknown): string[] =>
    typeof value === 'string'
      ? [value]
      : Array.isArray(value)
        ? value.flatMap(flatten)
        : value && typeof value === 'object'
          ? Object.entries(value).flatMap(([k, v]) => flatten(v).map((m) => `${k}: ${m}`))
          : value === undefined || value === null
            ? []
            : [String(value)]
  for (const [key, value] of Object.entries(body)) out[key] = flatten(value)
  return out
}

export function describeFieldErrors(errors: Record<string, string[]>): string {
  return Object.entries(errors)
    .map(([field, messages]) =>
      field === 'detail' || field === 'non_field_errors' ? messages.join(' ') : `${field}: ${messages.join(' ')}`,
    )
    .join('; ')
}
