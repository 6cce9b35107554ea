/**
 * The command-line face of the Station, for scripts, admins and benchmarks:
 *   seed    [--db FILE] [--scale N]
 *   scan    [--db FILE] [--source S] DATA | -
 *   history [--db FILE] [--limit N] [--format json|csv]
 *   parse   DATA
 *   link    [--db FILE] MODEL PK DATA   |   unlink [--db FILE] MODEL PK
 *   decode  [--format json|text] FILE...
 *   label   [--db FILE] MODEL PK [--template T] --out FILE.pdf
 *   inventree connect|status|disconnect [--db FILE] ...
 *   backups [--db FILE]   |   backup [--db FILE]   |   restore [--db FILE] [BACKUP]
 *   import  [--db FILE] KIND FILE [--map JSON] [--dry-run]   |   export [--db FILE] KIND --format csv|xlsx --out F
 * Exit codes: 0 success (a match, for scan), 1 no match, 2 bad input or usage, or a database the station cannot
 * use (damaged, from a newer station, read-only, a full disk): the message names the file and the cause.
 */
import { parseArgs } from 'node:util'
import { scanSources, type ScanOutcome, type ScanSource } from '../contract'
import { seedDatabase } from '../core/demo/seed-database'
import { defaultDatabasePath } from '../core/paths'
import { parseOnly } from '../core/barcode/parse-only'
import type { Station } from '../core/station'
import { closeCliStation, openCliStation } from './open-station'
import { dispatch } from '../dispatch'
import { historyCommand } from './history'
import { INVENTREE_USAGE } from './inventree-usage'
import { INVENTORY_USAGE } from './inventory-usage'
import { scanStream } from './scan-stream'

export const USAGE = `Usage: npm run --silent cli -- <command> [options]
  seed    [--db FILE] [--scale N] [--links M] [--history H]
                                             create the database with demo data; --scale adds N synthetic stock
                                             items, --links links M synthetic carton labels (EXT-00000000…),
                                             --history adds H synthetic scans over the last 30 days
  scan    [--db FILE] [--source S] DATA      resolve one barcode, print the result JSON (exit 0 match, 1 no match)
  scan    [--db FILE] [--source S] -         one barcode a line on stdin, one JSON result a line on stdout
  history [--db FILE] [--limit N] [--format json|csv]
  parse   DATA                               show what each parser reads in DATA (no database)
  link    [--db FILE] MODEL PK DATA          link an external barcode to an item
  unlink  [--db FILE] MODEL PK               remove an item's external barcode
  decode  [--format json|text] FILE...       decode barcodes in JPEG/PNG files, one JSON line per file; text:
                                             every symbol found, its format, whether it is confirmed, the
                                             one chosen marked * (exit 0 all decoded, 1 some had none, 2 unreadable)
  label   [--db FILE] MODEL PK [--template T] --out FILE.pdf
                                             print a label to PDF, verified by re-scanning it (--list [MODEL])
${INVENTREE_USAGE}
  backups [--db FILE]                        list the database's backups, newest first, each with its check
  backup  [--db FILE]                        copy the database into its backups folder now
  restore [--db FILE] [BACKUP]               put BACKUP (default: the newest good one) in place of the database,
                                             after checking it; the replaced file is kept aside
${INVENTORY_USAGE}
Without --db the station's default database is used: ${defaultDatabasePath()}`

export class UsageError extends Error {}

/** A scan whose database write failed ends the command with the reason (the file and the cause), not a trace. */
function explainedScan(station: Station, input: Parameters<Station['scan']>[0]): ReturnType<Station['scan']> {
  try {
    return station.scan(input)
  } catch (err) {
    const explained = station.explainFailure(err)
    throw explained ? new Error(explained.message) : err
  }
}

/** `scan`'s exit code by outcome: an ambiguous match is not a match, so it exits like refused data. */
const SCAN_EXIT: Record<ScanOutcome, number> = {
  matched: 0,
  command: 0,
  operator: 0,
  no_match: 1,
  ambiguous: 2,
  error: 2,
}

const OPTIONS = {
  db: { type: 'string' },
  scale: { type: 'string' },
  links: { type: 'string' },
  history: { type: 'string' },
  source: { type: 'string' },
  limit: { type: 'string' },
  format: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const

export function positiveInt(text: string | undefined, name: string, fallback: number): number {
  if (text === undefined) return fallback
  const n = Number(text)
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || n < 1)
    throw new UsageError(`--${name} must be a positive whole number, not "${text}"`)
  return n
}

