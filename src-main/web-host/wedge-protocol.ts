/**
 * The wedge messages between the web host (wedge.ts) and the page bridge (page/wedge.ts), in one place both sides
 * type-check against. Types only: the page is built for the browser, the host runs in Node.
 */
import type { KeyEvent } from '../../src-shared/keyboard/keys'

/** page → host: a key event the page saw; `held` when the page kept it from the app until the host decides. */
export interface ForwardedKey extends KeyEvent {
  seq: number
  held: boolean
  /** The key's `event.timeStamp` (the page's performance.now() clock). */
  time: number
}

/** host → page: a held key that turned out to be typing, to replay into the app. */
export interface ReleasedKey extends KeyEvent {
  seq: number
}

/** host → page, after a forwarded key or when the session's timer decides. */
export type WedgeReply = { ack?: number; release: ReleasedKey[]; holding: boolean }

/** Everything the host sends under `wedge`: a reply, or whether the wedge is switched on. */
export type HostWedgeMessage = Partial<WedgeReply> & { enabled?: boolean }

/** Everything the page sends under `wedge`: a key, the page clock while keys are held, or "decide now". */
export type PageWedgeMessage = ForwardedKey | { tick: number } | { flush: true }
