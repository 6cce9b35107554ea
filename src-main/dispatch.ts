/**
 * The one entry point from an untrusted caller (IPC or the web host) into the Station: checks that the method is
 * in the contract, parses the argument with its schema, and turns any failure into a typed error envelope. No
 * stack trace and no unvalidated value ever crosses back. The transport names the caller (a window, a connection):
 * the call runs as that caller, so it sees that caller's sign-in only.
 */
import {
  methodSchemas,
  type ContractError,
  type MethodArgs,
  type MethodName,
  type MethodOutputs,
  type Reply,
  type StationMethods,
} from './contract'
import { isStationError, type StationError } from './core/errors'
import type { Logger } from './core/log/logger'
import { asCaller, LOCAL_CALLER, type CallerId } from './core/operators/caller'

/**
 * What dispatch calls: the contract's methods, the log for failures the caller must not see, and the Station's
 * reading of a failure of its database file (a full disk, a read-only file), which the caller must see.
 */
export type DispatchTarget = StationMethods & {
  readonly logger: Pick<Logger, 'error'>
  explainFailure?(err: unknown): StationError | null
}

const isMethod = (name: string): name is MethodName => Object.hasOwn(methodSchemas, name)

export async function dispatch(
  station: DispatchTarget,
  method: string,
  arg: unknown,
  caller: CallerId = LOCAL_CALLER,
): Promise<Reply<MethodOutputs[MethodName]>> {
  if (!isMethod(method))
    return fail({ code: 'unknown_method', message: `Unknown method: ${String(method).slice(0, 60)}` })
  const parsed = methodSchemas[method].safeParse(arg)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const path = issue?.path.filter((p) => typeof p !== 'symbol') ?? []
    const where = path.length ? `${path.join('.')}: ` : ''
    return fail({
      code: 'invalid_argument',
      message: `Invalid argument for ${method}: ${where}${issue?.message ?? 'rejected'}`,
      ...(path.length ? { path } : {}),
    })
  }
  try {
    // safeParse of methodSchemas[method] produced exactly this method's parsed argument.
    const input = parsed.data as MethodArgs<typeof method>
    return { ok: true, value: await asCaller(caller, () => call(station, method, input)) }
  } catch (err) {
    if (isStationError(err)) return fail({ code: err.code, message: err.message })
    const explained = station.explainFailure?.(err)
    station.logger.error(`station.${method} failed`, err)
    if (explained) return fail({ code: explained.code, message: explained.message })
    return fail({ code: 'internal', message: `The station could not complete ${method}` })
  }
}

/** Calls the Station's method of the same name; StationMethods proves each takes the contract's argument. */
function call<M extends MethodName>(
  station: StationMethods,
  method: M,
  input: MethodArgs<M>,
): MethodOutputs[M] | Promise<MethodOutputs[M]> {
  return station[method](input)
}

const fail = (error: ContractError): Reply<never> => ({ ok: false, error })
