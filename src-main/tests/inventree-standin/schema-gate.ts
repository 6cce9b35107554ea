/**
 * The stand-in's contract check: every request it receives and every response it sends is validated against
 * InvenTree's published OpenAPI schema, and each rejection is counted, so a test suite can prove that nothing the
 * desk sends or expects is outside what a real InvenTree server accepts. Requests and responses are checked by two
 * copies of the schema, because OpenAPI's `required` means "in responses only" for a read-only property and "in
 * requests only" for a write-only one (a new supplier part is posted without its `pk`). Where InvenTree's code
 * answers other than its schema says, the answer it really sends is added to the schema (schema-errata.ts).
 */
import addFormats from 'ajv-formats'
import { load } from 'js-yaml'
import { readFileSync } from 'node:fs'
import { OpenAPIBackend, type Operation } from 'openapi-backend'
import { applyErrata } from './schema-errata'

export interface Rejection {
  kind: 'request' | 'response'
  method: string
  path: string
  status?: number
  errors: string[]
}

export interface GateRequest {
  method: string
  path: string
  query: Record<string, string | string[]>
  headers: Record<string, string | string[]>
  body?: unknown
}

export type GateMatch = { ok: true; operation: Operation } | { ok: false; errors: string[] }

/**
 * drf-spectacular writes `{allOf: [...], nullable: true}` with no `type` beside `nullable`; OpenAPI 3.0 means "this
 * or null" by it, and Ajv refuses `nullable` without `type`. Rewrite those as `anyOf: [that, {type: null}]`.
 */
function nullableWithoutType(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(nullableWithoutType)
  if (!node || typeof node !== 'object') return
  const schema = node as Record<string, unknown>
  for (const value of Object.values(schema)) nullableWithoutType(value)
  if (schema.nullable === true && schema.type === undefined) {
    const rest = Object.fromEntries(Object.entries(schema).filter(([k]) => k !== 'nullable'))
    for (const key of Object.keys(schema)) delete schema[key]
    schema.anyOf = [rest, { type: 'null' }]
  }
}

/** Drops from each object schema's `required` the properties marked `flag` (readOnly or writeOnly). */
function notRequiredWhen(node: unknown, flag: 'readOnly' | 'writeOnly'): void {
  if (Array.isArray(node)) return node.forEach((n) => notRequiredWhen(n, flag))
  if (!node || typeof node !== 'object') return
  const schema = node as Record<string, unknown>
  for (const value of Object.values(schema)) notRequiredWhen(value, flag)
  const properties = schema.properties as Record<string, Record<string, unknown> | undefined> | undefined
  if (Array.isArray(schema.required) && properties && typeof properties === 'object')
    schema.required = (schema.required as string[]).filter((name) => properties[name]?.[flag] !== true)
}

async function backend(doc: Record<string, unknown>, flag: 'readOnly' | 'writeOnly'): Promise<OpenAPIBackend> {
  notRequiredWhen(doc.components, flag)
  notRequiredWhen(doc.paths, flag)
  nullableWithoutType(doc.components)
  nullableWithoutType(doc.paths)
  const api = new OpenAPIBackend({
    definition: doc as never,
    // Validators are compiled on first use of an operation: the schema has hundreds, the desk uses a few dozen.
    quick: true,
    validate: true,
    ignoreTrailingSlashes: false,
    customizeAjv: (ajv) => {
      addFormats(ajv)
      // The schema's `decimal` strings carry their own pattern; the format name only documents them.
      ajv.addFormat('decimal', true)
      return ajv
    },
  })
  await api.init()
  return api
}

export class SchemaGate {
  readonly rejections: Rejection[] = []
  private constructor(
    private readonly api: OpenAPIBackend,
    private readonly responses: OpenAPIBackend,
  ) {}

  static async load(schemaPath: string): Promise<SchemaGate> {
    const doc = load(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>
    applyErrata(doc)
    const requestDoc = structuredClone(doc)
    const [requests, responses] = await Promise.all([backend(requestDoc, 'readOnly'), backend(doc, 'writeOnly')])
    return new SchemaGate(requests, responses)
  }

  get requestRejections(): number {
    return this.rejections.filter((r) => r.kind === 'request').length
  }

  get responseRejections(): number {
    return this.rejections.filter((r) => r.kind === 'response').length
  }

  /** The schema's operation for a request that the schema accepts; otherwise the reasons, recorded. */
  checkRequest(req: GateRequest): GateMatch {
    const operation = this.api.matchOperation(req)
    if (!operation) return this.reject(req, [`no operation ${req.method.toUpperCase()} ${req.path} in the schema`])
    const result = this.api.validateRequest(req, operation)
    if (!result.valid)
      return this.reject(
        req,
        (result.errors ?? []).map((e) => `${e.instancePath} ${e.message}`),
      )
    return { ok: true, operation }
  }

  /** Records a response body the schema does not allow for this operation and status; true when it is allowed. */
  checkResponse(req: GateRequest, operation: Operation, status: number, body: unknown): boolean {
    const answered = operation.operationId ? this.responses.getOperation(operation.operationId) : undefined
    const documented = Object.keys((answered ?? operation).responses ?? {})
    if (!documented.includes(String(status))) {
      this.rejections.push({
        kind: 'response',
        method: req.method,
        path: req.path,
        status,
        errors: [`status ${status} is not documented (${documented.join(', ')})`],
      })
      return false
    }
    const result = this.responses.validateResponse(body, answered ?? operation, status)
    if (result.valid) return true
    this.rejections.push({
      kind: 'response',
      method: req.method,
      path: req.path,
      status,
      errors: (result.errors ?? []).map((e) => `${e.instancePath} ${e.message}`),
    })
    return false
  }

  private reject(req: GateRequest, errors: string[]): GateMatch {
    this.rejections.push({ kind: 'request', method: req.method, path: req.path, errors })
    return { ok: false, errors }
  }
}
