/**
 * A stateful stand-in for the InvenTree endpoints a desk uses, on node:http, for tests and for a person to try the
 * desk without an InvenTree server. Behaviour follows InvenTree's: token or basic authentication (DRF's messages),
 * role permissions per endpoint (permissions.ts), `limit`/`offset` pagination, a new token replacing one of the
 * same name, and the desk's writes with InvenTree's checks and messages (receive.ts, stock-actions.ts,
 * barcodes.ts, supplier-parts.ts). Every exchange passes the SchemaGate; every write applied is recorded in
 * `state.applied`. Faults can be switched on between requests: slow answers, 500s, a connection dropped after the
 * request was applied (the case where only checking the server can tell whether a push landed), for every request
 * or for writes only, and revoked tokens.
 */
import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { link, scan, unlink } from './barcodes'
import { notFound, PERMISSION_DENIED, Refusal } from './drf'
import { pathId, type Handler, type Reply } from './handler'
import { allowed, REQUIRED } from './permissions'
import { receive } from './receive'
import { startedGates } from './gate-registry'
import { SchemaGate, type GateRequest } from './schema-gate'
import { StandinState, type Permission, type RulesetName, type StandinData, type StandinUser } from './state'
import { stockAdd, stockCount, stockMerge, stockRemove, stockTransfer } from './stock-actions'
import { createSupplierPart } from './supplier-parts'

export interface Faults {
  /** Milliseconds to wait before answering each request. */
  delayMs: number
  /** The next N requests are answered 500 without being applied. */
  failNext: number
  /** The next N requests are applied, then their connection is cut before any answer. */
  dropNext: number
  /** The next N write requests (see WRITES) are answered 500 without being applied; reads are not counted. */
  failNextWrite: number
  /**
   * The next N write requests are handled (applied, when InvenTree would accept them), then their connection is
   * cut before any answer; reads are not counted.
   */
  dropNextWrite: number
}

/** The operations that change the server's inventory: the desk's pushes. */
export const WRITES = new Set([
  'order_po_receive_create',
  'stock_transfer_create',
  'stock_count_create',
  'stock_add_create',
  'stock_remove_create',
  'stock_merge_create',
  'barcode_link_create',
  'barcode_unlink_create',
  'company_part_create',
])

export interface Standin {
  url: string
  state: StandinState
  gate: SchemaGate
  faults: Faults
  /** A fresh token for a user, as if issued by InvenTree's admin page. */
  issueToken(username: string, name?: string): string
  close(): Promise<void>
}

const RULESETS: RulesetName[] = [
  'admin',
  'part_category',
  'part',
  'stock_location',
  'stock',
  'build',
  'purchase_order',
  'sales_order',
  'return_order',
  'transfer_order',
]
const ALL: Permission[] = ['view', 'add', 'change', 'delete']
/** InvenTree's open purchase order states (PurchaseOrderStatusGroups.OPEN): pending, placed, on hold. */
const OPEN_PO = [10, 20, 25]

const unauthorized = (detail: string): Reply => ({
  status: 401,
  body: { detail },
  headers: { 'www-authenticate': 'Token' },
})

function rolesOf(user: StandinUser): Record<string, Permission[] | null> {
  return Object.fromEntries(
    RULESETS.map((r) => [r, user.is_superuser ? ALL : user.roles[r]?.length ? user.roles[r]! : null]),
  )
}

function queryValue(req: GateRequest, key: string): string | undefined {
  const v = req.query[key]
  return Array.isArray(v) ? v[0] : v
}

/** InvenTree's list answer: `{count, next, previous, results}` for one `limit`/`offset` page, ordered by pk. */
function page<T>(req: GateRequest, base: string, rows: readonly T[], out: (row: T) => unknown): Reply {
  const limit = Math.max(0, Number(queryValue(req, 'limit')))
  const offset = Math.max(0, Number(queryValue(req, 'offset') ?? 0))
  const link = (o: number): string => {
    const q = new URLSearchParams(req.query as Record<string, string>)
    q.set('limit', String(limit))
    q.set('offset', String(o))
    return `${base}${req.path}?${q}`
  }
  return {
    status: 200,
    body: {
      count: rows.length,
      next: offset + limit < rows.length ? link(offset + limit) : null,
      previous: offset > 0 ? link(Math.max(0, offset - limit)) : null,
      results: rows.slice(offset, offset + limit).map(out),
    },
  }
}

