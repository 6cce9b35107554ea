/**
 * The secrets of the phone link: the one-time pairing secret a QR code carries and the token a paired phone
 * keeps. Both are 32 random bytes; only a SHA-256 of a token is stored, and comparisons take constant time.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

const SECRET_BYTES = 32
/** base64url of 32 bytes. */
const SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/

export function newSecret(): string {
  return randomBytes(SECRET_BYTES).toString('base64url')
}

/** True for text of a secret's form: anything else is refused before it is hashed or compared. */
export function isSecretShaped(value: unknown): value is string {
  return typeof value === 'string' && SECRET_PATTERN.test(value)
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}
