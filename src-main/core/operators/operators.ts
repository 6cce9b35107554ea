/**
 * Operators and who is signed in. A badge scan, a badge typed at the sign-in page and a pick from the list all
 * sign in here; admin-only actions ask `requireAdmin`. One operator is signed in for the whole station.
 */
import type { MethodInput, Operator } from '../../contract'
import type { Db } from '../db/connection'
import { ForbiddenError, NotFoundError } from '../errors'

export class Operators {
  private signedIn: Operator | null = null
  /** Every scan is checked against the badges, so the statement is prepared once. */
  private readonly byBadge
  private readonly byId

  constructor(private readonly db: Db) {
    this.byBadge = db.prepare<[string], Operator>('SELECT id, name, role FROM operator WHERE badge = ? AND active = 1')
    this.byId = db.prepare<[number], Operator>('SELECT id, name, role FROM operator WHERE id = ? AND active = 1')
  }

  /** The signed-in operator, or null. */
  current(): Operator | null {
    return this.signedIn
  }

  list(): Operator[] {
    return this.db.prepare<[], Operator>('SELECT id, name, role FROM operator WHERE active = 1 ORDER BY name').all()
  }

  /** Signs in the operator whose badge this scanned text is; null (and no change) when it is no badge. */
  signInByBadge(text: string): Operator | null {
    const badge = this.byBadge.get(text)
    if (!badge) return null
    this.signedIn = badge
    return badge
  }

  signIn(input: MethodInput<'signIn'>): Operator {
    const row = input.badge !== undefined ? this.byBadge.get(input.badge.trim()) : this.byId.get(input.operatorId!)
    if (!row)
      throw new NotFoundError(
        input.badge !== undefined ? 'No operator has this badge' : `No operator with id ${input.operatorId}`,
      )
    this.signedIn = row
    return row
  }

  signOut(): { signedOut: boolean } {
    const was = this.signedIn !== null
    this.signedIn = null
    return { signedOut: was }
  }

  /** Throws unless an admin is signed in; `what` completes "Only an admin may …". */
  requireAdmin(what: string): void {
    if (this.signedIn?.role !== 'admin')
      throw new ForbiddenError(`Only an admin may ${what}; sign in with an admin badge first`)
  }
}
