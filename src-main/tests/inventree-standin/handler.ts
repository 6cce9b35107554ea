/** What a stand-in endpoint is given and what it answers. */
import type { components } from '../../core/inventree/api-types.generated'
import type { GateRequest } from './schema-gate'
import type { StandinState, StandinUser } from './state'

export type Schemas = components['schemas']

export interface Reply {
  status: number
  body: unknown
  headers?: Record<string, string>
}

export interface HandlerContext {
  req: GateRequest
  /** Null only for the one operation anyone may call (the server information). */
  user: StandinUser | null
  /** The server's origin, for `next` / `previous` links. */
  base: string
  state: StandinState
}

export type Handler = (ctx: HandlerContext) => Reply

/** The `{id}` of a detail or action path (`/api/order/po/7/receive/`); the schema has checked it is an integer. */
export const pathId = (req: GateRequest): number => Number(/\/(\d+)\//.exec(req.path)?.[1])

/** A request body the SchemaGate has validated against the operation's schema. */
export const bodyOf = <T>(req: GateRequest): T => req.body as T
