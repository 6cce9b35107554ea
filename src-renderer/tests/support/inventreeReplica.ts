/**
 * A Station that is a replica of the InvenTree stand-in, for the screens that show the connection and the outbox.
 * Tests using it need the stand-in's schema (`schemaAbsent` skips them) and happy-dom's fetch to reach another
 * origin: their file starts with
 *   // @vitest-environment-options {"settings":{"fetch":{"disableSameOriginPolicy":true}}}
 * (the renderer project's window is http://localhost:3000; the Station's InvenTree client runs in the same
 * process and uses that window's fetch).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, expect } from 'vitest'
import { openDatabase } from '../../../src-main/core/db/connection'
import { writeTransaction } from '../../../src-main/core/db/write-transaction'
import { demoData, SCHEMA_PATH } from '../../../src-main/tests/inventree-standin/fixture'
import { startStandin, type Standin } from '../../../src-main/tests/inventree-standin/server'
import { installRealStation, type RealStation } from './realStation'
import { DEMO_ADMIN_PIN, DEMO_ADMIN_PIN_HASH } from '../../../src-main/core/demo/demo-data'

export { schemaAbsent, SKIP_REASON } from '../../../src-main/tests/inventree-standin/fixture'

export const REPLICA_ADMIN_BADGE = 'OP-ADMIN'
/** The replica admin's PIN: the demo's, whose hash is ready-made (hashing here would slow every test). */
export const REPLICA_ADMIN_PIN = DEMO_ADMIN_PIN

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const clean of cleanups.splice(0).reverse()) await clean()
})

export async function standin(): Promise<Standin> {
  const s = await startStandin({ data: demoData(), schemaPath: SCHEMA_PATH })
  cleanups.push(async () => {
    await s.close()
    // Every request the Station sent and every answer it relied on is one InvenTree's schema allows.
    expect(s.gate.rejections).toEqual([])
  })
  return s
}

/**
 * A Station on a new database file with one admin operator and no inventory of its own (a replica has none
 * before its first pull), whose background syncs never start by themselves: a test syncs when it says so.
 */
export function emptyStation(): RealStation {
  const dir = mkdtempSync(join(tmpdir(), 'scan-station-replica-'))
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  const dbPath = join(dir, 'replica.db')
  // Operators are the desk's own, never pulled: an admin is added as a person would before connecting.
  const db = openDatabase(dbPath)
  writeTransaction(db, () =>
    db
      .prepare("INSERT INTO operator (name, badge, role, pin_hash) VALUES ('Replica Admin', ?, 'admin', ?)")
      .run(REPLICA_ADMIN_BADGE, DEMO_ADMIN_PIN_HASH),
  )
  db.close()
  return installRealStation({
    station: { dbPath, demo: false, syncIntervalMs: 0, syncKickDelayMs: 3_600_000, inventreeTimeoutMs: 5000 },
  })
}

/** An empty Station connected to the stand-in as its `desk` user, with the replica pulled. */
export async function connectedReplica(): Promise<{ real: RealStation; server: Standin }> {
  const server = await standin()
  const real = emptyStation()
  await real.call('signIn', { badge: REPLICA_ADMIN_BADGE, pin: REPLICA_ADMIN_PIN })
  await real.call('inventreeConnect', { url: server.url, token: server.issueToken('desk') })
  await real.call('inventreeSync', {})
  return { real, server }
}

/**
 * A replica with two desk actions the server refused (parked, each with the server's reason) and one queued
 * behind them: a count of stock item 1, which was deleted on the server meanwhile, and a move of stock item 2 to
 * Goods-in, which the server made a structural location meanwhile; then a new count of item 1 no sync has sent.
 */
export async function replicaWithParkedRows(): Promise<{ real: RealStation; server: Standin }> {
  const { real, server } = await connectedReplica()
  await real.call('stockAction', { action: 'count', items: [1], quantity: 240 })
  await real.call('stockAction', { action: 'move', items: [2], location: 2 })
  // Changed on the server since the pull: InvenTree refuses to count an item it no longer has, and to put stock
  // into a structural location.
  const { state } = server
  state.remove(state.stock, state.stock.get(1)!)
  state.patch(state.locations, state.locations.get(2)!, { structural: true })
  await real.call('inventreeSync', {})
  await real.call('stockAction', { action: 'count', items: [1], quantity: 230 })
  return { real, server }
}
