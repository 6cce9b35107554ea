import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { Operator } from '../../../../src-main/contract'
import { StationError, call } from '../../api/station'

/**
 * Who is signed in at the station. Main owns the answer (it checks the role on every admin-only call); this store
 * mirrors it so the UI can hide what the operator may not use and name who is working.
 */
export const useOperatorStore = defineStore('operator', () => {
  const current = ref<Operator | null>(null)
  /** False until the first answer from `info`, so admin-only pages do not flash "admin only" while loading. */
  const known = ref(false)

  const isAdmin = computed(() => current.value?.role === 'admin')

  async function refresh(): Promise<void> {
    const info = await call('info', {})
    current.value = info.operator
    known.value = true
  }

  /** Throws a StationError (e.g. not_found for an unknown badge) so the dialog can show its message. */
  async function signIn(by: { badge: string } | { operatorId: number }): Promise<Operator> {
    const operator = await call('signIn', by)
    current.value = operator
    known.value = true
    return operator
  }

  /** A scan of a badge signs its operator in inside main (the scan result carries the operator): mirror it. */
  function adopt(operator: Operator): void {
    current.value = operator
    known.value = true
  }

  async function signOut(): Promise<void> {
    await call('signOut', {})
    current.value = null
  }

  /**
   * Call with any error from an admin-only call: a `forbidden` answer means main no longer sees an admin (signed
   * out elsewhere, e.g. by the CLI), so the mirror is refreshed and the admin-only controls go away.
   */
  function noteError(error: unknown): void {
    if (error instanceof StationError && error.code === 'forbidden') void refresh().catch(() => undefined)
  }

  return { current, known, isAdmin, refresh, signIn, adopt, signOut, noteError }
})
