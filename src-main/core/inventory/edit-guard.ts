/**
 * Who may change the station's own inventory, and when: an admin or an editor, signed in on the calling window,
 * and never on a desk that mirrors an InvenTree server, where the server is the system of record and a local
 * change would be overwritten by the next pull (or, worse, pushed back as if the server had said it).
 */
import type { Db } from '../db/connection'
import { ConflictError, ForbiddenError } from '../errors'
import { isReplica } from '../inventree/replica'
import type { Operators } from '../operators/operators'
import type { Actor } from './actor'

export const CONNECTED_REFUSAL =
  'This desk works for an InvenTree server, which keeps its parts, locations and orders: change them on the server, and the next sync brings them here'

export class EditGuard {
  constructor(
    private readonly db: Db,
    private readonly operators: Operators,
    private readonly connected: () => boolean,
  ) {}

  /** The actor of an edit; throws unless the caller may make it. `what` completes "Only an admin or editor may …". */
  actor(what: string): Actor {
    refuseOnReplica(this.db, this.connected())
    const operator = this.operators.current()
    if (operator?.role !== 'admin' && operator?.role !== 'editor')
      throw new ForbiddenError(`Only an admin or an editor may ${what}; sign in as one first`)
    return { operatorId: operator.id, name: operator.name }
  }
}

/** Throws when the station's inventory belongs to an InvenTree server (connected, or a replica of one). */
export function refuseOnReplica(db: Db, connected = false): void {
  if (connected || isReplica(db)) throw new ConflictError(CONNECTED_REFUSAL)
}
