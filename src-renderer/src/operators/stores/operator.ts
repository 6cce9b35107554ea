import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { Operator } from '../../../../src-main/contract'
import { StationError, call } from '../../api/station'

/** How the sign-in dialog is asked to sign someone in: by the badge typed, or by the name picked. */
export type SignInBy = { badge: string } | { operatorId: number }

/**
 * Who is signed in at this window. Main owns the answer (each window or connection has its own sign-in, and main
 * checks the role on every admin-only call); this store mirrors it so the UI can hide what the operator may not
 * use and name who is working.
 */
export const useOperatorStore = defineStore('operator', () => {
  const current = ref<Operator | null>(null)
  /** False until the first answer from `info`, so admin-only pages do not flash "admin only" while loading. */
  const known = ref(false)
  /** False on a new station until the first start set the admin PIN: the app asks for it before anything else. */
  const adminPinSet = ref(true)
  /** True on a brand-new station until someone chose demo, empty or InvenTree: the app asks that first. */
  const firstStart = ref(false)
  /** A badge scanned whose operator needs a PIN: the sign-in dialog opens and asks for it. */
  const pinAskedFor = ref<Operator | null>(null)

  const isAdmin = computed(() => current.value?.role === 'admin')

  async function refresh(): Promise<void> {
    const info = await call('info', {})
    current.value = info.operator
    adminPinSet.value = info.adminPinSet
    firstStart.value = info.firstStart
    known.value = true
  }

  /** Throws a StationError (not_found for an unknown badge, forbidden for a wrong PIN) so the dialog shows it. */
  async function signIn(by: SignInBy, pin?: string): Promise<Operator> {
    const operator = await call('signIn', pin === undefined ? by : { ...by, pin })
    current.value = operator
    known.value = true
    pinAskedFor.value = null
    return operator
  }

  /**
   * A scanned badge signs its operator in inside main, for the window the scan belongs to; a hardware scan's
   * result reaches every window, so each asks main who it has rather than taking the name. A badge that needs a
   * PIN signs nobody in: the dialog asks for it.
   */
  function noteBadge(operator: Operator, pinRequired: boolean): void {
    if (pinRequired) pinAskedFor.value = operator
    else void refresh().catch(() => undefined)
  }

  async function signOut(): Promise<void> {
    await call('signOut', {})
    current.value = null
  }

  /**
   * Call with any error from an admin-only call: a `forbidden` answer means main no longer sees an admin (signed
   * out after idling, or elsewhere), so the mirror is refreshed and the admin-only controls go away.
   */
  function noteError(error: unknown): void {
    if (error instanceof StationError && error.code === 'forbidden') void refresh().catch(() => undefined)
  }

  return {
    current,
    known,
    adminPinSet,
    firstStart,
    pinAskedFor,
    isAdmin,
    refresh,
    signIn,
    noteBadge,
    signOut,
    noteError,
  }
})
