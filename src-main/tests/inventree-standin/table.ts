/**
 * One model's rows as the stand-in keeps them: the plain array of its data file (which tests read and may replace
 * wholesale) plus the indexes a large inventory needs, by pk and by barcode hash. The indexes follow the array: a
 * replaced array, or one whose length changed behind the table's back, is indexed again on the next lookup, so a
 * test that edits `state.data` directly is still seen. Rows changed through the table stay indexed as they change.
 */
export interface Row {
  pk: number
  barcode_hash?: string
}

export class Table<T extends Row> {
  private rows: T[] | undefined
  private length = -1
  private readonly byPk = new Map<number, T>()
  private readonly byHash = new Map<string, Set<T>>()
  private ordered: T[] = []
  // The largest pk ever handed out: like a database sequence, a deleted row's pk is not given again.
  private highWater = 0

  constructor(
    private readonly source: () => T[] | undefined,
    private readonly setSource: (rows: T[]) => void,
  ) {}

  private sync(): T[] {
    const rows = this.source()
    if (rows === this.rows && (rows?.length ?? 0) === this.length) return this.ordered
    this.rows = rows
    this.length = rows?.length ?? 0
    this.byPk.clear()
    this.byHash.clear()
    for (const row of rows ?? []) {
      this.byPk.set(row.pk, row)
      this.addHash(row)
      if (row.pk > this.highWater) this.highWater = row.pk
    }
    this.ordered = [...(rows ?? [])].sort((a, b) => a.pk - b.pk)
    return this.ordered
  }

  private addHash(row: T): void {
    if (!row.barcode_hash) return
    let set = this.byHash.get(row.barcode_hash)
    if (!set) this.byHash.set(row.barcode_hash, (set = new Set()))
    set.add(row)
  }

  private dropHash(row: T, hash: string | undefined): void {
    if (!hash) return
    const set = this.byHash.get(hash)
    set?.delete(row)
    if (set?.size === 0) this.byHash.delete(hash)
  }

  get(pk: number | null | undefined): T | undefined {
    this.sync()
    return pk === null || pk === undefined ? undefined : this.byPk.get(pk)
  }

  /** Every row, ordered by pk (the table's own array: do not change it). */
  all(): readonly T[] {
    return this.sync()
  }

  get size(): number {
    return this.sync().length
  }

  /** The row with this barcode hash and the lowest pk, as InvenTree's `lookup_barcode` answers with `.first()`. */
  byBarcodeHash(hash: string): T | undefined {
    this.sync()
    let first: T | undefined
    for (const row of this.byHash.get(hash) ?? [])
      if (row.barcode_hash === hash && (!first || row.pk < first.pk)) first = row
    return first
  }

  nextPk(): number {
    this.sync()
    return this.highWater + 1
  }

  insert(row: T): T {
    this.sync()
    let rows = this.rows
    if (!rows) {
      rows = []
      this.setSource(rows)
      this.rows = rows
    }
    rows.push(row)
    this.length = rows.length
    this.byPk.set(row.pk, row)
    this.addHash(row)
    if (row.pk > this.highWater) this.highWater = row.pk
    const last = this.ordered[this.ordered.length - 1]
    if (!last || last.pk < row.pk) this.ordered.push(row)
    else this.ordered.splice(this.position(row.pk), 0, row)
    return row
  }

  remove(row: T): void {
    this.sync()
    const rows = this.rows ?? []
    const at = rows.indexOf(row)
    if (at < 0) return
    rows.splice(at, 1)
    this.length = rows.length
    this.byPk.delete(row.pk)
    this.dropHash(row, row.barcode_hash)
    this.ordered.splice(this.position(row.pk), 1)
  }

  /** Keeps the hash index in step when a row's barcode hash was just changed from `previous`. */
  rehash(row: T, previous: string | undefined): void {
    this.sync()
    this.dropHash(row, previous)
    this.addHash(row)
  }

  private position(pk: number): number {
    let lo = 0
    let hi = this.ordered.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.ordered[mid]!.pk < pk) lo = mid + 1
      else hi = mid
    }
    return lo
  }
}
