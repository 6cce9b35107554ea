/**
 * The station killed (SIGKILL, no chance to clean up) at 12 random moments while it pushes 200 queued desk
 * actions: after a restart and a sync, the server holds exactly what a push without kills leaves.
 */
import { spawn } from 'node:child_process'
import { copyFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../core/db/connection'
import { createInventreeClient } from '../core/inventree/client'
import { syncDesk } from '../core/inventree/sync'
import type { Station } from '../core/station'
import { demoData, schemaAbsent, SKIP_REASON } from '../tests/inventree-standin/fixture'
import type { Standin } from '../tests/inventree-standin/server'
import type { StandinData } from '../tests/inventree-standin/state'
import { openReplicaStation, receiveBags, startDemoStandin } from '../tests/support/replica-station'
import { dbOf } from '../tests/support/station'

if (schemaAbsent) console.warn(SKIP_REASON)

const KILLS = 12
const TOKEN = 'inv-kill-test-token'

/** The demo server with a token both servers know, so the reference copy of the desk can push to its own. */
function serverData(): StandinData {
  const data = demoData()
  data.tokens = [{ token: TOKEN, user: 4, name: 'kill test' }]
  return data
}

/** 200 desk actions of every kind the outbox holds, done at the desk while nothing is pushed. */
function queueActions(station: Station): void {
  station.signIn({ badge: 'OP-1001' })
  for (let s = 0; s < 4; s++)
    receiveBags(
      station,
      Array.from({ length: 20 }, (_, n) => ({ line: (n % 2) as 0 | 1, qty: 1 + (n % 3), lot: `K${s}-${n}` })),
    )
  for (let n = 0; n < 60; n++)
    station.stockAction({ action: 'move', items: [1 + (n % 2)], location: n % 4 < 2 ? 2 : 3 })
  for (let n = 0; n < 30; n++) station.stockAction({ action: 'count', items: [1], quantity: 100 + n })
  for (let n = 0; n < 20; n++)
    station.stockAction({ action: n % 2 ? 'remove' : 'add', items: [2], quantity: n % 2 ? 1 : 2 })
  for (let n = 0; n < 10; n++)
    if (n % 2 === 0) station.link({ model: 'stockitem', pk: 1, data: `CARTON-${n}` })
    else station.unlink({ model: 'stockitem', pk: 1 })
  const queued = dbOf(station).prepare("SELECT count(*) FROM inventree_outbox WHERE state = 'queued'").pluck().get()
  expect(queued).toBe(200)
}

/** `inventree sync --once` in its own process; killed with SIGKILL once it has pushed for a random moment. */
function syncProcess(dbPath: string, standin: Standin, killAfterMs: number | null): Promise<number | null> {
  return new Promise((resolve) => {
    // Node itself with tsx's loader: the tsx launcher runs the CLI in a child of its own, which a SIGKILL of the
    // launcher would leave running.
    const args = ['--import', 'tsx', 'src-main/cli/main.ts', 'inventree', 'sync', '--once', '--db', dbPath]
    const child = spawn(process.execPath, args, { stdio: 'ignore' })
    let timer: NodeJS.Timeout | null = null
    if (killAfterMs !== null) {
      // The kill lands during the push: counted from the first request this process makes to the server.
      const seen = standin.state.applied.length
      const poll = setInterval(() => {
        if (standin.state.applied.length === seen) return
        clearInterval(poll)
        timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs)
      }, 5)
      child.on('exit', () => clearInterval(poll))
    }
    child.on('exit', (code) => {
      if (timer) clearTimeout(timer)
      resolve(code)
    })
  })
}

describe.skipIf(schemaAbsent)('a push cut by kill -9', { timeout: 240_000 }, () => {
  it(`leaves the server as an uncut push does, after ${KILLS} kills at random moments`, async () => {
    const killed = await startDemoStandin(serverData())
    const reference = await startDemoStandin(serverData())
    try {
      const station = await openReplicaStation(killed)
      const dbPath = station.dbPath
      queueActions(station)
      station.close()
      const copyPath = `${dbPath}.reference.db`
      copyFileSync(dbPath, copyPath)

      // Every request answered a little late, as over a real network, so the kills land between and inside calls.
      killed.faults.delayMs = 8
      reference.faults.delayMs = 8
      const copy = openDatabase(copyPath)
      try {
        const uncut = await syncDesk(copy, {
          client: createInventreeClient({ url: reference.url, credentials: { token: TOKEN } }),
        })
        expect(uncut).toMatchObject({ queued: 0, stopped: null })
      } finally {
        copy.close()
      }

      let kills = 0
      for (let n = 0; n < KILLS; n++) {
        const code = await syncProcess(dbPath, killed, Math.floor(Math.random() * 250))
        if (code === null) kills++
      }
      expect(kills).toBeGreaterThanOrEqual(KILLS - 2)
      expect(await syncProcess(dbPath, killed, null)).toBe(0)

      expect(killed.state.snapshot()).toEqual(reference.state.snapshot())
      const writes = (s: Standin) =>
        s.state.applied.reduce<Record<string, number>>(
          (n, a) => ({ ...n, [a.operationId]: (n[a.operationId] ?? 0) + 1 }),
          {},
        )
      expect(writes(killed)).toEqual(writes(reference))
      const states = (path: string) => {
        const db = openDatabase(path)
        try {
          return db.prepare('SELECT state, count(*) AS n FROM inventree_outbox GROUP BY state').all()
        } finally {
          db.close()
        }
      }
      expect(states(dbPath)).toEqual(states(copyPath))
      expect(killed.gate.rejections).toEqual([])
      expect(reference.gate.rejections).toEqual([])
    } finally {
      await killed.close()
      await reference.close()
    }
  })
})
