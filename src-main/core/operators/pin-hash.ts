/**
 * PINs and passwords are kept only as Argon2id hashes (each with its own random salt, in the PHC string the
 * library writes), so a copied database file does not give away anyone's PIN. Argon2id is the password hash
 * OWASP recommends first; @node-rs/argon2 ships prebuilt N-API binaries (the same file loads in Node and in
 * Electron, nothing is compiled on install) and hashes on libuv's thread pool, so a sign-in never stalls a scan.
 */
import { hash, verify } from '@node-rs/argon2'

/** OWASP's minimum for Argon2id (19 MiB, 2 passes): about 50 ms here, slow enough to make guessing expensive. */
const COST = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const

export function hashPin(pin: string): Promise<string> {
  return hash(pin, COST)
}

/** False for a wrong PIN and for a stored value that is no Argon2 hash at all (never throws for either). */
export async function verifyPin(stored: string, pin: string): Promise<boolean> {
  try {
    return await verify(stored, pin)
  } catch {
    return false
  }
}
