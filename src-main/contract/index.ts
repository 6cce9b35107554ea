/**
 * The IPC contract: every method the renderer may call on the Station, with the zod schema of its one argument
 * and the TypeScript type of its result, and every event main pushes to the renderer.
 *
 * Main validates every call against these schemas (the renderer is untrusted); the preload and the web host's
 * bridge are generated from `methodNames` / `eventNames`, so a method that is not listed here cannot be reached.
 * The renderer imports the contract with `import type` only.
 */
import type { z } from 'zod'
import type { EventName, MethodName } from '../contract-names'
import type { Reply } from './envelope'
import type { EventPayloads } from './events'
import { methods } from './methods'
import type { SameKeys } from './methods/define'

export { channelFor, eventNames, methodNames, type EventName, type MethodName } from '../contract-names'
export * from './domain'
export * from './envelope'
export * from './events'
export * from './inventree'
export * from './settings'
export * from './printers'
export { HistoryFilterSchema, type HistoryFilter } from './methods/history'
export * from './methods/inventory'
export { methods }

type Methods = typeof methods

// The zod-free name list (contract-names.ts) and the method tables must name exactly the same methods.
const namesMatchTables: SameKeys<MethodName, keyof Methods> = true
void namesMatchTables

/** Each method's argument schema, by name: what dispatch parses a caller's argument with. */
export const methodSchemas = Object.fromEntries(Object.entries(methods).map(([name, spec]) => [name, spec.input])) as {
  [M in MethodName]: Methods[M]['input']
}

/** What a caller sends. */
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>
/** What the Station receives: the argument after its schema parsed it (defaults filled, strings trimmed). */
export type MethodArgs<M extends MethodName> = z.output<Methods[M]['input']>
export type MethodOutputs = { [M in MethodName]: Methods[M]['output'] }

/** What the Station must implement: every contract method, taking its parsed argument, giving its result. */
export type StationMethods = {
  [M in MethodName]: (input: MethodArgs<M>) => MethodOutputs[M] | Promise<MethodOutputs[M]>
}

/** The object the preload (or the web host's bridge) exposes as `window.station`. */
export type StationApi = {
  [M in MethodName]: (input: MethodInput<M>) => Promise<Reply<MethodOutputs[M]>>
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void
}
