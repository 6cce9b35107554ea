import { ref, type Ref } from 'vue'
import { errorMessage } from '../api/station'

export interface ActionOptions {
  /**
   * Called with what the work threw. Return the message to show (null: show none, e.g. when the caller placed it
   * next to a field itself); return nothing to show the error's own message.
   */
  onError?: (error: unknown) => string | null | void
}

export interface Action {
  /** True while the work runs: buttons bound to it are disabled, so a double click cannot send twice. */
  busy: Ref<boolean>
  /** The last run's error message, cleared when the next run starts. */
  error: Ref<string | null>
  /** Runs `work` unless a run is under way; resolves to its value, or undefined when it failed or was ignored. */
  run<T>(work: () => Promise<T>): Promise<T | undefined>
}

/** Busy and error state for a user's action: one at a time, its error shown instead of thrown. */
export function useAction(options: ActionOptions = {}): Action {
  const busy = ref(false)
  const error = ref<string | null>(null)

  async function run<T>(work: () => Promise<T>): Promise<T | undefined> {
    if (busy.value) return undefined
    busy.value = true
    error.value = null
    try {
      return await work()
    } catch (e) {
      const shown = options.onError?.(e)
      error.value = shown === undefined ? errorMessage(e) : shown
      return undefined
    } finally {
      busy.value = false
    }
  }

  return { busy, error, run }
}
