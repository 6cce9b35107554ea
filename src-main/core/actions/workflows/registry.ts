/**
 * Every workflow a session can run, by the kind stored on its row. Adding a workflow is one strategy file and
 * one entry here (plus its kind in the contract, which the type below holds to this list). The database does
 * not restrict the kind, so the kind is checked here, against this list.
 */
import type { SessionKind } from '../../../contract'
import { NotFoundError } from '../../errors'
import { receiving } from './receiving'
import { scanPage } from './scan-page'
import type { WorkflowStrategy } from './strategy'

export const workflows: Readonly<Record<SessionKind, WorkflowStrategy>> = {
  scan: scanPage,
  receive: receiving,
}

export const isWorkflowKind = (kind: string): kind is SessionKind => Object.hasOwn(workflows, kind)

/** The strategy for a kind, or a clear refusal for a kind this station has no workflow for. */
export function workflowFor(kind: string): WorkflowStrategy {
  if (!isWorkflowKind(kind)) throw new NotFoundError(`No workflow named '${kind}' on this station`)
  return workflows[kind]
}