/** Rows (ordered by pk) whose fields equal the query filters given (django-filter's exact match). */
function filtered<T extends object>(
  req: GateRequest,
  rows: readonly T[],
  filters: Record<string, keyof T>,
): readonly T[] {
  let out = rows
  for (const [param, field] of Object.entries(filters)) {
    const v = queryValue(req, param)
    if (v !== undefined) out = out.filter((r) => String(r[field] ?? 'null') === v)
  }
  return out
}

/**
 * InvenTree's `updated_after` (a DateFilter on `updated`, `gte`): rows changed on or after that day. The server's
 * time zone is taken as UTC here.
 */
function updatedAfter<T extends { updated?: string }>(req: GateRequest, rows: readonly T[]): readonly T[] {
  const after = queryValue(req, 'updated_after')
  if (after === undefined) return rows
  const from = Date.parse(`${after}T00:00:00Z`)
  return rows.filter((r) => r.updated !== undefined && Date.parse(r.updated) >= from)
}

function handlers(state: StandinState): Record<string, Handler> {
  const d = state.data
  const detail =
    <T extends { pk: number }>(
      table: { get(pk: number): T | undefined },
      model: string,
      out: (pk: number) => unknown,
    ) =>
    ({ req }: { req: GateRequest }): Reply => {
      const row = table.get(pathId(req))
      if (!row) throw notFound(model)
      return { status: 200, body: out(row.pk) }
    }
  return {
    root_retrieve: () => ({
      status: 200,
      body: {
        server: 'InvenTree',
        id: null,
        version: d.server?.version ?? '1.1.0',
        instance: d.server?.instance ?? 'InvenTree stand-in',
        apiVersion: d.server?.apiVersion ?? 534,
        worker_running: true,
        worker_count: 1,
        worker_pending_tasks: 0,
        plugins_enabled: true,
        plugins_install_disabled: true,
        active_plugins: [],
        email_configured: false,
        debug_mode: false,
        docker_mode: false,
        default_locale: 'en',
        customize: { logo: '', splash: '', login_message: null, navbar_message: null },
        system_health: true,
        database: 'postgresql',
        platform: '',
        installer: '',
        target: null,
        django_admin: '/admin/',
        settings: { sso_registration: false, registration_enabled: false, password_forgotten_enabled: false },
      },
    }),
    user_me_retrieve: ({ user }) => ({
      status: 200,
      body: {
        pk: user!.pk,
        username: user!.username,
        first_name: user!.first_name ?? '',
        last_name: user!.last_name ?? '',
        email: user!.email ?? '',
        groups: [],
        is_staff: user!.is_staff ?? false,
        is_superuser: user!.is_superuser ?? false,
        is_active: true,
        profile: { active: true, type: 'internal', displayname: null },
        roles: rolesOf(user!),
      },
    }),
    user_me_roles_retrieve: ({ user }) => ({
      status: 200,
      body: {
        user: user!.pk,
        username: user!.username,
        roles: rolesOf(user!),
        permissions: {},
        is_staff: user!.is_staff ?? false,
        is_superuser: user!.is_superuser ?? false,
      },
    }),
    // InvenTree replaces a user's token of the same name, and never shows an existing token again.
    user_me_token_retrieve: ({ req, user }) => {
      const name = queryValue(req, 'name') ?? 'inventree-token'
      for (const [key, t] of state.tokens) if (t.user === user!.pk && t.name === name) state.tokens.delete(key)
      const token = `inv-${randomBytes(20).toString('hex')}`
      state.tokens.set(token, { token, user: user!.pk, name, revoked: false })
      const expiry = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10)
      return { status: 200, body: { token, name, expiry } }
    },
    part_list: ({ req, base }) =>
      page(req, base, filtered(req, state.parts.all(), { category: 'category' }), (r) => state.partOut(r.pk)),
    part_category_list: ({ req, base }) =>
      page(req, base, filtered(req, state.categories.all(), { parent: 'parent' }), (r) => state.categoryOut(r.pk)),
    stock_location_list: ({ req, base }) =>
      page(req, base, filtered(req, state.locations.all(), { parent: 'parent' }), (r) => state.locationOut(r.pk)),
    company_list: ({ req, base }) => page(req, base, state.companies.all(), (r) => state.companyOut(r.pk)),
    company_part_list: ({ req, base }) =>
      page(
        req,
        base,
        filtered(req, state.supplierParts.all(), { supplier: 'supplier', part: 'part', SKU: 'SKU' }),
        (r) => state.supplierPartOut(r.pk),
      ),
    company_part_create: createSupplierPart,
    company_part_manufacturer_list: ({ req, base }) =>
      page(
        req,
        base,
        filtered(req, state.manufacturerParts.all(), { manufacturer: 'manufacturer', part: 'part' }),
        (r) => state.manufacturerPartOut(r.pk),
      ),
    stock_list: ({ req, base }) =>
      page(
        req,
        base,
        updatedAfter(req, filtered(req, state.stock.all(), { part: 'part', location: 'location' })),
        (r) => state.stockOut(r.pk),
      ),
    stock_retrieve: detail(state.stock, 'StockItem', (pk) => state.stockOut(pk)),
    order_po_list: ({ req, base }) => {
      let rows = updatedAfter(
        req,
        filtered(req, state.purchaseOrders.all(), { supplier: 'supplier', status: 'status' }),
      )
      const outstanding = queryValue(req, 'outstanding')
      if (outstanding !== undefined)
        rows = rows.filter((o) => OPEN_PO.includes(o.status) === ['true', '1'].includes(outstanding.toLowerCase()))
      return page(req, base, rows, (r) => state.purchaseOrderOut(r.pk))
    },
    order_po_retrieve: detail(state.purchaseOrders, 'PurchaseOrder', (pk) => state.purchaseOrderOut(pk)),
    order_po_line_list: ({ req, base }) =>
      page(req, base, filtered(req, state.poLines.all(), { order: 'order', part: 'part' }), (r) =>
        state.poLineOut(r.pk),
      ),
    order_po_line_retrieve: detail(state.poLines, 'PurchaseOrderLineItem', (pk) => state.poLineOut(pk)),
    order_po_receive_create: receive,
    stock_transfer_create: stockTransfer,
    stock_count_create: stockCount,
    stock_add_create: stockAdd,
    stock_remove_create: stockRemove,
    stock_merge_create: stockMerge,
    barcode_create: scan,
    barcode_link_create: link,
    barcode_unlink_create: unlink,
  }
}

