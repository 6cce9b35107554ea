import { describe, expect, it } from 'vitest'
import type { PairedPhone, ScanResult } from '../../contract'
import { openDatabase } from '../db/connection'
import { migrate } from '../db/migrate'
import { PairingOffer, PAIRING_TTL_MS } from './pairing-offer'
import { PhoneRegistry } from './phone-registry'
import { DOUBLE_READ_MS, parsePhoneScan, Phones } from './phones'
import { hashToken } from './tokens'
import { ScanClaims } from './scan-claims'

function setup() {
  const db = openDatabase(':memory:')
  migrate(db, ':memory:')
  let clock = Date.parse('2026-01-05T10:00:00Z')
  const now = (): number => clock
  const registry = new PhoneRegistry(db, () => new Date(clock))
  const offer = new PairingOffer(now)
  const scanned: { data: string; phone: string }[] = []
  const phones = new Phones(
    registry,
    offer,
    (data: string, phone: PairedPhone): ScanResult => {
      scanned.push({ data, phone: phone.name })
      return data.startsWith('KNOWN')
        ? ({
            outcome: 'matched',
            success: 'Match found',
            match: { model: 'part', pk: 1, via: 'internal' },
          } as ScanResult)
        : ({ outcome: 'no_match', error: 'No match found for barcode data', match: null } as ScanResult)
    },
    now,
  )
  return { db, registry, offer, phones, scanned, tick: (ms: number) => (clock += ms) }
}

describe('pairing', () => {
  it('pairs one phone per secret, keeps only a hash of its token, and refuses a used or expired secret', () => {
    const { db, offer, phones, tick } = setup()
    const secret = offer.current()
    const { phone, token } = phones.pair(secret, '  Pallet phone ')
    expect(phone.name).toBe('Pallet phone')
    const stored = db.prepare('SELECT token_hash FROM phone').pluck().all()
    expect(stored).toEqual([hashToken(token)])
    expect(stored).not.toContain(token)
    expect(() => phones.pair(secret, 'Second')).toThrow(/used up or expired/)

    const next = offer.current()
    expect(next).not.toBe(secret)
    tick(PAIRING_TTL_MS)
    expect(offer.valid(next)).toBe(false)
    expect(() => phones.pair(next, 'Late')).toThrow(/used up or expired/)
  })

  it('asks for a name', () => {
    const { offer, phones } = setup()
    expect(() => phones.pair(offer.current(), ' \u0007 ')).toThrow(/Give the phone a name/)
  })

  it('knows a phone by its token until it is revoked, and updates its last seen', () => {
    const { offer, phones, tick } = setup()
    const { phone, token } = phones.pair(offer.current(), 'Bag phone')
    tick(60_000)
    expect(phones.authenticate(token)).toMatchObject({ id: phone.id, lastSeen: phone.lastSeen })
    expect(phones.authenticate(token)!.lastSeen).toBe('2026-01-05T10:01:00.000Z')
    expect(phones.authenticate(token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A'))).toBeNull()
    expect(phones.revoke(phone.id).revokedAt).not.toBeNull()
    expect(phones.authenticate(token)).toBeNull()
    expect(() => phones.revoke(999)).toThrow(/No phone 999/)
  })
})

describe('scans from a phone', () => {
  it('scans each phone-made id once: a resend gets the first answer and is not scanned again', async () => {
    const { offer, phones, scanned, tick } = setup()
    const { phone } = phones.pair(offer.current(), 'Yard phone')
    expect(await phones.receive(phone, { id: 'a1', data: 'KNOWN-1' })).toMatchObject({
      outcome: 'matched',
      resent: false,
    })
    tick(5000)
    expect(await phones.receive(phone, { id: 'b2', data: 'OTHER' })).toMatchObject({
      outcome: 'unknown',
      resent: false,
    })
    expect(await phones.receive(phone, { id: 'a1', data: 'KNOWN-1' })).toMatchObject({
      outcome: 'matched',
      data: 'KNOWN-1',
      resent: true,
    })
    expect(scanned).toEqual([
      { data: 'KNOWN-1', phone: 'Yard phone' },
      { data: 'OTHER', phone: 'Yard phone' },
    ])
  })

  it('answers a second read of the same code under a new id at once as a duplicate, and scans it after a pause', async () => {
    const { offer, phones, scanned, tick } = setup()
    const { phone } = phones.pair(offer.current(), 'Yard phone')
    await phones.receive(phone, { id: 'x1', data: 'KNOWN-2' })
    tick(DOUBLE_READ_MS - 1)
    expect((await phones.receive(phone, { id: 'x2', data: 'KNOWN-2' })).outcome).toBe('duplicate')
    tick(DOUBLE_READ_MS)
    expect((await phones.receive(phone, { id: 'x3', data: 'KNOWN-2' })).outcome).toBe('matched')
    expect(scanned.map((s) => s.data)).toEqual(['KNOWN-2', 'KNOWN-2'])
  })

  it('refuses a malformed scan with a clear reason', () => {
    expect(() => parsePhoneScan({ id: 'has space', data: 'x' })).toThrow(/scan id/)
    expect(() => parsePhoneScan({ id: 'ok', data: '' })).toThrow(/needs its data/)
    expect(() => parsePhoneScan(null)).toThrow(/\{id, data\}/)
    expect(parsePhoneScan({ id: 'ok_1-2', data: 'X' })).toEqual({ id: 'ok_1-2', data: 'X' })
  })
})

describe('the outcome the desk decided', () => {
  function withClaims(claims: ScanClaims) {
    const db = openDatabase(':memory:')
    migrate(db, ':memory:')
    const offer = new PairingOffer(Date.now)
    let next = 100
    const phones = new Phones(
      new PhoneRegistry(db),
      offer,
      () => ({ outcome: 'matched', success: 'Match found', result_id: ++next }) as ScanResult,
      Date.now,
      (id) => claims.waitFor(id),
    )
    return { phones, phone: phones.pair(offer.current(), 'Dock phone').phone, lastId: () => next }
  }

  it("a receipt's duplicate package is signalled as a duplicate, and a resend hears the same", async () => {
    const claims = new ScanClaims(2000)
    const { phones, phone, lastId } = withClaims(claims)
    // The desk's page claims the scan a moment after main resolved it.
    setTimeout(() => claims.claimed(lastId(), { flag: 'duplicate', name: 'Resistor 10k', note: 'DigiKey 311-10K' }), 20)
    const answer = await phones.receive(phone, { id: 'd1', data: 'BAG-1' })
    expect(answer).toMatchObject({ outcome: 'duplicate', message: 'Duplicate: DigiKey 311-10K', resent: false })
    expect(await phones.receive(phone, { id: 'd1', data: 'BAG-1' })).toMatchObject({
      outcome: 'duplicate',
      resent: true,
    })
  })

  it('an over-receipt warns; an ok row and a scan no page claims keep the match', async () => {
    const claims = new ScanClaims(50)
    const { phones, phone, lastId } = withClaims(claims)
    setTimeout(() => claims.claimed(lastId(), { flag: 'over', name: 'Capacitor', note: '' }), 10)
    expect(await phones.receive(phone, { id: 'o1', data: 'BAG-2' })).toMatchObject({
      outcome: 'warning',
      message: 'Over-receipt: Capacitor',
    })
    setTimeout(() => claims.claimed(lastId(), { flag: 'ok', name: 'Capacitor', note: '' }), 10)
    expect((await phones.receive(phone, { id: 'o2', data: 'BAG-3' })).outcome).toBe('matched')
    expect((await phones.receive(phone, { id: 'o3', data: 'BAG-4' })).outcome).toBe('matched')
  })
})
