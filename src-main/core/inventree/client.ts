/**
 * The typed InvenTree client: openapi-fetch over the types generated from InvenTree's schema, so every path,
 * query and body is checked by the compiler against the real API. This module adds what every call needs: the
 * credentials header, a timeout, and one error type for failures (see errors.ts).
 */
import createClient, { type Client } from 'openapi-fetch'
import type { paths } from './api-types.generated'
import { describeFieldErrors, fieldErrorsOf, InventreeError } from './errors'

export type InventreeClient = Client<paths>

export type Credentials = { token: string } | { user: string; password: string } | null

export interface ClientOptions {
  url: string
  credentials: Credentials
  /** Per request; a desk on a slow link still gets an answer within this or a clear timeout. */
  timeoutMs?: number
  fetch?: typeof globalThis.fetch
}

export const DEFAULT_TIMEOUT_MS = 15_000

function authorization(credentials: Credentials): string | null {
  if (!credentials) return null
  if ('token' in credentials) return `Token ${credentials.token}`
  return `Basic ${Buffer.from(`${credentials.user}:${credentials.password}`, 'utf8').toString('base64')}`
}

/** The server's base address, without a trailing slash or the `/api` the schema's paths already start with. */
export function serverBase(url: string): string {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new InventreeError(
      'unreachable',
      `"${url}" is not a server address (expected e.g. https://inventree.example.com)`,
    )
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new InventreeError('unreachable', `"${url}" is not an http(s) address`)
  return `${parsed.origin}${parsed.pathname.replace(/\/+$/, '').replace(/\/api$/, '')}`
}

export function createInventreeClient(options: ClientOptions): InventreeClient {
  const base = serverBase(options.url)
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const doFetch = options.fetch ?? globalThis.fetch
  const auth = authorization(options.credentials)
  const client = createClient<paths>({
    baseUrl: base,
    fetch: async (request: Request) => {
      const headers = new Headers(request.headers)
      if (auth) headers.set('Authorization', auth)
      headers.set('Accept', 'application/json')
      try {
        return await doFetch(
          new Request(request, {
            headers,
            signal: AbortSignal.timeout(timeoutMs),
            // Node's fetch needs this to re-wrap a request whose body is a stream.
            duplex: 'half',
          } as RequestInit),
        )
      } catch (err) {
        if (err instanceof DOMException && err.name === 'TimeoutError')
          throw new InventreeError('timeout', `${base} did not answer within ${timeoutMs / 1000} s`)
        const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : ''
        throw new InventreeError('unreachable', `Cannot reach the InvenTree server at ${base}${cause}`)
      }
    },
  })
  return client
}

/**
 * The data of an openapi-fetch result, or the InventreeError its response stands for. `what` names the call in
 * the message ("reading the user's roles"), so a failure says what the desk was doing.
 */
export function expectData<T>(
  result: { data?: T; error?: unknown; response: Response },
  what: string,
  usingPassword = false,
): T {
  const { response } = result
  if (response.ok && result.data !== undefined) return result.data
  const status = response.status
  const errors = fieldErrorsOf(result.error)
  const reason = describeFieldErrors(errors)
  const said = reason ? ` (the server said: ${reason})` : ''
  if (status === 401)
    throw new InventreeError(
      'unauthorized',
      usingPassword
        ? `Wrong user or password while ${what}${said}`
        : `The server refused the token while ${what}: it was revoked or has expired; connect again${said}`,
      status,
      errors,
    )
  if (status === 403)
    throw new InventreeError('forbidden', `The user's roles do not allow ${what}${said}`, status, errors)
  if (status >= 500)
    throw new InventreeError('server', `The server failed (${status}) while ${what}${said}`, status, errors)
  if (status >= 400)
    throw new InventreeError('rejected', `The server refused ${what} (${status})${said}`, status, errors)
  throw new InventreeError('unsupported', `Unexpected answer ${status} while ${what}`, status, errors)
}

type IfEquals<X, Y, A, B> = (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? A : B
/** The keys the schema marks read-only (generated as `readonly`). */
type ReadonlyKeys<T> = {
  [K in keyof T]-?: IfEquals<{ [Q in K]: T[K] }, { -readonly [Q in K]: T[K] }, never, K>
}[keyof T]

/**
 * A request body of a schema whose read-only fields are required in answers (`pk`, `barcode_hash`): the
 * generated type asks for them in requests too, but DRF ignores read-only fields on input, so they are left out.
 */
export function writable<T>(body: Omit<T, ReadonlyKeys<T>>): T {
  return body as T
}
