/**
 * Operators and who is signed in. A badge scan, a badge typed at the sign-in page and a pick from the list all
 * sign in here, each for its own caller (a window or a connection, caller.ts); admin-only actions ask
 * `requireAdmin` of the caller's session. The admin, and every operator when `security.operatorPins` is on,
 * signs in with a PIN, checked against its slow hash (pin-hash.ts); wrong PINs lock the operator out
 * (lockout.ts). Every sign-in, failure and sign-out goes to the station's log, for an audit after the fact.
 */
import type { MethodArgs, Operator, OperatorChoice } from '../../contract'
import type { Db } from '../db/connection'
import { writeTransaction } from '../db/write-transaction'
import { ForbiddenError, NotFoundError } from '../errors'
import type { Logger } from '../log/logger'
import type { Settings } from '../settings'
import { currentCaller, LOCAL_CALLER, type CallerId } from './caller'
import { DEFAULT_LOCKOUT, Lockout } from './lockout'
import { hashPin, verifyPin } from './pin-hash'
import { Sessions } from './sessions'

interface OperatorRow extends Operator {
  pin_hash: string | null
}

export interface OperatorsOptions {
  logger: Pick<Logger, 'info' | 'warn'>
  now?: () => number
  lockout?: { maxFailures: number; lockMs: number }
}

const minutes = (ms: number): number => Math.ceil(ms / 60_000)

export class Operators {
  /** Every scan is checked against the badges, so the statement is prepared once. */
  private readonly byBadge
  private readonly byId
  private readonly sessions: Sessions
  private readonly lockout: Lockout
  private readonly logger: Pick<Logger, 'info' | 'warn'>

  constructor(
    private readonly db: Db,
    private readonly settings: Settings,
    options: OperatorsOptions,
  ) {
    const columns = 'id, name, role, pin_hash'
    this.byBadge = db.prepare<[string], OperatorRow>(`SELECT ${columns} FROM operator WHERE badge = ? AND active = 1`)
    this.byId = db.prepare<[number], OperatorRow>(`SELECT ${columns} FROM operator WHERE id = ? AND active = 1`)
    this.logger = options.logger
    const now = options.now ?? Date.now
    this.lockout = new Lockout({ ...DEFAULT_LOCKOUT, ...options.lockout, now })
    this.sessions = new Sessions({
      now,
      adminIdleMs: () => settings.get('security.adminIdleMinutes') * 60_000,
      onIdleSignOut: (caller, operator) => this.audit('signed out after idling', operator, caller),
    })
  }

  /** The calling window's operator, or null; counts as activity (a scan, a stock action, an admin action). */
  current(): Operator | null {
    return this.sessions.use(this.caller())
  }

  /** The calling window's operator without counting as activity (the status bar asks often). */
  peek(): Operator | null {
    return this.sessions.peek(this.caller())
  }

  list(): OperatorChoice[] {
    const pins = this.settings.get('security.operatorPins')
    return this.db
      .prepare<[], Operator>('SELECT id, name, role FROM operator WHERE active = 1 ORDER BY name')
      .all()
      .map((op) => ({ ...op, needsPin: pins || op.role === 'admin' }))
  }

  /** False on a new station until an admin PIN is set: the first start asks for it. */
  adminPinSet(): boolean {
    return (
      this.db.prepare("SELECT 1 FROM operator WHERE role = 'admin' AND active = 1 AND pin_hash IS NOT NULL").get() !==
      undefined
    )
  }

  /**
   * A scanned badge: signs its operator in for this caller, unless they need a PIN, which a scan cannot carry
   * (the page then asks). Null (and no change) when the text is no badge.
   */
  signInByBadge(text: string): { operator: Operator; pinRequired: boolean } | null {
    const row = this.byBadge.get(text)
    if (!row) return null
    const operator = publicOf(row)
    if (this.needsPin(operator)) return { operator, pinRequired: true }
    this.sessions.signIn(this.caller(), operator)
    this.audit('signed in by badge scan', operator)
    return { operator, pinRequired: false }
  }

  async signIn(input: MethodArgs<'signIn'>): Promise<Operator> {
    const caller = this.caller()
    const row = input.badge !== undefined ? this.byBadge.get(input.badge.trim()) : this.byId.get(input.operatorId!)
    if (!row) {
      this.logger.warn('audit: sign-in refused, unknown operator', { caller, by: input.badge ? 'badge' : 'id' })
      throw new NotFoundError(
        input.badge !== undefined ? 'No operator has this badge' : `No operator with id ${input.operatorId}`,
      )
    }
    const operator = publicOf(row)
    if (this.needsPin(operator)) await this.checkPin(row, input.pin, caller)
    this.sessions.signIn(caller, operator)
    this.audit('signed in', operator, caller)
    return operator
  }

  signOut(): { signedOut: boolean } {
    const caller = this.caller()
    const was = this.sessions.signOut(caller)
    if (was) this.audit('signed out', was, caller)
    return { signedOut: was !== null }
  }

