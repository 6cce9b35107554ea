/**
 * Which row the desk's open workflow made of a scan. A device scan is resolved and logged in main, then the page
 * with the open scan page or receipt claims it (sessionAdd with its result id); a phone waits a moment for that
 * claim so it can signal what the desk decided — a package scanned twice, a line over the order — rather than the
 * bare match. A scan no page claims in time keeps its own outcome.
 */
import type { ClaimedRow } from './phones'

/** Long enough for the desk's page to claim a scan it was sent; short enough that a beep still feels immediate. */
export const CLAIM_WAIT_MS = 700
/** Claims kept for waiters that have not asked yet (the page can answer before the phone's wait begins). */
const KEEP = 200

export class ScanClaims {
  private readonly rows = new Map<number, ClaimedRow>()
  private readonly waiters = new Map<number, (row: ClaimedRow) => void>()

  constructor(private readonly waitMs = CLAIM_WAIT_MS) {}

  claimed(resultId: number, row: ClaimedRow): void {
    const waiter = this.waiters.get(resultId)
    if (waiter) {
      this.waiters.delete(resultId)
      waiter(row)
      return
    }
    this.rows.set(resultId, row)
    if (this.rows.size > KEEP) this.rows.delete(this.rows.keys().next().value!)
  }

  /** The row made of this scan, or null when no workflow claimed it within the wait. */
  waitFor(resultId: number): Promise<ClaimedRow | null> {
    const known = this.rows.get(resultId)
    if (known) {
      this.rows.delete(resultId)
      return Promise.resolve(known)
    }
    return new Promise((done) => {
      const timer = setTimeout(() => {
        this.waiters.delete(resultId)
        done(null)
      }, this.waitMs)
      this.waiters.set(resultId, (row) => {
        clearTimeout(timer)
        done(row)
      })
    })
  }
}
