import { ref, shallowRef, watch, type WatchSource } from 'vue'

/**
 * Loads data whenever `source` changes. Answers that arrive after a newer request was made are dropped, so a
 * slow reply for the previous item or query can never replace the current one.
 */
export function useLoader<A, T>(source: WatchSource<A>, load: (arg: A) => Promise<T>) {
  const data = shallowRef<T | null>(null)
  const error = shallowRef<Error | null>(null)
  const loading = ref(false)
  let generation = 0

  async function run(arg: A): Promise<void> {
    const mine = ++generation
    loading.value = true
    error.value = null
    try {
      const value = await load(arg)
      if (mine === generation) data.value = value
    } catch (e) {
      if (mine !== generation) return
      data.value = null
      error.value = e instanceof Error ? e : new Error(String(e))
    } finally {
      if (mine === generation) loading.value = false
    }
  }

  watch(source, run, { immediate: true })
  return { data, error, loading }
}
