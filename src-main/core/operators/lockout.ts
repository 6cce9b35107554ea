/**
 * Lock-out after repeated wrong PINs: a 4-digit PIN falls to guessing in minutes, so after `maxFailures` wrong
 * PINs in a row the operator cannot sign in for `lockMs`, whatever PIN is sent. Counted per operator (not per
 * caller), because a second window or connection must not get a fresh set of guesses.
 *
 * Kept in memory: restarting the station clears it, but restarting needs the desk computer itself, where the
 * database file is within reach anyway.
 */
export interface LockoutOptions {
  maxFailures: number
  lockMs: number
  now: () => number
}

export const DEFAULT_LOCKOUT = { maxFailures: 5, lockMs: 5 * 60_000 } as const

export class Lockout {
  private readonly failures = new Map<number, { count: number; lockedUntil: number }>()

  constructor(private readonly options: LockoutOptions) {}

  /** Milliseconds this operator stays locked out; 0 when they may try. */
  lockedFor(operatorId: number): number {
    const entry = this.failures.get(operatorId)
    if (!entry) return 0
    return Math.max(0, entry.lockedUntil - this.options.now())
  }

  /** Counts a wrong PIN; true when this one locked the operator out. */
  fail(operatorId: number): boolean {
    const entry = this.failures.get(operatorId) ?? { count: 0, lockedUntil: 0 }
    // A lock that ran out starts the count afresh.
    if (entry.lockedUntil !== 0 && entry.lockedUntil <= this.options.now()) {
      entry.count = 0
      entry.lockedUntil = 0
    }
    entry.count += 1
    const locked = entry.count >= this.options.maxFailures
    if (locked) entry.lockedUntil = this.options.now() + this.options.lockMs
    this.failures.set(operatorId, entry)
    return locked
  }

  /** A right PIN clears the count. */
  succeed(operatorId: number): void {
    this.failures.delete(operatorId)
  }
}
