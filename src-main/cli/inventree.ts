/**
 * `inventree` commands of the CLI: connect this station to an InvenTree server, and show the connection.
 *   inventree connect [--db FILE] --url URL (--token T | --user U [--password-stdin])
 *   inventree status  [--db FILE]
 *   inventree pull [--db FILE] [--full]
 *   inventree sync [--once] [--interval S] [--full] [--db FILE]   (JSON summary: pulled, pushed, parked, …)
 *   inventree disconnect [--db FILE]
 * The password is read from stdin or typed at a prompt, never taken as an argument (arguments are visible to
 * every user of the machine and kept in shell history). The token is stored, never printed.
 */
import { createInterface } from 'node:readline'
import { setTimeout as sleep } from 'node:timers/promises'
import { Writable } from 'node:stream'
import { parseArgs } from 'node:util'
import { openDatabase } from '../core/db/connection'
import { connectDesk, disconnectDesk, type Login } from '../core/inventree/connect'
import { deskClient } from '../core/inventree/desk-client'
import { InventreeError } from '../core/inventree/errors'
import { pullReplica, ReplicaRefused, type PullProgress, type PullSummary } from '../core/inventree/pull'
import { inventreeStatus } from '../core/inventree/status'
import { syncDesk, type SyncSummary } from '../core/inventree/sync'
import { FileTokenStore, tokenFileFor } from '../core/inventree/token-store'
import { defaultDatabasePath } from '../core/paths'
import { INVENTREE_USAGE } from './inventree-usage'

class InventreeUsageError extends Error {}

async function firstLine(input: NodeJS.ReadableStream): Promise<string> {
  const lines = createInterface({ input, crlfDelay: Infinity })
  for await (const line of lines) {
    lines.close()
    return line
  }
  return ''
}

/** Reads a password at the terminal without echoing it. */
async function promptPassword(user: string): Promise<string> {
  let muted = false
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) process.stderr.write(chunk)
      done()
    },
  })
  const rl = createInterface({ input: process.stdin, output, terminal: true })
  const answer = new Promise<string>((resolve) => rl.question(`InvenTree password for ${user}: `, resolve))
  muted = true
  const password = await answer
  rl.close()
  process.stderr.write('\n')
  return password
}

/** One line per model on stderr, rewritten in place at a terminal; stdout carries only the JSON. */
function progressOnStderr(): (p: PullProgress) => void {
  let last = ''
  return (p) => {
    const line = `${p.label}: ${p.done}/${p.total}`
    if (process.stderr.isTTY) process.stderr.write(`\r${line}\x1b[K${p.done >= p.total ? '\n' : ''}`)
    else if (p.done >= p.total && line !== last) process.stderr.write(`${line}\n`)
    last = line
  }
}

export async function inventreeCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      db: { type: 'string' },
      url: { type: 'string' },
      token: { type: 'string' },
      user: { type: 'string' },
      'password-stdin': { type: 'boolean' },
      timeout: { type: 'string' },
      full: { type: 'boolean' },
      once: { type: 'boolean' },
      interval: { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  })
  const [command, ...rest] = positionals
  if (rest.length) throw new InventreeUsageError(`inventree ${command} takes no positional arguments`)
  const dbPath = values.db ?? defaultDatabasePath()
  const pullProgress = progressOnStderr()
  const tokens = new FileTokenStore(tokenFileFor(dbPath))
  const db = openDatabase(dbPath)
  try {
    switch (command) {
      case 'connect': {
        if (!values.url) throw new InventreeUsageError('inventree connect needs --url')
        if (!!values.token === !!values.user) throw new InventreeUsageError('give either --token or --user')
        let login: Login
        if (values.token) login = { token: values.token }
        else {
          const password =
            values['password-stdin'] || !process.stdin.isTTY
              ? await firstLine(process.stdin)
              : await promptPassword(values.user!)
          login = { user: values.user!, password }
        }
        try {
          const timeoutMs = values.timeout === undefined ? undefined : Number(values.timeout) * 1000
          await connectDesk(db, tokens, { url: values.url, login, timeoutMs })
        } catch (err) {
          if (!(err instanceof InventreeError)) throw err
          process.stderr.write(`${err.message}\n`)
          return 1
        }
        process.stdout.write(`${JSON.stringify(inventreeStatus(db, tokens), null, 2)}\n`)
        return 0
      }
      case 'pull': {
        const timeoutMs = values.timeout === undefined ? undefined : Number(values.timeout) * 1000
        let summary: PullSummary
        try {
          summary = await pullReplica(db, {
            client: deskClient(db, tokens, { timeoutMs }),
            full: values.full,
            onProgress: progressOnStderr(),
          })
        } catch (err) {
          if (!(err instanceof InventreeError) && !(err instanceof ReplicaRefused)) throw err
          process.stderr.write(`${err.message}\n`)
          return 1
        }
        process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`)
        return 0
      }
      case 'sync': {
        const timeoutMs = values.timeout === undefined ? undefined : Number(values.timeout) * 1000
        const intervalMs = (values.interval === undefined ? 30 : Number(values.interval)) * 1000
        // Without --once: a sync every interval until interrupted, one JSON summary line per sync.
        for (;;) {
          let summary: SyncSummary
          try {
            summary = await syncDesk(db, {
              client: deskClient(db, tokens, { timeoutMs }),
              full: values.full,
              onProgress: (p) => {
                if (p.phase === 'pull') pullProgress(p)
              },
            })
          } catch (err) {
            if (!(err instanceof InventreeError) && !(err instanceof ReplicaRefused)) throw err
            process.stderr.write(`${err.message}\n`)
            if (values.once) return 1
            await sleep(intervalMs)
            continue
          }
          process.stdout.write(values.once ? `${JSON.stringify(summary, null, 2)}\n` : `${JSON.stringify(summary)}\n`)
          if (values.once) return summary.stopped === null ? 0 : 1
          await sleep(intervalMs)
        }
      }
      case 'status':
        process.stdout.write(`${JSON.stringify(inventreeStatus(db, tokens), null, 2)}\n`)
        return 0
      case 'disconnect':
        disconnectDesk(db, tokens)
        process.stdout.write(`${JSON.stringify(inventreeStatus(db, tokens), null, 2)}\n`)
        return 0
      default:
        throw new InventreeUsageError(`Unknown inventree command "${command ?? ''}"\n${INVENTREE_USAGE}`)
    }
  } catch (err) {
    if (err instanceof InventreeUsageError) {
      process.stderr.write(`${err.message}\n\nUsage: npm run --silent cli -- inventree ...\n${INVENTREE_USAGE}\n`)
      return 2
    }
    throw err
  } finally {
    db.close()
  }
}
