/**
 * The desk's side of its paired phones: pairing with the QR code's one-time secret, knowing a phone by its token,
 * and taking its scans. Each scan carries an id the phone made; a scan resent after a dropped connection gets the
 * outcome it got the first time and is not scanned again, so the history and the open workflow see it once.
 */
import { MAX_SCAN_INPUT, type PairedPhone, type PhoneScanOutcome, type ScanResult } from '../../contract'
import { ForbiddenError, NotFoundError } from '../errors'
import type { PairingOffer } from './pairing-offer'
import type { PhoneRegistry } from './phone-registry'
import { newSecret } from './tokens'

/** What a phone sends for one scan. */
export interface PhoneScan {
  id: string
  data: string
}

export interface PhoneScanReply {
  id: string
  data: string
  outcome: PhoneScanOutcome
  message: string
  /** True when this id had been received before: the answer is the first one's, and nothing was scanned. */
  resent: boolean
}

/** A second read of the same code within this time, under a new id, is the camera reading it twice. */
export const DOUBLE_READ_MS = 1500

const SCAN_ID = /^[A-Za-z0-9_-]{1,64}$/
export const MAX_PHONE_NAME = 60

/** The word a phone shows (and the tone it plays) for a scan result. */
export function phoneOutcome(result: ScanResult): PhoneScanOutcome {
  switch (result.outcome) {
    case 'matched':
    case 'command':
    case 'operator':
      return 'matched'
    case 'no_match':
    case 'ambiguous':
      return 'unknown'
    default:
      return 'error'
  }
}

/** A workflow's row for a claimed scan: its flag and what it says. */
export interface ClaimedRow {
  flag: 'ok' | 'duplicate' | 'unknown' | 'over' | 'not_on_order'
  name: string
  note: string
}

/** What a workflow's flag means for the phone; an `ok` row keeps the scan's own outcome. */
export function workflowOutcome(row: ClaimedRow): { outcome: PhoneScanOutcome; message: string } | null {
  const said = (word: string) => (row.note ? `${word}: ${row.note}` : `${word}: ${row.name}`)
  switch (row.flag) {
    case 'ok':
      return null
    case 'duplicate':
      return { outcome: 'duplicate', message: said('Duplicate') }
    case 'unknown':
      return { outcome: 'unknown', message: said('Unknown item') }
    case 'over':
      return { outcome: 'warning', message: said('Over-receipt') }
    case 'not_on_order':
      return { outcome: 'warning', message: said('Not on this order') }
  }
}

/** Checks a phone's scan message; a clear error for anything else. */
export function parsePhoneScan(value: unknown): PhoneScan {
  if (typeof value !== 'object' || value === null) throw new Error('A scan is {id, data}')
  const { id, data } = value as Record<string, unknown>
  if (typeof id !== 'string' || !SCAN_ID.test(id)) throw new Error('A scan id is 1–64 letters, digits, - or _')
  if (typeof data !== 'string' || data.length === 0) throw new Error('A scan needs its data')
  if (data.length > MAX_SCAN_INPUT) throw new Error(`A scan has at most ${MAX_SCAN_INPUT} characters`)
  return { id, data }
}

export function cleanPhoneName(value: unknown): string {
  const name = typeof value === 'string' ? value.replace(/\p{Cc}/gu, '').trim() : ''
  if (name.length === 0) throw new Error('Give the phone a name, so the desk knows whose scans are whose')
  if (name.length > MAX_PHONE_NAME) throw new Error(`A phone name has at most ${MAX_PHONE_NAME} characters`)
  return name
}

export class Phones {
  constructor(
    private readonly registry: PhoneRegistry,
    private readonly offer: PairingOffer,
    /** The desk's scan of a phone's code (the device path: logged, then claimed by the open workflow). */
    private readonly scan: (data: string, phone: PairedPhone) => ScanResult,
    private readonly now: () => number = Date.now,
    /**
     * The row a workflow made of a scan, once the desk's open page claimed it (null when none did in time): the
     * phone then signals what the desk decided (a package scanned twice, a line over the order), not the plain match.
     */
    private readonly claimed: (resultId: number) => Promise<ClaimedRow | null> = () => Promise.resolve(null),
  ) {}

  /** Pairs a phone with the QR code's secret; the token is returned once and only its hash is kept. */
  pair(secret: unknown, name: unknown): { phone: PairedPhone; token: string } {
    const clean = cleanPhoneName(name)
    if (!this.offer.redeem(secret))
      throw new ForbiddenError('This pairing code is used up or expired: scan the QR code the desk shows now')
    const token = newSecret()
    return { phone: this.registry.add(clean, token), token }
  }

  /** The paired phone holding `token` (its last seen now), or null for anyone else. */
  authenticate(token: string): PairedPhone | null {
    const phone = this.registry.byToken(token)
    if (phone) this.registry.touch(phone.id)
    return phone
  }

  revoke(id: number): PairedPhone {
    const phone = this.registry.get(id)
    if (!phone) throw new NotFoundError(`No phone ${id} is paired with this station`)
    this.registry.revoke(id)
    return this.registry.get(id)!
  }

  async receive(phone: PairedPhone, scan: PhoneScan): Promise<PhoneScanReply> {
    const seen = this.registry.ledgerEntry(phone.id, scan.id)
    if (seen) return { id: scan.id, data: seen.data, outcome: seen.outcome, message: seen.message, resent: true }
    const latest = this.registry.latest(phone.id)
    if (latest && latest.data === scan.data && this.now() - Date.parse(latest.at) < DOUBLE_READ_MS) {
      const entry = this.registry.record(phone.id, scan.id, {
        data: scan.data,
        outcome: 'duplicate',
        message: 'Read twice: counted once',
      })
      return { id: scan.id, data: scan.data, outcome: entry.outcome, message: entry.message, resent: false }
    }
    const result = this.scan(scan.data, phone)
    // Recorded before waiting for the workflow, so a resend meanwhile is never scanned a second time.
    const entry = this.registry.record(phone.id, scan.id, {
      data: scan.data,
      outcome: phoneOutcome(result),
      message: result.success ?? result.error,
    })
    this.registry.touch(phone.id)
    const row =
      result.outcome === 'matched' || result.outcome === 'no_match' ? await this.claimed(result.result_id) : null
    const decided = row ? workflowOutcome(row) : null
    if (decided) {
      this.registry.settle(phone.id, scan.id, decided.outcome, decided.message)
      return { id: scan.id, data: scan.data, ...decided, resent: false }
    }
    return { id: scan.id, data: scan.data, outcome: entry.outcome, message: entry.message, resent: false }
  }
}
