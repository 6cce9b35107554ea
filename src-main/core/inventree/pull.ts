/**
 * Pulls the desk's replica of its InvenTree server: every model the desk scans and receives, page by page
 * (`limit`/`offset`), written under the server's pks in one write transaction per page, so a scan at the desk
 * waits for one page at most and an interrupted pull keeps what it had written.
 *
 * Incremental where InvenTree allows it: the stock and purchase-order lists accept `updated_after`, so a later
 * pull asks them only for what changed since the last one; the other lists have no such filter and are read in
 * full every time. Deletions cannot be seen in a list of changes, so rows the server no longer lists are deleted
 * only at the end of a full pull (the first one, or one asked for with `full`), once every model was listed in full.
 */
import type { Db } from '../db/connection'
import { writeTransaction } from '../db/write-transaction'
import { modelTypes, type ModelType } from '../../contract'
import { expectData, type InventreeClient } from './client'
import { Outbox } from './outbox'
import { isReplica } from './replica'
import {
  OPEN_ORDER_STATES,
  replicaModels,
  upsertSql,
  type PageQuery,
  type PulledModel,
  type ReplicaModel,
} from './pull-mappers'

export const DEFAULT_PAGE_SIZE = 500

export interface PullProgress {
  model: PulledModel
  label: string
  done: number
  total: number
}

export interface PullOptions {
  client: InventreeClient
  /** List every model in full and delete what the server no longer lists. */
  full?: boolean
  pageSize?: number
  onProgress?: (progress: PullProgress) => void
  now?: () => Date
}

export interface PullSummary {
  full: boolean
  pulled: Record<PulledModel, number>
  /** Objects pointing at rows the replica does not hold yet: the next pull brings them. */
  skipped: Record<PulledModel, number>
  removed: Record<PulledModel, number>
}

/** The database holds an inventory of its own (the demo's, or one made at the desk): no replica goes into it. */
export class ReplicaRefused extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ReplicaRefused'
  }
}

const INVENTORY_TABLES = ['part', 'partcategory', 'stocklocation', 'company', 'stockitem', 'purchaseorder']

/**
 * Makes the database a replica, or refuses: a replica mixed into a local inventory would give the server's pks to
 * rows that are not the server's, and a label would then scan to the wrong item. Decided under the write lock, so
 * the demo seed of a Station opening the same new file cannot slip in between.
 */
export function claimReplica(db: Db): void {
  writeTransaction(db, () => {
    if (!isReplica(db)) {
      const holding = INVENTORY_TABLES.filter((t) => db.prepare(`SELECT 1 FROM ${t} LIMIT 1`).get() !== undefined)
      if (holding.length > 0)
        throw new ReplicaRefused(
          `This database holds an inventory of its own (${holding.join(', ')}), such as the demo's: a replica of the ` +
            'InvenTree server cannot be mixed into it. Connect and pull into a new database file (--db NEW.db).',
        )
    }
    const add = db.prepare('INSERT OR IGNORE INTO inventree_pull (model) VALUES (?)')
    for (const m of replicaModels) add.run(m.model)
  })
}

/** When the replica was last pulled in whole: the oldest model's last pull, null until every model was pulled. */
export function lastPull(db: Db): string | null {
  const row = db
    .prepare<[], { at: string | null }>(
      'SELECT CASE WHEN count(*) > 0 AND count(last_pull) = count(*) THEN min(last_pull) END AS at FROM inventree_pull',
    )
    .get()
  return row?.at ?? null
}

/**
 * `updated_after` is a date, compared by InvenTree with the time of the last change in the server's time zone:
 * asking from the day before the last pull began cannot miss a change, at the cost of reading one day again.
 */
export function changedSince(lastPullAt: string): string {
  return new Date(Date.parse(lastPullAt) - 86_400_000).toISOString().slice(0, 10)
}

const isModelType = (m: PulledModel): m is ModelType => (modelTypes as readonly string[]).includes(m)

export interface ModelPull {
  written: number
  skipped: number
  seen: Set<number>
}

/**
 * Writes one model's listed objects into the replica, one write transaction per page. Exported so the benchmarks
 * can build a replica of a million items with the very rows a pull writes, without serving them over HTTP.
 */
export class ReplicaWriter {
  private readonly exists
  private readonly upsert
  private readonly unlink
  private readonly freeHash
  private readonly link
  private readonly orphans: [number, number][] = []
  private readonly required: [string, { get(id: unknown): unknown }][]

