/**
 * `npm run web`: serves the built renderer and the Station on 127.0.0.1 (`tsx src-main/web-host/serve.ts
 * [--db FILE] [--port N]`). Prints exactly one line to stdout, `Scan Station web host: <url>`, which the e2e
 * fixture reads; everything else goes to stderr and the log (`logs/` beside the database). Its services boot in
 * order and shut down in reverse on SIGINT / SIGTERM.
 */
import { existsSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { fileOrStderrLogger, logsDir } from '../core/log/logger'
import { defaultDatabasePath } from '../core/paths'
import { ServiceBootError, ServiceHost } from '../core/services'
import type { Station } from '../core/station'
import { StationServices } from '../core/station-services'
import { ScannerService } from '../devices/scanner-service'
import { PhoneLinkService } from '../phone-link/service'
import { WebServerService } from './server'

const DEFAULT_PORT = 5823
const rendererDir = resolve(import.meta.dirname, '../../out/renderer')

function fail(message: string): never {
  process.stderr.write(`scan-station web: ${message}\n`)
  process.exit(2)
}

async function main(): Promise<void> {
  let values: { db?: string; port?: string; demo?: boolean; 'no-demo'?: boolean; help?: boolean }
  try {
    ;({ values } = parseArgs({
      options: {
        db: { type: 'string' },
        port: { type: 'string' },
        // Neither: a new database asks at its first start (demo, empty, or InvenTree). --demo seeds it at once (the
        // tests, a quick look); --no-demo starts it without (a desk for an InvenTree server, to pull a replica into).
        demo: { type: 'boolean' },
        'no-demo': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }))
  } catch (err) {
    fail(err instanceof Error ? err.message : String(err))
  }
  if (values.help) {
    process.stderr.write(
      'usage: tsx src-main/web-host/serve.ts [--db FILE] [--port N] [--demo|--no-demo]   (--port 0: any free port)\n',
    )
    return
  }
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be 0..65535, got ${values.port}`)
  if (!existsSync(resolve(rendererDir, 'index.html')))
    fail(`no built renderer in ${rendererDir}: run \`npx electron-vite build\``)

  if (values.demo && values['no-demo']) fail('--demo and --no-demo contradict each other: give one')
  const demo = values.demo ? true : values['no-demo'] ? false : 'ask'
  const dbPath = resolve(values.db ?? defaultDatabasePath())
  const logger = fileOrStderrLogger({ dir: logsDir(dirname(dbPath)) })
  // The scanner service feeds the Station and is its wedge calibration: each reads the other once booted.
  const scanners: ScannerService = new ScannerService((): Station => station.station, { logger })
  // The phone link listens only when an admin enables it; the Station drives it through its provider.
  const phoneLink = new PhoneLinkService((): Station => station.station, rendererDir)
  const station = new StationServices({
    dbPath,
    logger,
    wedgeCalibration: scanners,
    phoneLink: phoneLink.provider,
    demo,
  })
  const web = new WebServerService(() => ({
    station: station.station,
    port,
    rendererDir,
    scanners: scanners.hub ?? undefined,
  }))
  const services = new ServiceHost(logger).add(...station.services, scanners, phoneLink, web)
  try {
    await services.boot()
  } catch (err) {
    await logger.close()
    fail(err instanceof ServiceBootError ? err.message : String(err))
  }

  let stopping = false
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return
    stopping = true
    process.stderr.write(`scan-station web: ${signal}, closing\n`)
    logger.info(`${signal}: closing`)
    void services
      .shutdown()
      .then(() => logger.close())
      .finally(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)

  process.stderr.write(`scan-station web: database ${dbPath}\n`)
  const health = station.station.stationHealth()
  // The page shows the same message in its banner; the station answers its health, backups and a restore.
  if (!health.available) process.stderr.write(`scan-station web: ${health.problem.message}\n`)
  logger.info('web host listening', { origin: web.host.origin, database: dbPath })
  process.stdout.write(`Scan Station web host: ${web.host.url}\n`)
}

// The reason, never a stack trace: a person reads this line (the log beside the database keeps the detail).
main().catch((err: unknown) => fail(err instanceof Error ? err.message : String(err)))
