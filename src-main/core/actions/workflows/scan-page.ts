/**
 * The scan page: many scans, then bulk stock actions on the rows. A location scanned is the target of a move;
 * every other scan is a row, flagged when it is unknown or was already scanned. Committing only closes the
 * session: the stock actions were each their own transaction already.
 */
import type { WorkflowStrategy } from './strategy'

export const scanPage: WorkflowStrategy = {
  kind: 'scan',
  flags: ['ok', 'duplicate', 'unknown'],
  steer: {
    stocklocation(tools, session, item) {
      tools.db.prepare('UPDATE scansession SET location_id = ? WHERE id = ?').run(item.pk, session.id)
      return `Target location: ${item.name}`
    },
  },

  addScan(tools, session, result, match) {
    if (!match)
      return tools.insertRow(session, result, {
        flag: 'unknown',
        note: result.error ?? 'Not recognised',
      })
    const dup = tools.db
      .prepare<[number, string, number], { id: number }>(
        "SELECT id FROM scansessionrow WHERE session_id = ? AND model_type = ? AND pk = ? AND flag <> 'duplicate' LIMIT 1",
      )
      .get(session.id, match.model, match.item.pk)
    const stock =
      match.model === 'stockitem'
        ? tools.db
            .prepare<[number], { quantity: number; location_id: number | null }>(
              'SELECT quantity, location_id FROM stockitem WHERE id = ?',
            )
            .get(match.item.pk)
        : undefined
    return tools.insertRow(session, result, {
      model_type: match.model,
      pk: match.item.pk,
      quantity: stock?.quantity ?? null,
      location_id: stock?.location_id ?? null,
      flag: dup ? 'duplicate' : 'ok',
      note: dup ? `${match.item.name} was already scanned in this session` : '',
    })
  },

  lines: () => [],
  commit: () => [],
  committedMessage: () => 'Session closed',
}