  /** Checks an admin's badge and PIN without signing anyone in (the admin exit); throws as a refused sign-in does. */
  async confirmAdmin(badge: string, pin: string): Promise<Operator> {
    const caller = this.caller()
    const row = this.byBadge.get(badge.trim())
    if (!row || row.role !== 'admin') {
      this.logger.warn('audit: desk exit refused, not an admin badge', { caller })
      throw new ForbiddenError('Only an admin may leave desk mode: scan an admin badge')
    }
    await this.checkPin(row, pin, caller)
    const operator = publicOf(row)
    this.audit('desk exit granted', operator, caller)
    return operator
  }

  /** A window closed or a connection dropped: its sign-in ends with it, so no later caller inherits it. */
  endCaller(caller: CallerId): void {
    const was = this.sessions.signOut(caller)
    if (was) this.audit('signed out: window closed', was, caller)
  }

  /** Sets an operator's PIN; allowed to an admin, and to anyone while no admin has a PIN (the first start). */
  async setPin(input: MethodArgs<'setPin'>): Promise<{ set: true }> {
    const caller = this.caller()
    const target = this.byId.get(input.operatorId)
    if (!target) throw new NotFoundError(`No operator with id ${input.operatorId}`)
    const firstStart = !this.adminPinSet()
    if (firstStart && target.role !== 'admin')
      throw new ForbiddenError('Set the admin PIN first: it guards every other change')
    if (!firstStart) this.requireAdmin("set an operator's PIN")
    const hash = await hashPin(input.pin)
    writeTransaction(this.db, () => {
      this.db.prepare('UPDATE operator SET pin_hash = ? WHERE id = ?').run(hash, target.id)
    })
    this.lockout.succeed(target.id)
    this.audit(firstStart ? 'set the first admin PIN' : 'PIN set', publicOf(target), caller, {
      by: firstStart ? null : this.peek()?.name,
    })
    return { set: true }
  }

  /** Throws unless the caller's session is an admin's; `what` completes "Only an admin may …". */
  requireAdmin(what: string): Operator {
    const operator = this.current()
    if (operator?.role !== 'admin')
      throw new ForbiddenError(`Only an admin may ${what}; sign in as an admin with the PIN first`)
    return operator
  }

  /** The caller a device scan (no window of its own) acts as: see sessions.ts. */
  deviceCaller(): CallerId {
    return this.sessions.deviceCaller()
  }

  /** An admin action for the audit log, naming who did it from which window. */
  auditChange(what: string, details: Record<string, unknown>): void {
    const operator = this.peek()
    this.logger.info(`audit: ${what}`, {
      operator: operator?.name ?? null,
      operatorId: operator?.id ?? null,
      caller: this.caller(),
      ...details,
    })
  }

  private needsPin(operator: Operator): boolean {
    return operator.role === 'admin' || this.settings.get('security.operatorPins')
  }

  private async checkPin(row: OperatorRow, pin: string | undefined, caller: CallerId): Promise<void> {
    const operator = publicOf(row)
    const locked = this.lockout.lockedFor(row.id)
    if (locked > 0) {
      this.auditRefusal('sign-in refused: locked out', operator, caller)
      throw new ForbiddenError(
        `${row.name} is locked out after too many wrong PINs; try again in ${minutes(locked)} min`,
      )
    }
    if (row.pin_hash === null) {
      this.auditRefusal('sign-in refused: no PIN set', operator, caller)
      throw new ForbiddenError(
        row.role === 'admin' ? 'Set the admin PIN first' : `${row.name} has no PIN yet; an admin sets one`,
      )
    }
    if (pin === undefined || pin === '') {
      throw new ForbiddenError(`${row.name} signs in with a PIN`)
    }
    // Counted before the hash is checked, so parallel guesses cannot all slip in under the limit.
    const lockedNow = this.lockout.fail(row.id)
    if (await verifyPin(row.pin_hash, pin)) {
      this.lockout.succeed(row.id)
      return
    }
    this.auditRefusal(lockedNow ? 'wrong PIN, now locked out' : 'wrong PIN', operator, caller)
    throw new ForbiddenError(
      lockedNow
        ? `Wrong PIN. ${row.name} is locked out for ${minutes(this.lockout.lockedFor(row.id))} min`
        : 'Wrong PIN',
    )
  }

  private caller(): CallerId {
    const caller = currentCaller() ?? LOCAL_CALLER
    this.sessions.seen(caller)
    return caller
  }

  private audit(what: string, operator: Operator, caller = this.caller(), extra: Record<string, unknown> = {}): void {
    this.logger.info(`audit: ${what}`, { operator: operator.name, operatorId: operator.id, caller, ...extra })
  }

  /** A refused sign-in is a warning: repeated ones are what someone reading the log looks for. */
  private auditRefusal(what: string, operator: Operator, caller: CallerId): void {
    this.logger.warn(`audit: ${what}`, { operator: operator.name, operatorId: operator.id, caller })
  }
}

const publicOf = (row: OperatorRow): Operator => ({ id: row.id, name: row.name, role: row.role })
