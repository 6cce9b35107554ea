import type {
  ContractError,
  ErrorCode,
  EventName,
  EventPayloads,
  MethodInput,
  MethodName,
  MethodOutputs,
  Reply,
} from '../../../src-main/contract'

/** A `{ok: false}` reply from the Station, thrown so callers can use try/catch instead of checking envelopes. */
export class StationError extends Error {
  readonly code: ErrorCode
  /** The refused field of an invalid argument, so a form can mark it. */
  readonly path: ContractError['path']

  constructor(error: ContractError) {
    super(error.message)
    this.name = 'StationError'
    this.code = error.code
    this.path = error.path
  }
}

// Indexing a mapped type with a generic key keeps the method/input/output correlation that indexing the
// StationApi intersection directly would lose (TypeScript would widen it to a union of all methods).
type Methods = { [M in MethodName]: (input: MethodInput<M>) => Promise<Reply<MethodOutputs[M]>> }

/** Who hears of every reply about the database itself (unavailable, a failed write): the station banner. */
type TroubleListener = (method: MethodName, error: ContractError | null) => void
const troubleListeners = new Set<TroubleListener>()

/** Called with each `unavailable` or `storage` failure, and with null on each success; returns the unsubscribe. */
export function onStationTrouble(listener: TroubleListener): () => void {
  troubleListeners.add(listener)
  return () => troubleListeners.delete(listener)
}

/** Who hears of every method that succeeded: views whose figures an action elsewhere may have changed. */
type DoneListener = (method: MethodName) => void
const doneListeners = new Set<DoneListener>()

/** Called with the method's name after each successful call; returns the unsubscribe. */
export function onCallDone(listener: DoneListener): () => void {
  doneListeners.add(listener)
  return () => doneListeners.delete(listener)
}

export async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutputs[M]> {
  const methods: Methods = window.station
  const reply = await methods[method](input)
  const trouble = reply.ok
    ? null
    : reply.error.code === 'unavailable' || reply.error.code === 'storage'
      ? reply.error
      : undefined
  if (trouble !== undefined) for (const listener of troubleListeners) listener(method, trouble)
  if (!reply.ok) throw new StationError(reply.error)
  for (const listener of doneListeners) listener(method)
  return reply.value
}

/** Subscribes to an event main pushes; returns the unsubscribe function. */
export function onStationEvent<E extends EventName>(
  event: E,
  listener: (payload: EventPayloads[E]) => void,
): () => void {
  return window.station.on(event, listener)
}

/** Message to show for anything a Station call may throw. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message
  return String(error)
}