/** Runs a handler after InvenTree's permission check, turning a refusal into its answer. */
function answer(operationId: string, handler: Handler, ctx: Parameters<Handler>[0]): Reply {
  const required = REQUIRED[operationId]
  if (required && ctx.user && !allowed(ctx.user, ...required))
    return { status: 403, body: { detail: PERMISSION_DENIED } }
  try {
    return handler(ctx)
  } catch (err) {
    if (err instanceof Refusal) return { status: err.status, body: err.body }
    throw err
  }
}

/** DRF's authentication: `Token <key>` or HTTP basic; null when no credentials were sent. */
function authenticate(state: StandinState, header: string | undefined): StandinUser | null | Reply {
  if (!header) return null
  const [scheme, value = ''] = header.split(' ', 2)
  if (scheme === 'Token') {
    const token = state.tokens.get(value.trim())
    if (!token) return unauthorized('Invalid token.')
    if (token.revoked) return unauthorized('Token has been revoked')
    return state.user(token.user) ?? unauthorized('User inactive or deleted.')
  }
  if (scheme === 'Basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8')
    const colon = decoded.indexOf(':')
    const user = state.userNamed(decoded.slice(0, colon))
    if (!user || user.password !== decoded.slice(colon + 1)) return unauthorized('Invalid username/password.')
    return user
  }
  return unauthorized('Invalid token header. No credentials provided.')
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  if (!chunks.length) return undefined
  const text = Buffer.concat(chunks).toString('utf8')
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

