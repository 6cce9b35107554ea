/**
 * Who is calling the Station: each window (Electron) and each WebSocket connection (web host) is its own caller
 * with its own sign-in, so one page signing in as admin gives no other page admin rights.
 *
 * The transports run each call inside `asCaller`; the modules that ask who is signed in (the scan recorder, the
 * workflows, the admin checks) read it from there, rather than every Station method threading a caller argument
 * through the scan pipeline. A call from no transport (the CLI, a test, a host's own code) is the `local` caller:
 * whoever runs it already holds the database file.
 */
import { AsyncLocalStorage } from 'node:async_hooks'

export type CallerId = string

export const LOCAL_CALLER: CallerId = 'local'

const calls = new AsyncLocalStorage<CallerId>()

/** Runs `work` (and everything it awaits) as `caller`. */
export function asCaller<T>(caller: CallerId, work: () => T): T {
  return calls.run(caller, work)
}

/** The caller of the call being served; null outside any transport's call. */
export function currentCaller(): CallerId | null {
  return calls.getStore() ?? null
}
