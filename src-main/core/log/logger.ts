/**
 * The station's log: one JSON line per event (pino), written to a rotating file in the app's data folder, so a
 * desk station can be debugged from its log after the fact. Hosts create it and pass it to the Station and the
 * services; nothing logs to stdout, which belongs to the CLI's JSON and the web host's one URL line.
 */
import { mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { once } from 'node:events'
import type Pino from 'pino'
import type * as RotatingFileStream from 'rotating-file-stream'
import type { FileSize } from 'rotating-file-stream'

// pino takes a tenth of a second to load: loaded when the first logger is made, not when the Station is
// imported, so a CLI `scan` that logs nothing starts without it.
const load = createRequire(import.meta.url)
const pino = (): typeof Pino => load('pino') as typeof Pino
const rotating = (): typeof RotatingFileStream => load('rotating-file-stream') as typeof RotatingFileStream

export interface Logger {
  info(message: string, details?: unknown): void
  warn(message: string, details?: unknown): void
  error(message: string, details?: unknown): void
  /** Writes what is buffered and closes the file (the last service to shut down). */
  close(): Promise<void>
}

export const LOG_FILE = 'station.log'

export interface FileLoggerOptions {
  /** The folder of the log files (created when missing). */
  dir: string
  /** Rotate when the file reaches this size (default 5M). */
  size?: FileSize
  /** Rotated files kept beside the live one: station.log.1 (newest) … station.log.N (default 5). */
  keep?: number
  level?: 'debug' | 'info' | 'warn' | 'error'
}

/** The logs folder of a data folder: `<data>/logs`, the same for every host. */
export function logsDir(dataDir: string): string {
  return join(dataDir, 'logs')
}

/** Keys whose values never reach the log: the web host's token guards the station from other local pages. */
const REDACT = ['token', '*.token', 'details.token']

/** A pino logger writing to a rotating file. */
export function createFileLogger(options: FileLoggerOptions): Logger {
  mkdirSync(options.dir, { recursive: true })
  const stream = rotating().createStream(LOG_FILE, {
    path: options.dir,
    size: options.size ?? '5M',
    rotate: options.keep ?? 5,
  })
  // A failing disk must not take the station down with it: the log is best effort.
  stream.on('error', () => {})
  // A stream that failed (a full disk) never finishes: closing it must not leave the process waiting on nothing,
  // which would end it with exit code 0 before its command's own code is set.
  return wrap(pino()({ level: options.level ?? 'info', redact: { paths: REDACT, censor: '[hidden]' } }, stream), () =>
    stream.writableEnded || stream.destroyed
      ? Promise.resolve()
      : (stream.end(),
        Promise.race([once(stream, 'finish'), once(stream, 'close')]).then(
          () => undefined,
          () => undefined,
        )),
  )
}

const stderrLoggers = new Map<string, Logger>()

/** A logger to stderr (tests, and a Station opened without one): never stdout. One per level, shared. */
export function stderrLogger(level: NonNullable<FileLoggerOptions['level']> = 'warn'): Logger {
  let logger = stderrLoggers.get(level)
  if (!logger) {
    logger = lazyLogger(() =>
      wrap(pino()({ level, redact: { paths: REDACT, censor: '[hidden]' } }, pino().destination(2)), () =>
        Promise.resolve(),
      ),
    )
    stderrLoggers.set(level, logger)
  }
  return logger
}

/** A logger made on its first line, so a run that has nothing to report neither loads pino nor makes a file. */
function lazyLogger(create: () => Logger): Logger {
  let logger: Logger | null = null
  const get = (): Logger => (logger ??= create())
  return {
    info: (message, details) => get().info(message, details),
    warn: (message, details) => get().warn(message, details),
    error: (message, details) => get().error(message, details),
    close: () => logger?.close() ?? Promise.resolve(),
  }
}

/** A file logger created on its first line: a CLI run that logs nothing leaves no log folder behind. */
export function lazyFileLogger(options: FileLoggerOptions): Logger {
  return lazyLogger(() => fileOrStderrLogger(options))
}

/** The file log, or stderr when its folder cannot be made (a read-only folder): the station still says why. */
export function fileOrStderrLogger(options: FileLoggerOptions): Logger {
  try {
    return createFileLogger(options)
  } catch {
    return stderrLogger(options.level ?? 'info')
  }
}

/** Drops everything (tests that provoke errors on purpose). */
export const silentLogger: Logger = {
  info: () => {},
  warn: () => {},
  error: () => {},
  close: () => Promise.resolve(),
}

function wrap(p: Pino.Logger, close: () => Promise<void>): Logger {
  const write =
    (level: 'info' | 'warn' | 'error') =>
    (message: string, details?: unknown): void => {
      if (details === undefined) p[level](message)
      else if (details instanceof Error) p[level]({ err: details }, message)
      else p[level]({ details }, message)
    }
  return { info: write('info'), warn: write('warn'), error: write('error'), close }
}
