/**
 * The pairing secret the desk's QR code shows: one at a time, good for one pairing and for a few minutes, so a
 * photo of the screen taken later pairs nothing. A new one is made when the last was used or has expired.
 */
import { isSecretShaped, newSecret, sameSecret } from './tokens'

export const PAIRING_TTL_MS = 10 * 60 * 1000

export class PairingOffer {
  private secret: string | null = null
  private madeAt = 0

  constructor(
    private readonly now: () => number = Date.now,
    private readonly ttlMs = PAIRING_TTL_MS,
  ) {}

  /** The current secret, a fresh one if there is none still good. */
  current(): string {
    if (this.secret === null || this.expired()) {
      this.secret = newSecret()
      this.madeAt = this.now()
    }
    return this.secret
  }

  /** Whether `candidate` is the current secret, still good (it stays good: the page asks before it pairs). */
  valid(candidate: unknown): boolean {
    return isSecretShaped(candidate) && this.secret !== null && !this.expired() && sameSecret(candidate, this.secret)
  }

  /** Uses the secret up: true once for the current secret, false for anything else afterwards. */
  redeem(candidate: unknown): boolean {
    if (!this.valid(candidate)) return false
    this.secret = null
    return true
  }

  /** Forgets the secret (the link was switched off): the QR code shown until now pairs nothing. */
  withdraw(): void {
    this.secret = null
  }

  private expired(): boolean {
    return this.now() - this.madeAt >= this.ttlMs
  }
}
