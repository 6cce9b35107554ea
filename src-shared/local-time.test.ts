import { describe, expect, it } from 'vitest'
import { localDateTime } from './local-time'

describe('localDateTime', () => {
  it("turns a stored UTC moment into the desk's date and time, and leaves dates and text alone", () => {
    expect(localDateTime('2026-12-03T23:30:00.000Z', { timeZone: 'Europe/Berlin' })).toBe('2026-12-04 00:30')
    expect(localDateTime('2026-12-03T23:30:05Z', { timeZone: 'Asia/Tokyo', seconds: true })).toBe('2026-12-04 08:30:05')
    expect(localDateTime('2026-07-01T00:15:00+02:00', { timeZone: 'UTC' })).toBe('2026-06-30 22:15')
    // An expiry is a calendar date: shifting it by a zone would print the wrong day.
    expect(localDateTime('2027-01-31', { timeZone: 'America/New_York' })).toBe('2027-01-31')
    expect(localDateTime('PO-0001')).toBe('PO-0001')
  })
})