  constructor(
    private readonly db: Db,
    private readonly m: ReplicaModel,
    private readonly result: ModelPull,
    /** Rows with desk actions the server has not settled yet: the desk's version stands until it has. */
    private readonly pending: ReadonlySet<number>,
  ) {
    this.exists = db.prepare<[number], { id: number }>(`SELECT id FROM ${m.model} WHERE id = ?`)
    this.upsert = db.prepare(upsertSql(m))
    this.required = Object.entries(m.requires ?? {}).map(([column, table]) => [
      column,
      db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`),
    ])
    this.unlink = db.prepare('DELETE FROM barcodelink WHERE model_type = ? AND pk = ?')
    // A barcode names one thing: linked on the server to another item, it leaves the one it named here.
    this.freeHash = db.prepare('DELETE FROM barcodelink WHERE hash = ? AND NOT (model_type = ? AND pk = ?)')
    // The server keeps only the hash of a linked barcode; its text stays unknown unless linked at this desk.
    this.link = db.prepare(
      `INSERT INTO barcodelink (model_type, pk, data, hash) VALUES (?, ?, '', ?)
       ON CONFLICT(model_type, pk) DO UPDATE SET
         data = CASE WHEN barcodelink.hash = excluded.hash THEN barcodelink.data ELSE '' END, hash = excluded.hash`,
    )
  }

  writePage(objects: { pk: number }[]): void {
    writeTransaction(this.db, () => {
      for (const o of objects) {
        if (this.pending.has(o.pk)) {
          this.result.seen.add(o.pk)
          continue
        }
        const values = this.m.row(o, this.exists.get(o.pk) !== undefined)
        if (!values) continue
        if (this.required.some(([column, row]) => row.get(values[column]) === undefined)) {
          this.result.skipped++
          continue
        }
        this.upsert.run({ id: o.pk, ...values })
        this.result.written++
        this.result.seen.add(o.pk)
        const parent = this.m.parentColumn ? (values[this.m.parentColumn] as number | null) : null
        if (parent !== null && this.exists.get(parent) === undefined) this.orphans.push([o.pk, parent])
        if (this.m.barcodeHash && isModelType(this.m.model)) {
          const hash = this.m.barcodeHash(o)
          if (hash) {
            this.freeHash.run(hash, this.m.model, o.pk)
            this.link.run(this.m.model, o.pk, hash)
          } else this.unlink.run(this.m.model, o.pk)
        }
      }
    })
  }

  /** Rows listed before their parent get it once the whole list is written. */
  finish(): void {
    const column = this.m.parentColumn
    if (!column || this.orphans.length === 0) return
    const setParent = this.db.prepare(
      `UPDATE ${this.m.model} SET ${column} = (SELECT id FROM ${this.m.model} WHERE id = ?) WHERE id = ?`,
    )
    writeTransaction(this.db, () => {
      for (const [id, parent] of this.orphans) setParent.run(parent, id)
    })
  }
}

async function pullModel(
  db: Db,
  m: ReplicaModel,
  options: PullOptions,
  full: boolean,
  since: string | undefined,
  pending: Map<string, Set<number>>,
): Promise<ModelPull> {
  const limit = options.pageSize ?? DEFAULT_PAGE_SIZE
  const scopes: (number | undefined)[] = m.perOrder
    ? db
        .prepare<[], { id: number }>(
          `SELECT id FROM purchaseorder WHERE status IN (${OPEN_ORDER_STATES.map((s) => `'${s}'`).join(', ')}) ORDER BY id`,
        )
        .all()
        .map((r) => r.id)
    : [undefined]
  const result: ModelPull = { written: 0, skipped: 0, seen: new Set() }
  const writer = new ReplicaWriter(db, m, result, pending.get(m.model) ?? new Set())
  let done = 0
  let total = 0
  for (const order of scopes) {
    // A row deleted on the server while its list is read shifts the later ones back a page, so one of them would be
    // missed: the list is read again when its count changed meanwhile.
    for (let attempt = 0; attempt < 3; attempt++) {
      let offset = 0
      let firstCount: number | null = null
      let lastCount: number
      for (;;) {
        const query: PageQuery = {
          limit,
          offset,
          ...(full ? m.fullFilter : {}),
          ...(since ? { updated_after: since } : {}),
          ...(order !== undefined ? { order } : {}),
        }
        const page = expectData(await m.list(options.client, query), `listing the server's ${m.label}`)
        if (firstCount === null) {
          firstCount = page.count
          total += page.count
        }
        lastCount = page.count
        writer.writePage(page.results as { pk: number }[])
        offset += page.results.length
        done += page.results.length
        options.onProgress?.({ model: m.model, label: m.label, done: Math.min(done, total), total })
        if (page.results.length === 0 || offset >= page.count) break
      }
      if (lastCount === firstCount) break
    }
  }
  writer.finish()
  return result
}

/**
 * Deletes, children first, every row of a model that a full pull did not see, with its barcode link; except rows
 * the desk made (negative pks) or changed that the server has not settled yet.
 */
