/**
 * `npm run web`: serves the built renderer and the Station on 127.0.0.1 (`tsx src-main/web-host/serve.ts
 * [--db FILE] [--port N]`). Prints exactly one line to stdout, `Scan Station web host: <url>`, which the e2e
 * fixture reads; everything else goes to stderr. Closes the Station cleanly on SIGINT / SIGTERM.
 */
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { Station } from '../core/station'
import { defaultDatabasePath } from '../core/paths'
import { startScannerHub, type RunningScanners } from '../devices/hub-options'
import { startWebHost } from './server'

const DEFAULT_PORT = 5823
const rendererDir = resolve(import.meta.dirname, '../../out/renderer')

function fail(message: string): never {
  process.stderr.write(`scan-station web: ${message}\n`)
  process.exit(2)
}

async function main(): Promise<void> {
  let values: { db?: string; port?: string; help?: boolean }
  try {
    ;({ values } = parseArgs({
      options: { db: { type: 'string' }, port: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
    }))
  } catch (err) {
    fail(err instanceof Error ? err.message : String(err))
  }
  if (values.help) {
    process.stderr.write('usage: tsx src-main/web-host/serve.ts [--db FILE] [--port N]   (--port 0: any free port)\n')
    return
  }
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be 0..65535, got ${values.port}`)
  if (!existsSync(resolve(rendererDir, 'index.html')))
    fail(`no built renderer in ${rendererDir}: run \`npx electron-vite build\``)

  const dbPath = resolve(values.db ?? defaultDatabasePath())
  const station = Station.open({ dbPath })
  // Wedge sessions for the pages, plus the serial and HID scanners the settings name (a socat pty in a test).
  const scanners: RunningScanners = await startScannerHub(station, {
    onError: (err, where) => process.stderr.write(`scan-station web: scanner ${where}: ${String(err)}\n`),
  })
  let host: Awaited<ReturnType<typeof startWebHost>>
  try {
    host = await startWebHost({ station, port, rendererDir, scanners: scanners.hub })
  } catch (err) {
    await scanners.stop()
    station.close()
    fail(err instanceof Error ? err.message : String(err))
  }

  let stopping = false
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return
    stopping = true
    process.stderr.write(`scan-station web: ${signal}, closing\n`)
    host
      .close()
      .then(() => scanners.stop())
      .catch((err: unknown) => process.stderr.write(`scan-station web: ${String(err)}\n`))
      .finally(() => {
        station.close()
        process.exit(0)
      })
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)

  process.stderr.write(`scan-station web: database ${dbPath}\n`)
  process.stdout.write(`Scan Station web host: ${host.url}\n`)
}

main().catch((err: unknown) => fail(err instanceof Error ? (err.stack ?? err.message) : String(err)))
