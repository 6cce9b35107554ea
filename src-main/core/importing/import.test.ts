import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDbPath } from '../../tests/support/temp-db'
import { inventreePartCsv, writeInventreePartXlsx } from '../../tests/support/inventree-part-export'
import { dbOf, openTestStation, signInAdmin } from '../../tests/support/station'
import type { Station } from '../station'

const emptyStation = async (): Promise<Station> => {
  const station = openTestStation({ dbPath: tempDbPath(), demo: false, startUserPlugins: false, syncIntervalMs: 0 })
  await signInAdmin(station)
  return station
}

const parts = (station: Station): number => station.info().counts.parts

async function importFile(station: Station, fileName: string, bytes: Buffer) {
  const preview = await station.importPrepare({ kind: 'parts', fileName, content: bytes.toString('base64') })
  const report = await station.importValidate({ job: preview.job })
  return { preview, report }
}

// Files of 10,000 rows on a shared machine: the time is the benchmark's to measure, not these tests'.
describe('importing an InvenTree part export', { timeout: 120_000 }, () => {
  it('recognises InvenTree columns, imports 10,000 parts, and a second import updates them instead', async () => {
    const station = await emptyStation()
    const csv = inventreePartCsv(10_000)
    const { preview, report } = await importFile(station, 'Part-export.csv', csv)
    expect(preview.recognised).toBe('inventree')
    expect(preview.mapping).toMatchObject({
      ipn: 'IPN',
      name: 'Name',
      description: 'Description',
      category: 'Category Name',
    })
    expect(preview.preview).toHaveLength(10)
    expect(report).toMatchObject({ rows: 10_000, creates: 10_000, updates: 0, errors: [], ready: true })
    // Checked, not written.
    expect(parts(station)).toBe(0)
    expect(station.importCommit({ job: preview.job })).toEqual({ created: 10_000, updated: 0 })
    expect(parts(station)).toBe(10_000)

    const again = await importFile(station, 'Part-export.csv', csv)
    expect(again.report).toMatchObject({ rows: 10_000, creates: 0, updates: 10_000, ready: true })
    station.importCommit({ job: again.preview.job })
    expect(parts(station)).toBe(10_000)

    const db = dbOf(station)
    const part = db
      .prepare(
        "SELECT p.*, c.name AS category FROM part p JOIN partcategory c ON c.id = p.category_id WHERE ipn = 'P-000097'",
      )
      .get()
    // Row 97 is an inactive part in the export: archived here, with its category made from "Category Name".
    expect(part).toMatchObject({ name: 'Part 97', category: 'ICs', archived: 1, units: 'pcs' })
    const log = db
      .prepare("SELECT operator_name, action, count(*) AS n FROM editlog WHERE model_type = 'part' GROUP BY action")
      .all()
    expect(log).toEqual([
      { operator_name: 'Admin', action: 'import create', n: 10_000 },
      { operator_name: 'Admin', action: 'import update', n: 10_000 },
    ])
    station.close()
  })

  it('reports exactly the rows that are wrong, with their row numbers, and writes nothing', async () => {
    const station = await emptyStation()
    const csv = inventreePartCsv(10_000, (i, row) => {
      if (i === 55) row['Name'] = ''
      if (i === 4998) row['IPN'] = 'P-000010'
      if (i === 8999) row['Active'] = 'perhaps'
    })
    const { preview, report } = await importFile(station, 'bad.csv', csv)
    // Row 1 is the header, so part i is on row i + 2.
    expect(report.errors.map((e) => e.row)).toEqual([57, 5000, 9001])
    expect(report.errors[1]!.message).toBe('IPN P-000010 is also on row 12')
    expect(report.ready).toBe(false)
    expect(() => station.importCommit({ job: preview.job })).toThrow(/3 row error/)
    expect(parts(station)).toBe(0)
    station.close()
  })

  it('reads the same export from an XLSX workbook', async () => {
    const station = await emptyStation()
    const path = join(tempDbPath(), '..', 'parts.xlsx')
    await writeInventreePartXlsx(path, 1_000)
    const { preview, report } = await importFile(station, 'parts.xlsx', readFileSync(path))
    expect(preview.recognised).toBe('inventree')
    expect(report).toMatchObject({ rows: 1_000, creates: 1_000, errors: [] })
    station.importCommit({ job: preview.job })
    expect(parts(station)).toBe(1_000)
    station.close()
  })

  it('takes a mapping for a file with its own headers, and refuses one that leaves out a required field', async () => {
    const station = await emptyStation()
    const csv = Buffer.from('Artikel;Bezeichnung;Einheit\nA-1;Schraube M3;pcs\nA-2;Kabel;m\n')
    const preview = await station.importPrepare({
      kind: 'parts',
      fileName: 'eigene.csv',
      content: csv.toString('base64'),
    })
    expect(preview.recognised).toBeNull()
    expect(preview.headers).toEqual(['Artikel', 'Bezeichnung', 'Einheit'])
    await expect(station.importValidate({ job: preview.job, mapping: { ipn: 'Artikel' } })).rejects.toThrow(
      /column for Name/,
    )
    const report = await station.importValidate({
      job: preview.job,
      mapping: { ipn: 'Artikel', name: 'Bezeichnung', units: 'Einheit' },
    })
    expect(report).toMatchObject({ rows: 2, creates: 2, ready: true })
    station.importCommit({ job: preview.job })
    expect(dbOf(station).prepare('SELECT ipn, name, units FROM part ORDER BY ipn').all()).toEqual([
      { ipn: 'A-1', name: 'Schraube M3', units: 'pcs' },
      { ipn: 'A-2', name: 'Kabel', units: 'm' },
    ])
    station.close()
  })

  it('stops a check under way when cancelled', async () => {
    const station = await emptyStation()
    const preview = await station.importPrepare({
      kind: 'parts',
      fileName: 'big.csv',
      content: inventreePartCsv(50_000).toString('base64'),
    })
    const checking = station.importValidate({ job: preview.job })
    expect(station.importCancel({ job: preview.job })).toEqual({ cancelled: true })
    await expect(checking).rejects.toThrow(/cancelled/)
    expect(parts(station)).toBe(0)
    station.close()
  })
})
