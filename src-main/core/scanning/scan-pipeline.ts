/**
 * From barcode data to a scan result: refuse what cannot be resolved, answer command sheets and operator badges,
 * run the rest through the plugin chain, describe the resolution in InvenTree's response shape, and log it. A
 * result is returned only once its history row is written, so nothing a user saw is missing from the history.
 */
import { performance } from 'node:perf_hooks'
import type { ItemRef, MethodInput, ModelType, ScanMatchRef, ScanResult } from '../../contract'
import { parseCommand } from '../../../src-shared/commands'
import { isModelType } from '../../../src-shared/models'
import { barcodeHash } from '../barcode/hash'
import { tolerant } from '../barcode/normalise'
import type { BarcodeMatch, BarcodePlugin } from '../barcode/plugin'
import { resolve, type FoundItem, type Resolution } from '../barcode/resolver'
import type { Db } from '../db/connection'
import { writeTransaction } from '../db/write-transaction'
import type { RecentScans, UnkeyedScanResult } from '../history/recent-scans'
import type { RecordedOutcome, ScanRecorder } from '../history/scan-recorder'
import { serverPkOf } from '../inventree/outbox'
import type { ItemRefs } from '../items/refs'
import type { Operators } from '../operators/operators'
import type { Settings } from '../settings'

/** Longest barcode data worth resolving; longer input is logged and answered with an error, never dropped. */
export const MAX_BARCODE_LENGTH = 4096

export const NO_MATCH = 'No match found for barcode data'
export const MATCH = 'Match found for barcode data'
export const AMBIGUOUS = 'Barcode data matches more than one item'

export type ScanInput = MethodInput<'scan'> & {
  /** The exact bytes (hex) when the source's bytes were not valid UTF-8 (trusted callers only: the CLI). */
  rawHex?: string
}

/** A scan result before its history row exists (Omit that keeps the union's members apart). */
type ScanResponse = UnkeyedScanResult extends infer R
  ? R extends UnkeyedScanResult
    ? Omit<R, 'scan_id'>
    : never
  : never

/** A scan a device lost part of (the scanner was unplugged mid-scan): what arrived, and why it stopped. */
export interface DroppedScan {
  device: string
  partial: string
  reason: string
  source: 'wedge' | 'hid' | 'serial'
}

export interface ScanPipelineDeps {
  /** For `scanMany`'s one transaction. */
  db: Db
  settings: Settings
  /** The enabled plugins in resolution order, read at each scan (settings and user plugins change it). */
  chain: { readonly active: readonly BarcodePlugin[] }
  refs: ItemRefs
  /** Answers operator badges, which sign the operator in. */
  operators: Operators
  recent: RecentScans
  recorder: ScanRecorder
}

export class ScanPipeline {
  private readonly db: Db
  private readonly settings: Settings
  private readonly chain: ScanPipelineDeps['chain']
  private readonly refs: ItemRefs
  private readonly operators: Operators
  private readonly recent: RecentScans
  private readonly recorder: ScanRecorder
  private readonly lookupMatch = (m: BarcodeMatch): FoundItem | null => this.lookup(m)
  private readonly many: (inputs: ScanInput[]) => ScanResult[]

  constructor(deps: ScanPipelineDeps) {
    this.db = deps.db
    this.settings = deps.settings
    this.chain = deps.chain
    this.refs = deps.refs
    this.operators = deps.operators
    this.recent = deps.recent
    this.recorder = deps.recorder
    this.many = (inputs: ScanInput[]) => writeTransaction(deps.db, () => inputs.map((input) => this.scan(input)))
  }

  /** Resolve barcode data and log it; the result is returned only once its history row is written. */
  scan(input: ScanInput): ScanResult {
    return this.recent.keep(this.resolveAndLog(input))
  }

  /** Many scans in one transaction (the CLI's `scan -`): each is logged before any result is returned. */
  scanMany(inputs: ScanInput[]): ScanResult[] {
    return this.many(inputs)
  }

  /** Logs a scan a device cut off as an error, never merged with the next scan. */
  recordDropped(dropped: DroppedScan): void {
    this.refuse(
      { data: dropped.partial, source: dropped.source, device: dropped.device },
      performance.now(),
      barcodeHash(dropped.partial),
      `Scan cut off (${dropped.reason}); scan it again`,
    )
  }

  private resolveAndLog(input: ScanInput): UnkeyedScanResult {
    const started = performance.now()
    const data = input.data
    const hash = barcodeHash(data)
    if (!this.settings.get('barcode.enabled'))
      return this.refuse(input, started, hash, 'Barcode support is switched off in settings')
    if (data.trim() === '') return this.refuse(input, started, hash, 'Missing barcode data')
    if (data.length > MAX_BARCODE_LENGTH)
      return this.refuse(
        input,
        started,
        hash,
        `Barcode data too long (${data.length} characters; the limit is ${MAX_BARCODE_LENGTH})`,
      )

    const { text, notes } = tolerant(data)
    const special = this.commandOrBadge(text, data, hash)
    if (special)
      return {
        ...special,
        scan_id: this.recorder.record(input, started, special, { result: 'match', plugin: special.plugin, tried: [] }),
      } as UnkeyedScanResult
    const symbologyId = input.symbologyId
    const resolution = resolve(
      { raw: data, text, hash, ...(symbologyId ? { symbologyId } : {}) },
      this.chain.active,
      this.lookupMatch,
    )
    const { response, outcome } = this.describe(resolution, data, hash, notes)
    if (response.outcome === 'no_match' && response.problem === undefined) {
      const hint = this.withoutShift(text)
      if (hint) response.problem = hint
    }
    return { ...response, scan_id: this.recorder.record(input, started, response, outcome) } as UnkeyedScanResult
  }