function removeUnlisted(
  db: Db,
  seen: Map<PulledModel, Set<number>>,
  pending: Map<string, Set<number>>,
): Record<PulledModel, number> {
  const removed = Object.fromEntries(replicaModels.map((m) => [m.model, 0])) as Record<PulledModel, number>
  writeTransaction(db, () => {
    for (const m of [...replicaModels].reverse()) {
      const listed = seen.get(m.model) ?? new Set<number>()
      const gone = db
        .prepare<[], number>(`SELECT id FROM ${m.model}`)
        .pluck()
        .all()
        .filter((id) => id > 0 && !listed.has(id) && !pending.get(m.model)?.has(id))
      if (gone.length === 0) continue
      // A subtree removed at once would otherwise refuse to lose a parent before its children.
      if (m.parentColumn) {
        const detach = db.prepare(`UPDATE ${m.model} SET ${m.parentColumn} = NULL WHERE id = ?`)
        for (const id of gone) detach.run(id)
      }
      const remove = db.prepare(`DELETE FROM ${m.model} WHERE id = ?`)
      const unlink = db.prepare('DELETE FROM barcodelink WHERE model_type = ? AND pk = ?')
      for (const id of gone) {
        remove.run(id)
        unlink.run(m.model, id)
      }
      removed[m.model] = gone.length
    }
  })
  return removed
}

export async function pullReplica(db: Db, options: PullOptions): Promise<PullSummary> {
  claimReplica(db)
  const state = new Map(
    db
      .prepare<[], { model: PulledModel; last_pull: string | null; last_full_pull: string | null }>(
        'SELECT model, last_pull, last_full_pull FROM inventree_pull',
      )
      .all()
      .map((r) => [r.model, r]),
  )
  // Until every model was once listed in full, the replica cannot know what it lacks.
  const full = options.full === true || replicaModels.some((m) => !state.get(m.model)?.last_full_pull)
  const now = options.now ?? (() => new Date())
  const record = db.prepare(
    `UPDATE inventree_pull SET last_pull = @at, last_full_pull = CASE WHEN @full THEN @at ELSE last_full_pull END,
       rows = @rows WHERE model = @model`,
  )
  const zero = (): Record<PulledModel, number> =>
    Object.fromEntries(replicaModels.map((m) => [m.model, 0])) as Record<PulledModel, number>
  const pulled = zero()
  const skipped = zero()
  const seen = new Map<PulledModel, Set<number>>()
  const pending = new Outbox(db).pendingTouches()
  for (const m of replicaModels) {
    const startedAt = now().toISOString()
    const last = state.get(m.model)?.last_pull
    const since = !full && m.incremental && last ? changedSince(last) : undefined
    const result = await pullModel(db, m, options, full, since, pending)
    pulled[m.model] = result.written
    skipped[m.model] = result.skipped
    seen.set(m.model, result.seen)
    const rows = (db.prepare(`SELECT count(*) AS n FROM ${m.model}`).get() as { n: number }).n
    writeTransaction(db, () => record.run({ at: startedAt, full: full ? 1 : 0, rows, model: m.model }))
  }
  const removed = full ? removeUnlisted(db, seen, pending) : zero()
  return { full, pulled, skipped, removed }
}

/** The detail reads of the rows a discarded desk action may have left different from the server. */
const DETAIL: Partial<Record<PulledModel, (c: InventreeClient, id: number) => Promise<DetailResult>>> = {
  stockitem: (c, id) => c.GET('/api/stock/{id}/', { params: { path: { id } } }),
  purchaseorder: (c, id) => c.GET('/api/order/po/{id}/', { params: { path: { id } } }),
  purchaseorderline: (c, id) => c.GET('/api/order/po-line/{id}/', { params: { path: { id } } }),
}
type DetailResult = { data?: unknown; error?: unknown; response: Response }

/**
 * Reads rows again from the server, one by one, and writes them as a pull would (a row the server no longer has
 * is deleted); for models without a detail read here, the next full pull does it.
 */
export async function refreshRows(
  db: Db,
  client: InventreeClient,
  keys: { model: string; pk: number }[],
): Promise<number> {
  let refreshed = 0
  for (const key of keys) {
    const read = DETAIL[key.model as PulledModel]
    const m = replicaModels.find((r) => r.model === key.model)
    if (!read || !m || key.pk <= 0) continue
    const result = await read(client, key.pk)
    if (result.response.status === 404) {
      writeTransaction(db, () => {
        db.prepare(`DELETE FROM ${m.model} WHERE id = ?`).run(key.pk)
        db.prepare('DELETE FROM barcodelink WHERE model_type = ? AND pk = ?').run(m.model, key.pk)
      })
    } else {
      const object = expectData(result, `reading ${m.label} ${key.pk} again`) as { pk: number }
      new ReplicaWriter(db, m, { written: 0, skipped: 0, seen: new Set() }, new Set()).writePage([object])
    }
    refreshed++
  }
  return refreshed
}
