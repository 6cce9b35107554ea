/**
 * Who is signed in, per caller (caller.ts): each window or connection has its own session, or none. An admin's
 * session ends after `adminIdleMs` without use (a desk left signed in as admin is the easiest way in); an
 * operator's lasts until sign-out, because operators sign in with a badge for a shift and their scans carry
 * their name.
 *
 * Device scans (a wedge, HID or serial scanner) come from no window: they act as the caller where someone most
 * recently signed in and still is, else the caller most recently seen, so a badge scanned on the desk's scanner
 * signs in the window in use.
 */
import type { Operator } from '../../contract'
import { LOCAL_CALLER, type CallerId } from './caller'

interface Session {
  operator: Operator
  lastActive: number
}

export interface SessionsOptions {
  now: () => number
  /** 0: admins are never signed out for idling. */
  adminIdleMs: () => number
  /** Told of each session ended by idling (for the audit log). */
  onIdleSignOut: (caller: CallerId, operator: Operator) => void
}

export class Sessions {
  private readonly byCaller = new Map<CallerId, Session>()
  /** Callers in the order they signed in, most recent last. */
  private signInOrder: CallerId[] = []
  private lastSeen: CallerId = LOCAL_CALLER

  constructor(private readonly options: SessionsOptions) {}

  /** The caller's operator, counting this as activity (a scan, an admin action). */
  use(caller: CallerId): Operator | null {
    const session = this.live(caller)
    if (session) session.lastActive = this.options.now()
    return session?.operator ?? null
  }

  /** The caller's operator without counting as activity: a status bar that polls must not keep an admin in. */
  peek(caller: CallerId): Operator | null {
    return this.live(caller)?.operator ?? null
  }

  signIn(caller: CallerId, operator: Operator): void {
    this.byCaller.set(caller, { operator, lastActive: this.options.now() })
    this.signInOrder = [...this.signInOrder.filter((c) => c !== caller), caller]
  }

  /** The operator who was signed in, or null. */
  signOut(caller: CallerId): Operator | null {
    const session = this.byCaller.get(caller)
    this.byCaller.delete(caller)
    this.signInOrder = this.signInOrder.filter((c) => c !== caller)
    return session?.operator ?? null
  }

  /** Notes a call from this caller, for device attribution. */
  seen(caller: CallerId): void {
    this.lastSeen = caller
  }

  /** The caller a device scan acts as (see the module comment). */
  deviceCaller(): CallerId {
    for (let i = this.signInOrder.length - 1; i >= 0; i--) {
      const caller = this.signInOrder[i]!
      if (this.live(caller)) return caller
    }
    return this.lastSeen
  }

  /** The caller's session, ended first when an admin left it idle past the limit. */
  private live(caller: CallerId): Session | null {
    const session = this.byCaller.get(caller)
    if (!session) return null
    const idle = this.options.adminIdleMs()
    if (session.operator.role === 'admin' && idle > 0 && this.options.now() - session.lastActive >= idle) {
      this.signOut(caller)
      this.options.onIdleSignOut(caller, session.operator)
      return null
    }
    return session
  }
}