  /**
   * A wedge scanner that sends no Shift key types INV-SI1 as inv-si1, which matches nothing: when the data has
   * lower-case letters only and in capitals names an item, the no-match says so instead of leaving the clerk to
   * guess. The item is not opened: lower-case data may be meant, and only the scanner's setting fixes the cause.
   */
  private withoutShift(text: string): string | null {
    if (!/[a-z]/.test(text) || /[A-Z]/.test(text)) return null
    const upper = text.toUpperCase()
    const r = resolve({ raw: upper, text: upper, hash: barcodeHash(upper) }, this.chain.active, this.lookupMatch)
    if (!r.match) return null
    return (
      `In capitals this reads ${upper}, which is ${r.match.item.name}: the scanner seems to send its letters ` +
      'without Shift. Check its keyboard or Caps Lock setting, or run Scanner setup'
    )
  }

  /** Data that cannot be resolved is still logged, with the reason it was refused. */
  private refuse(input: ScanInput, started: number, hash: string, error: string): UnkeyedScanResult {
    const response = {
      outcome: 'error' as const,
      match: null,
      error,
      plugin: null,
      barcode_data: input.data.slice(0, MAX_BARCODE_LENGTH),
      barcode_hash: hash,
    }
    return {
      ...response,
      scan_id: this.recorder.record(input, started, response, { result: 'error', plugin: null, tried: [] }),
    }
  }

  /** Command-sheet barcodes and operator badges are answered before the plugin chain: they name no item. */
  private commandOrBadge(
    text: string,
    data: string,
    hash: string,
  ): Extract<ScanResponse, { outcome: 'command' | 'operator' }> | null {
    const command = parseCommand(text)
    if (command)
      return {
        outcome: 'command',
        match: null,
        success: `Command: ${command.name}${command.value === undefined ? '' : ` ${command.value}`}`,
        plugin: 'StationCommand',
        command,
        barcode_data: data,
        barcode_hash: hash,
      }
    const badge = this.operators.signInByBadge(text)
    if (!badge) return null
    return {
      outcome: 'operator',
      match: null,
      success: badge.pinRequired
        ? `${badge.operator.name}: enter your PIN to sign in`
        : `Signed in: ${badge.operator.name}`,
      plugin: 'OperatorBadge',
      operator: badge.operator,
      ...(badge.pinRequired ? { pinRequired: true as const } : {}),
      barcode_data: data,
      barcode_hash: hash,
    }
  }

  private lookup(m: BarcodeMatch): FoundItem | null {
    const pk = m.pk < 0 ? (serverPkOf(this.db, m.model, m.pk) ?? m.pk) : m.pk
    const item = this.refs.get(m.model, pk)
    return item && isModelType(m.model) ? { model: m.model, item } : null
  }

  /** The InvenTree-shaped response for a resolution, plus what the history row records. */
  private describe(
    r: Resolution,
    data: string,
    hash: string,
    notes: string[],
  ): { response: ScanResponse; outcome: RecordedOutcome } {
    const extras: Record<string, unknown> = {}
    if (r.answer?.format) extras.format = r.answer.format
    if (r.answer?.fields && Object.keys(r.answer.fields).length) extras.fields = r.answer.fields
    if (r.answer?.related?.length) {
      const related: Partial<Record<ModelType, ItemRef>> = {}
      for (const m of r.answer.related) {
        const found = this.lookup(m)
        if (found) related[found.model] = found.item
      }
      if (Object.keys(related).length) extras.related = related
    }
    const allNotes = [...notes, ...(r.answer?.notes ?? [])]
    if (allNotes.length) extras.normalised = allNotes
    if (r.answer?.problem) extras.problem = r.answer.problem
    const base = { barcode_data: data, barcode_hash: hash }
    if (r.match) {
      const { model, item } = r.match
      const match: ScanMatchRef = { model, pk: item.pk, via: r.answer?.via ?? 'label' }
      return {
        response: { outcome: 'matched', match, [model]: item, success: MATCH, plugin: r.plugin!, ...base, ...extras },
        outcome: { result: 'match', plugin: r.plugin, tried: r.tried, model, pk: item.pk },
      }
    }
    if (r.ambiguous) {
      const candidates = r.ambiguous.map((f) => ({ model: f.model, ...f.item }))
      return {
        response: {
          outcome: 'ambiguous',
          match: null,
          error: AMBIGUOUS,
          plugin: r.plugin,
          ...base,
          ...extras,
          candidates,
        },
        outcome: { result: 'error', plugin: r.plugin, tried: r.tried },
      }
    }
    if (r.answer) extras.recognised_by = r.answer.plugin
    return {
      response: { outcome: 'no_match', match: null, error: NO_MATCH, plugin: null, ...base, ...extras },
      outcome: { result: 'no_match', plugin: null, tried: r.tried },
    }
  }
}
