/**
 * The one entry point from an untrusted caller (IPC or the web host) into the Station: checks that the method is
 * in the contract, parses the argument with its schema, and turns any failure into a typed error envelope. No
 * stack trace and no unvalidated value ever crosses back.
 */
import type { z } from 'zod'
import { methodSchemas, type ContractError, type MethodName, type MethodOutputs, type Reply } from './contract'
import type { Station } from './core/station'
import { isStationError } from './core/errors'

const isMethod = (name: string): name is MethodName => Object.hasOwn(methodSchemas, name)

export async function dispatch(
  station: Station,
  method: string,
  arg: unknown,
): Promise<Reply<MethodOutputs[MethodName]>> {
  if (!isMethod(method))
    return fail({ code: 'unknown_method', message: `Unknown method: ${String(method).slice(0, 60)}` })
  const parsed = methodSchemas[method].safeParse(arg)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : ''
    return fail({
      code: 'invalid_argument',
      message: `Invalid argument for ${method}: ${where}${issue?.message ?? 'rejected'}`,
    })
  }
  try {
    // safeParse of methodSchemas[method] produced exactly this method's input type.
    return { ok: true, value: await call(station, method, parsed.data as never) }
  } catch (err) {
    if (isStationError(err)) return fail({ code: err.code, message: err.message })
    console.error(`station.${method} failed`, err)
    return fail({ code: 'internal', message: `The station could not complete ${method}` })
  }
}

type Handlers = {
  [M in MethodName]: (
    station: Station,
    input: z.output<(typeof methodSchemas)[M]>,
  ) => MethodOutputs[M] | Promise<MethodOutputs[M]>
}

const handlers: Handlers = {
  scan: (s, input) => s.scan(input),
  getItem: (s, input) => s.getItem(input),
  search: (s, input) => s.search(input),
  locationTree: (s) => s.locationTree(),
  history: (s, input) => s.history(input),
  info: (s) => s.info(),
  link: (s, input) => s.link(input),
  unlink: (s, input) => s.unlink(input),
  getSettings: (s) => s.getSettings(),
  setSettings: (s, input) => s.setSettings(input),
  plugins: (s) => s.plugins(),
  purgeHistory: (s) => s.purgeHistory(),
  historyQuery: (s, input) => s.historyQuery(input),
  historyStats: (s, input) => s.historyStats(input),
  historyExport: (s, input) => s.historyExport(input),
  operators: (s) => s.operators(),
  signIn: (s, input) => s.signIn(input),
  signOut: (s) => s.signOut(),
  sessionStart: (s, input) => s.sessionStart(input),
  sessionCurrent: (s, input) => s.sessionCurrent(input),
  sessionAdd: (s, input) => s.sessionAdd(input),
  sessionRemoveRow: (s, input) => s.sessionRemoveRow(input),
  sessionUpdateRow: (s, input) => s.sessionUpdateRow(input),
  sessionClear: (s, input) => s.sessionClear(input),
  sessionDrop: (s, input) => s.sessionDrop(input),
  sessionCommit: (s, input) => s.sessionCommit(input),
  stockAction: (s, input) => s.stockAction(input),
  undo: (s, input) => s.undo(input),
  devices: (s) => s.devices(),
  suppliers: (s) => s.suppliers(),
  createSupplierPart: (s, input) => s.createSupplierPart(input),
  calibrateWedge: (s, input) => s.calibrateWedge(input),
  labelTemplates: (s, input) => s.labelTemplates(input),
  labelPreview: (s, input) => s.labelPreview(input),
  labelPdf: (s, input) => s.labelPdf(input),
  printLabels: (s, input) => s.printLabels(input),
}

function call<M extends MethodName>(
  station: Station,
  method: M,
  input: z.output<(typeof methodSchemas)[M]>,
): MethodOutputs[M] | Promise<MethodOutputs[M]> {
  return handlers[method](station, input)
}

const fail = (error: ContractError): Reply<never> => ({ ok: false, error })