export async function startStandin(options: {
  data: StandinData | StandinState
  schemaPath: string
  port?: number
  host?: string
  gate?: SchemaGate
}): Promise<Standin> {
  const state = options.data instanceof StandinState ? options.data : new StandinState(options.data)
  const gate = options.gate ?? (await SchemaGate.load(options.schemaPath))
  // A test that brings its own gate checks it itself: the gate's own tests send rejected requests on purpose.
  if (!options.gate) startedGates.add(gate)
  const faults: Faults = { delayMs: 0, failNext: 0, dropNext: 0, failNextWrite: 0, dropNextWrite: 0 }
  const routes = handlers(state)
  const host = options.host ?? '127.0.0.1'

  const send = (res: ServerResponse, reply: Reply): void => {
    res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers })
    res.end(JSON.stringify(reply.body))
  }

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', `http://${req.headers.host ?? host}`)
      const query: Record<string, string | string[]> = {}
      for (const key of new Set(url.searchParams.keys())) {
        const all = url.searchParams.getAll(key)
        query[key] = all.length > 1 ? all : all[0]!
      }
      const gateReq: GateRequest = {
        method: (req.method ?? 'GET').toLowerCase(),
        path: url.pathname,
        query,
        headers: Object.fromEntries(Object.entries(req.headers).filter(([, v]) => v !== undefined)) as Record<
          string,
          string | string[]
        >,
        body: await readBody(req),
      }
      if (faults.delayMs) await new Promise((r) => setTimeout(r, faults.delayMs))
      if (faults.failNext > 0) {
        faults.failNext--
        return send(res, { status: 500, body: { detail: 'Internal server error (stand-in fault)' } })
      }
      const match = gate.checkRequest(gateReq)
      if (!match.ok)
        return send(res, { status: 400, body: { detail: 'Request rejected by the schema', errors: match.errors } })
      const operationId = match.operation.operationId ?? ''
      const write = WRITES.has(operationId)
      if (write && faults.failNextWrite > 0) {
        faults.failNextWrite--
        return send(res, { status: 500, body: { detail: 'Internal server error (stand-in fault)' } })
      }
      const auth = authenticate(state, req.headers.authorization)
      if (auth && 'status' in auth) return send(res, auth)
      // InvenTree serves its server information to anyone; everything else needs a user.
      if (!auth && operationId !== 'root_retrieve')
        return send(res, unauthorized('Authentication credentials were not provided.'))
      const handler = routes[operationId]
      if (!handler) return send(res, { status: 405, body: { detail: `${operationId} is not served by the stand-in` } })
      state.beginRequest()
      const reply = answer(operationId, handler, { req: gateReq, user: auth, base: url.origin, state })
      const ok = reply.status >= 200 && reply.status < 300
      if (write && ok)
        state.applied.push({
          operationId,
          method: gateReq.method.toUpperCase(),
          path: gateReq.path,
          at: new Date().toISOString(),
          user: auth!.username,
          body: gateReq.body,
          status: reply.status,
          response: reply.body,
        })
      if (ok) gate.checkResponse(gateReq, match.operation, reply.status, reply.body)
      const drop = faults.dropNext > 0 || (write && faults.dropNextWrite > 0)
      if (drop) {
        if (faults.dropNext > 0) faults.dropNext--
        else faults.dropNextWrite--
        req.socket.destroy()
        return
      }
      send(res, reply)
    })().catch((err: unknown) => {
      send(res, {
        status: 500,
        body: { detail: `stand-in error: ${err instanceof Error ? err.message : String(err)}` },
      })
    })
  })
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, host, resolve))
  const { port } = server.address() as AddressInfo

  return {
    url: `http://${host}:${port}`,
    state,
    gate,
    faults,
    issueToken(username, name = 'stand-in') {
      const user = state.userNamed(username)
      if (!user) throw new Error(`no user ${username}`)
      const token = `inv-${randomBytes(20).toString('hex')}`
      state.tokens.set(token, { token, user: user.pk, name, revoked: false })
      return token
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
