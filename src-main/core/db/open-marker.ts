/**
 * Tells an unclean shutdown from a clean one: each open of the database leaves a small marker file beside it,
 * named by its process, and removes it on a clean close. A marker whose process is gone means that process
 * crashed or was killed with the file open, so the next open runs SQLite's full integrity check, not the quick one.
 * Markers are per process (and per open within one), so the CLI beside the app never takes the app's for a crash.
 */
import { readdirSync, rmSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'

let opened = 0

const prefix = (dbPath: string): string => `${basename(dbPath)}.open-`

function alive(pid: number): boolean {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Markers left by processes that no longer run. */
export function staleMarkers(dbPath: string): string[] {
  const dir = dirname(dbPath)
  const own = prefix(dbPath)
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return []
  }
  return names
    .filter((name) => name.startsWith(own))
    .filter((name) => !alive(Number(name.slice(own.length).split('-')[0])))
    .map((name) => join(dir, name))
}

export function clearMarkers(markers: string[]): void {
  for (const marker of markers) rmSync(marker, { force: true })
}

/** Leaves this open's marker; the function returned removes it (the clean close). */
export function leaveMarker(dbPath: string): () => void {
  opened += 1
  const marker = join(dirname(dbPath), `${prefix(dbPath)}${process.pid}-${opened}`)
  writeFileSync(marker, `${new Date().toISOString()}\n`)
  return () => rmSync(marker, { force: true })
}
