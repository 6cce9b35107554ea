import { setTimeout as sleep } from 'node:timers/promises'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { EventPayloads, JobProgress } from '../../contract'
import { dispatch } from '../../dispatch'
import { seedScale } from '../demo/seed'
import { rasterisePdf } from '../labels/verify'
import { decodeImage } from '../../../src-shared/decode/pipeline'
import { setupNodeDecoder } from '../decode/node'
import type { Station } from '../station'
import { dbOf, openTestStation, setSettingsAsAdmin } from '../../tests/support/station'
import { tempDbPath } from '../../tests/support/temp-db'

/** Enough labels that the job takes seconds in the worker, far longer than a scan. */
const LABELS = 120
const JOB_CALLER = 'web:1'
const OTHER_CALLER = 'web:2'

let station: Station
let progress: { payload: JobProgress; to: string | undefined }[]

beforeEach(() => {
  station = openTestStation({ dbPath: tempDbPath(), startUserPlugins: false, jobThreads: 1 })
  seedScale(dbOf(station), LABELS)
  progress = []
  station.on((event, payload, to) => {
    if (event === 'jobProgress') progress.push({ payload: payload as EventPayloads['jobProgress'], to })
  })
})
afterEach(() => station.close())

const stockItems = (n: number): { model: 'stockitem'; pk: number }[] =>
  Array.from({ length: n }, (_, i) => ({ model: 'stockitem', pk: i + 1 }))