async function run(argv: string[]): Promise<number> {
  // `label` has options of its own (--template, --out, --list); it parses its arguments itself.
  // The decoders are loaded only by the commands that need them, so `scan` starts fast.
  if (argv[0] === 'label') return (await import('./label')).labelCommand(argv.slice(1))
  if (argv[0] === 'inventree') return (await import('./inventree')).inventreeCommand(argv.slice(1))
  if (argv[0] === 'import') return (await import('./inventory')).importCommand(argv.slice(1))
  if (argv[0] === 'export') return (await import('./inventory')).exportCommand(argv.slice(1))
  const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true })
  const [command, ...rest] = positionals
  if (values.help || !command) {
    process.stdout.write(`${USAGE}\n`)
    return values.help ? 0 : 2
  }
  const dbPath = values.db ?? defaultDatabasePath()
  switch (command) {
    case 'seed': {
      if (rest.length) throw new UsageError('seed takes no positional arguments')
      const scale = values.scale === undefined ? 0 : positiveInt(values.scale, 'scale', 0)
      const links = values.links === undefined ? 0 : positiveInt(values.links, 'links', 0)
      const history = values.history === undefined ? undefined : positiveInt(values.history, 'history', 0)
      const { counts, ...report } = seedDatabase({ dbPath }, { scale, links, history })
      process.stdout.write(`${JSON.stringify({ database: dbPath, ...report, ...counts })}\n`)
      return 0
    }
    case 'scan': {
      if (rest.length !== 1) throw new UsageError('scan takes exactly one DATA argument (or - for stdin)')
      const source = (values.source ?? 'cli') as ScanSource
      if (!scanSources.includes(source)) throw new UsageError(`--source must be one of ${scanSources.join(', ')}`)
      const station = openCliStation(dbPath)
      try {
        if (rest[0] === '-') {
          // Lines answered with a failure make the stream's exit code 2, though it went on to the end.
          return (await scanStream(station, source, process.stdin, process.stdout)) > 0 ? 2 : 0
        }
        const result = explainedScan(station, { data: rest[0]!, source })
        process.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
        return SCAN_EXIT[result.outcome]
      } finally {
        await closeCliStation(station)
      }
    }
    case 'history': {
      if (rest.length) throw new UsageError('history takes no positional arguments')
      const format = values.format ?? 'json'
      if (format !== 'json' && format !== 'csv') throw new UsageError('--format must be json or csv')
      const station = openCliStation(dbPath)
      try {
        process.stdout.write(await historyCommand(station, positiveInt(values.limit, 'limit', 20), format))
      } finally {
        await closeCliStation(station)
      }
      return 0
    }
    case 'decode': {
      if (!rest.length) throw new UsageError('decode takes one or more image FILEs')
      const format = values.format ?? 'json'
      if (format !== 'json' && format !== 'text') throw new UsageError('--format must be json or text')
      return (await import('./decode')).decodeCommand(rest, process.stdout, format)
    }
    case 'parse': {
      if (rest.length !== 1) throw new UsageError('parse takes exactly one DATA argument')
      const report = parseOnly(rest[0]!)
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
      return report.parsers.some((p) => p.fields) ? 0 : 1
    }
    case 'link':
    case 'unlink': {
      const [model, pkText, data] = rest
      if (rest.length !== (command === 'link' ? 3 : 2))
        throw new UsageError(`${command} takes MODEL PK${command === 'link' ? ' DATA' : ''}`)
      const arg = command === 'link' ? { model, pk: Number(pkText), data } : { model, pk: Number(pkText) }
      const station = openCliStation(dbPath)
      try {
        // The CLI goes through the same validation as the renderer, so a typo gets the same clear error.
        const reply = await dispatch(station, command, arg)
        process.stdout.write(`${JSON.stringify(reply.ok ? reply.value : reply.error, null, 2)}\n`)
        return reply.ok ? 0 : reply.error.code === 'invalid_argument' ? 2 : 1
      } finally {
        await closeCliStation(station)
      }
    }
    case 'backups':
    case 'backup':
    case 'restore': {
      if (rest.length > (command === 'restore' ? 1 : 0))
        throw new UsageError(
          command === 'restore' ? 'restore takes at most one BACKUP' : `${command} takes no positional arguments`,
        )
      const files = await import('./backups')
      if (command === 'backups') process.stdout.write(files.backupsCommand(dbPath))
      else if (command === 'backup') process.stdout.write(await files.backupCommand(dbPath))
      else process.stdout.write(files.restoreCommand(dbPath, rest[0]))
      return 0
    }
    default:
      throw new UsageError(`Unknown command "${command}"`)
  }
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (err: unknown) => {
    const usage =
      err instanceof UsageError ||
      (err instanceof Error && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS'))
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n${usage ? `\n${USAGE}\n` : ''}`)
    process.exitCode = 2
  },
)
