/**
 * Writes one history row per scan or barcode action, with the operator signed in at that moment and the time it
 * took, and keeps the history within its size limit. A no-op when the history is switched off in settings.
 */
import { performance } from 'node:perf_hooks'
import type { HistoryEntry, ModelType, ScanSource } from '../../contract'
import type { Operators } from '../operators/operators'
import type { Settings } from '../settings'
import type { ScanLog } from './scan-log'

/** Prune the history once per this many writes, not on every scan. */
const PRUNE_EVERY = 64

/** What arrived: the data, from where, and its exact bytes when they were not valid UTF-8. */
export interface RecordedInput {
  data: string
  source: ScanSource
  device?: string
  rawHex?: string
}

/** What the row says happened, beside the response it stores. */
export interface RecordedOutcome {
  result: HistoryEntry['result']
  plugin: string | null
  tried: string[]
  model?: ModelType
  pk?: number
  action?: HistoryEntry['action']
}

export class ScanRecorder {
  private writesSincePrune = 0

  constructor(
    private readonly settings: Settings,
    private readonly log: ScanLog,
    private readonly operators: Operators,
  ) {}

  /** The row's id, or null when the history is off; `started` is the `performance.now()` the work began at. */
  record(input: RecordedInput, started: number, response: object, outcome: RecordedOutcome): number | null {
    if (!this.settings.get('history.store')) return null
    const id = this.log.write({
      action: outcome.action,
      data: input.data,
      rawHex: input.rawHex ?? null,
      source: input.source,
      device: input.device ?? null,
      operatorId: this.operators.current()?.id ?? null,
      plugin: outcome.plugin,
      tried: outcome.tried,
      result: outcome.result,
      model: outcome.model ?? null,
      pk: outcome.pk ?? null,
      response: JSON.stringify(response),
      durationUs: Math.round((performance.now() - started) * 1000),
    })
    if (++this.writesSincePrune >= PRUNE_EVERY) {
      this.writesSincePrune = 0
      this.log.prune(this.settings.get('history.maxResults'), id)
    }
    return id
  }
}
