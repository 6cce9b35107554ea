/**
 * `import` and `export` of the CLI: the station's own inventory from and to CSV or XLSX files.
 *   import [--db FILE] KIND FILE [--map JSON] [--dry-run]     KIND: parts, supplierparts, locations, purchaseorders
 *   export [--db FILE] KIND --format csv|xlsx --out FILE       KIND: parts, stock, receipts, tracking
 * `import` prints its report as JSON; it exits 0 when written (or, with --dry-run, when it would be), 1 when a
 * row is wrong (nothing is written then), 2 on bad usage. Progress goes to stderr.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { basename } from 'node:path'
import { parseArgs } from 'node:util'
import { ColumnMappingSchema, exportKinds, importKinds, type ExportKind, type ImportKind } from '../contract'
import { exportFile } from '../core/exporting/export-file'
import { importFile } from '../core/importing/import-file'
import { cliActor } from '../core/inventory/actor'
import { refuseOnReplica } from '../core/inventory/edit-guard'
import { defaultDatabasePath } from '../core/paths'
import { openStationDatabase } from '../core/station'
import { INVENTORY_USAGE } from './inventory-usage'

class InventoryUsageError extends Error {}

const isIn = <T extends string>(list: readonly T[], value: string | undefined): value is T =>
  value !== undefined && (list as readonly string[]).includes(value)

export const importCommand = (argv: string[]): Promise<number> => usageGuard(() => importing(argv))
export const exportCommand = (argv: string[]): Promise<number> => usageGuard(() => exporting(argv))

async function usageGuard(run: () => Promise<number>): Promise<number> {
  try {
    return await run()
  } catch (err) {
    const usage = err instanceof InventoryUsageError || (err instanceof SyntaxError && err.message.includes('JSON'))
    if (!usage) throw err
    process.stderr.write(`${err.message}\n\nUsage: npm run --silent cli -- ...\n${INVENTORY_USAGE}\n`)
    return 2
  }
}

async function importing(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { db: { type: 'string' }, map: { type: 'string' }, 'dry-run': { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  })
  const [kind, file, ...rest] = positionals
  if (!isIn(importKinds, kind) || !file || rest.length)
    throw new InventoryUsageError(`import takes KIND (${importKinds.join(', ')}) and FILE`)
  let mapping
  if (values.map !== undefined) {
    const parsed = ColumnMappingSchema.safeParse(JSON.parse(values.map))
    if (!parsed.success) throw new InventoryUsageError('--map must be a JSON object of field: column header')
    mapping = parsed.data
  }
  const db = openStationDatabase({ dbPath: values.db ?? defaultDatabasePath(), demo: false })
  try {
    refuseOnReplica(db)
    let shown = -1
    const outcome = await importFile(
      db,
      {
        kind: kind as ImportKind,
        fileName: basename(file),
        bytes: readFileSync(file),
        mapping,
        dryRun: values['dry-run'],
      },
      cliActor(),
      (_job, rows, fraction) => {
        const percent = Math.floor(fraction * 100)
        if (percent >= shown + 10 || fraction === 1)
          process.stderr.write(`checked ${rows} rows (${(shown = percent)}%)\n`)
      },
    )
    process.stdout.write(`${JSON.stringify(outcome, null, 2)}\n`)
    return outcome.report.ready ? 0 : 1
  } finally {
    db.close()
  }
}

async function exporting(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { db: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  })
  const [kind, ...rest] = positionals
  if (!isIn(exportKinds, kind) || rest.length)
    throw new InventoryUsageError(`export takes KIND (${exportKinds.join(', ')})`)
  if (values.format !== 'csv' && values.format !== 'xlsx') throw new InventoryUsageError('--format must be csv or xlsx')
  if (!values.out) throw new InventoryUsageError('export needs --out FILE')
  const db = openStationDatabase({ dbPath: values.db ?? defaultDatabasePath(), demo: false })
  try {
    const file = await exportFile(db, kind as ExportKind, values.format, {})
    writeFileSync(values.out, file.bytes)
    process.stdout.write(`${JSON.stringify({ out: values.out, kind, format: values.format, rows: file.rows })}\n`)
    return 0
  } finally {
    db.close()
  }
}
