/**
 * The phone link's rows: the desk's choice of address, the paired phones (by token hash) and the ledger of the
 * scans each sent, keyed by the id the phone made for it.
 */
import type { PairedPhone, PhoneScanOutcome } from '../../contract'
import type { Db } from '../db/connection'
import { hashToken } from './tokens'

export interface PhoneLinkConfig {
  enabled: boolean
  address: string
  port: number
}

export interface LedgerEntry {
  data: string
  outcome: PhoneScanOutcome
  message: string
  at: string
}

/** How many of a phone's scan ids are remembered: far more than a phone queues while out of reach. */
export const LEDGER_KEEP = 2000

interface PhoneRow {
  id: number
  name: string
  paired_at: string
  last_seen: string | null
  revoked_at: string | null
}

const toPhone = (row: PhoneRow): PairedPhone => ({
  id: row.id,
  name: row.name,
  pairedAt: row.paired_at,
  lastSeen: row.last_seen,
  revokedAt: row.revoked_at,
})

export class PhoneRegistry {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {}

  config(): PhoneLinkConfig {
    const row = this.db.prepare('SELECT enabled, address, port FROM phone_link WHERE id = 1').get() as {
      enabled: number
      address: string
      port: number
    }
    return { enabled: row.enabled === 1, address: row.address, port: row.port }
  }

  setConfig(config: PhoneLinkConfig): void {
    this.db
      .prepare('UPDATE phone_link SET enabled = ?, address = ?, port = ? WHERE id = 1')
      .run(config.enabled ? 1 : 0, config.address, config.port)
  }

  add(name: string, token: string): PairedPhone {
    const at = this.now().toISOString()
    const { lastInsertRowid } = this.db
      .prepare('INSERT INTO phone (name, token_hash, paired_at, last_seen) VALUES (?, ?, ?, ?)')
      .run(name, hashToken(token), at, at)
    return this.get(Number(lastInsertRowid))!
  }

  get(id: number): PairedPhone | null {
    const row = this.db.prepare('SELECT * FROM phone WHERE id = ?').get(id) as PhoneRow | undefined
    return row ? toPhone(row) : null
  }

  /** The phone holding `token`, or null: unknown and revoked tokens alike are nobody. */
  byToken(token: string): PairedPhone | null {
    const row = this.db
      .prepare('SELECT * FROM phone WHERE token_hash = ? AND revoked_at IS NULL')
      .get(hashToken(token)) as PhoneRow | undefined
    return row ? toPhone(row) : null
  }

  list(): PairedPhone[] {
    return (this.db.prepare('SELECT * FROM phone ORDER BY id').all() as PhoneRow[]).map(toPhone)
  }

  touch(id: number): void {
    this.db.prepare('UPDATE phone SET last_seen = ? WHERE id = ?').run(this.now().toISOString(), id)
  }

  /** Revokes a phone; false when it was already revoked. */
  revoke(id: number): boolean {
    const { changes } = this.db
      .prepare('UPDATE phone SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL')
      .run(this.now().toISOString(), id)
    return changes === 1
  }

  /** The outcome already given to this phone-made scan id, or null for a scan not seen yet. */
  ledgerEntry(phoneId: number, scanId: string): LedgerEntry | null {
    const row = this.db
      .prepare('SELECT data, outcome, message, at FROM phone_scan WHERE phone_id = ? AND scan_id = ?')
      .get(phoneId, scanId) as LedgerEntry | undefined
    return row ?? null
  }

  /** The phone's latest scan before now, for telling a double read from a new scan. */
  latest(phoneId: number): LedgerEntry | null {
    const row = this.db
      .prepare('SELECT data, outcome, message, at FROM phone_scan WHERE phone_id = ? ORDER BY rowid DESC LIMIT 1')
      .get(phoneId) as LedgerEntry | undefined
    return row ?? null
  }

  /** The outcome a workflow decided after the scan was recorded: a resend is answered with it. */
  settle(phoneId: number, scanId: string, outcome: PhoneScanOutcome, message: string): void {
    this.db
      .prepare('UPDATE phone_scan SET outcome = ?, message = ? WHERE phone_id = ? AND scan_id = ?')
      .run(outcome, message, phoneId, scanId)
  }

  record(phoneId: number, scanId: string, entry: Omit<LedgerEntry, 'at'>): LedgerEntry {
    const at = this.now().toISOString()
    this.db
      .prepare('INSERT INTO phone_scan (phone_id, scan_id, data, outcome, message, at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(phoneId, scanId, entry.data, entry.outcome, entry.message, at)
    this.db
      .prepare(
        `DELETE FROM phone_scan WHERE phone_id = ? AND scan_id IN (
           SELECT scan_id FROM phone_scan WHERE phone_id = ? ORDER BY rowid DESC LIMIT -1 OFFSET ?)`,
      )
      .run(phoneId, phoneId, LEDGER_KEEP)
    return { ...entry, at }
  }
}