const pageCount = (pdf: Buffer): number => (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length

/** Progress of one job, phase by phase, in the order it arrived. */
function phases(jobId: string): Map<string, number[]> {
  const byPhase = new Map<string, number[]>()
  for (const { payload } of progress.filter((p) => p.payload.jobId === jobId)) {
    byPhase.set(payload.phase, [...(byPhase.get(payload.phase) ?? []), payload.done])
  }
  return byPhase
}

async function untilProgress(jobId: string, phase: JobProgress['phase']): Promise<void> {
  while (!progress.some((p) => p.payload.jobId === jobId && p.payload.phase === phase)) await sleep(5)
}

describe('long jobs in the worker pool', () => {
  it('answers another caller’s scans and keeps the event loop turning while a label PDF renders', async () => {
    const order: string[] = []
    let ticks = 0
    const ticker = setInterval(() => ticks++, 10)
    let finished = false
    const job = dispatch(station, 'labelPdf', { items: stockItems(LABELS), jobId: 'big' }, JOB_CALLER).then((r) => {
      finished = true
      order.push('job')
      return r
    })
    let scans = 0
    while (!finished) {
      const reply = await dispatch(
        station,
        'scan',
        { data: `INV-SI${(scans % LABELS) + 1}`, source: 'manual' },
        OTHER_CALLER,
      )
      expect(reply).toMatchObject({ ok: true, value: { outcome: 'matched' } })
      order.push('scan')
      scans++
      await sleep(5)
    }
    const ticksDuringJob = ticks
    clearInterval(ticker)
    const reply = await job

    expect(order.indexOf('job')).toBeGreaterThan(20)
    expect(ticksDuringJob).toBeGreaterThan(20)

    // The PDF is whole and its labels read back: one page per label on the roll template, first and last decoded.
    expect(reply.ok).toBe(true)
    if (!reply.ok || !reply.value || !('pdfBase64' in reply.value)) throw new Error('no PDF')
    const pdf = Buffer.from(reply.value.pdfBase64, 'base64')
    expect(pageCount(pdf)).toBe(LABELS)
    setupNodeDecoder()
    for (const page of [1, LABELS]) {
      const read = await decodeImage(await rasterisePdf(pdf, 300, page), { effort: 'thorough' })
      expect(read?.text).toBe(station.getItem({ model: 'stockitem', pk: page }).barcode.preferred)
    }

    // Progress went to the job's caller only, rising in each phase up to the total.
    expect(progress.length).toBeGreaterThan(3)
    expect(progress.every((p) => p.to === JOB_CALLER)).toBe(true)
    const seen = phases('big')
    expect([...seen.keys()]).toEqual(['gather', 'queued', 'verify', 'render'])
    for (const phase of ['gather', 'verify', 'render']) {
      const done = seen.get(phase)!
      expect(done).toEqual([...done].sort((a, b) => a - b))
      expect(done.at(-1)).toBe(LABELS)
    }
    expect(seen.get('verify')!.length).toBeGreaterThan(10)
  }, 180_000)

  it('cancels a running job for its own caller only: the worker stops and no PDF comes back', async () => {
    const job = dispatch(station, 'labelPdf', { items: stockItems(LABELS), jobId: 'stop-me' }, JOB_CALLER)
    await untilProgress('stop-me', 'verify')
    expect(await dispatch(station, 'cancelJob', { jobId: 'stop-me' }, OTHER_CALLER)).toEqual({
      ok: true,
      value: { cancelled: false },
    })
    expect(await dispatch(station, 'cancelJob', { jobId: 'stop-me' }, JOB_CALLER)).toEqual({
      ok: true,
      value: { cancelled: true },
    })
    const reply = await job
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'cancelled', message: expect.stringMatching(/Cancelled/) },
    })
    const reported = progress.length
    const lastVerify = phases('stop-me').get('verify')!.at(-1)!
    expect(lastVerify).toBeLessThan(LABELS)

    // The pool goes on: the next job (the same name, now free) runs to its end, and the cancelled one said nothing more.
    const next = await dispatch(station, 'labelPdf', { items: stockItems(2), jobId: 'stop-me' }, JOB_CALLER)
    expect(next.ok).toBe(true)
    const after = progress.slice(reported)
    expect(after.length).toBeGreaterThan(0)
    expect(after.every((p) => p.payload.total !== LABELS)).toBe(true)
  }, 180_000)

  it('validates job ids and refuses a second job of the same name while the first runs', async () => {
    expect(await dispatch(station, 'cancelJob', { jobId: '../etc' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument', path: ['jobId'] },
    })
    expect(await dispatch(station, 'labelPdf', { items: stockItems(1), jobId: 'x'.repeat(65) })).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument', path: ['jobId'] },
    })
    expect(await dispatch(station, 'cancelJob', { jobId: 'nothing-running' })).toEqual({
      ok: true,
      value: { cancelled: false },
    })
    const first = dispatch(station, 'labelPdf', { items: stockItems(3), jobId: 'twice' }, JOB_CALLER)
    expect(await dispatch(station, 'labelPdf', { items: stockItems(3), jobId: 'twice' }, JOB_CALLER)).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    })
    // Another caller's job of that name is its own.
    const other = dispatch(station, 'labelPdf', { items: stockItems(1), jobId: 'twice' }, OTHER_CALLER)
    expect((await first).ok).toBe(true)
    expect((await other).ok).toBe(true)
  }, 180_000)

  it('writes the history CSV in a worker, with progress up to the row count', async () => {
    for (let i = 0; i < 2500; i++)
      station.scan({ data: i % 3 ? `INV-SI${(i % LABELS) + 1}` : `nope-${i}`, source: 'manual' })
    // This desk lets anyone export (the default is the admin only): the job's caller has nobody signed in.
    await setSettingsAsAdmin(station, { 'history.exportBy': 'anyone' })
    const reply = await dispatch(
      station,
      'historyExport',
      { filter: { results: ['no_match'] }, jobId: 'csv' },
      JOB_CALLER,
    )
    expect(reply.ok).toBe(true)
    if (!reply.ok || !reply.value || !('csv' in reply.value)) throw new Error('no CSV')
    const total = station.historyQuery({ filter: { results: ['no_match'] } }).total
    expect(reply.value.rows).toBe(total)
    expect(reply.value.csv.trim().split('\r\n')).toHaveLength(total + 1)
    expect(reply.value.csv).toContain('nope-0')
    expect(reply.value.csv).not.toContain('INV-SI')
    const done = phases('csv').get('export')!
    expect(done[0]).toBe(0)
    expect(done.at(-1)).toBe(total)
    expect(done).toEqual([...done].sort((a, b) => a - b))
  }, 180_000)
})
