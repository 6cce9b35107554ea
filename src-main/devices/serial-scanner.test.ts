/**
 * The serial scanner over a real pty pair from socat: one end is the "scanner" port the manager opens (through a
 * stable symlink, `link=…`, so the path survives a socat restart: that is the unplug/replug), the other end is
 * where the test writes what the scanner would send. Every wait is bounded; socat processes are killed after each
 * test.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { EventEmitter } from 'node:events'
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { DeviceStatus } from '../contract'
import { SerialScanner, type DroppedScan, type PortLike } from './serial-scanner'

const hasSocat = spawnSync('socat', ['-V'], { stdio: 'ignore' }).status === 0

interface Socat {
  proc: ChildProcess
  /** The two /dev/pts paths, parsed from socat's stderr. */
  ptys: [string, string]
}

async function waitFor(what: string, predicate: () => boolean, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs
  while (!predicate()) {
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 10))
  }
}

describe.skipIf(!hasSocat)('SerialScanner over a socat pty pair', () => {
  let dir: string
  const procs: ChildProcess[] = []
  let scanner: SerialScanner | null = null

  function startSocat(): Promise<Socat> {
    const proc = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${join(dir, 'scanner')}`, 'pty,raw,echo=0'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    procs.push(proc)
    return new Promise((resolve, reject) => {
      let err = ''
      const timer = setTimeout(() => reject(new Error(`socat did not start: ${err}`)), 5000)
      proc.on('exit', (code) => reject(new Error(`socat exited (${code}): ${err}`)))
      proc.stderr!.on('data', (d: Buffer) => {
        err += d.toString()
        const ptys = [...err.matchAll(/PTY is (\/dev\/pts\/\d+)/g)].map((m) => m[1])
        if (ptys.length === 2 && err.includes('starting data transfer loop')) {
          clearTimeout(timer)
          resolve({ proc, ptys: [ptys[0], ptys[1]] })
        }
      })
    })
  }

  const send = (socat: Socat, text: string): void => {
    const fd = openSync(socat.ptys[1], 'w')
    try {
      writeSync(fd, text)
    } finally {
      closeSync(fd)
    }
  }

  const kill = async (socat: Socat): Promise<void> => {
    if (socat.proc.exitCode !== null) return
    const exited = new Promise<void>((r) => socat.proc.once('exit', () => r()))
    socat.proc.kill('SIGKILL')
    await exited
  }

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'scan-station-serial-'))
  })

  afterEach(async () => {
    await scanner?.stop()
    scanner = null
    for (const p of procs.splice(0)) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL')
    rmSync(dir, { recursive: true, force: true })
  })

  function makeScanner(terminator: 'CR' | 'ANY' = 'CR') {
    const scans: string[] = []
    const statuses: DeviceStatus[] = []
    const dropped: DroppedScan[] = []
    scanner = new SerialScanner(
      { path: join(dir, 'scanner'), baudRate: 115200, terminator, reconnectInitialMs: 50, reconnectMaxMs: 200 },
      { onScan: (d) => scans.push(d), onStatus: (s) => statuses.push(s), onDropped: (d) => dropped.push(d) },
    )
    return { scans, statuses, dropped, scanner }
  }

  it('scans written to the other end arrive as lines', async () => {
    const socat = await startSocat()
    expect(existsSync(socat.ptys[0]) && existsSync(socat.ptys[1])).toBe(true)
    const { scans, statuses, scanner } = makeScanner()
    scanner.start()
    await waitFor('connected', () => statuses.some((s) => s.state === 'connected'))
    expect(statuses.at(-1)).toMatchObject({ id: `serial:${join(dir, 'scanner')}`, kind: 'serial', state: 'connected' })
    send(socat, 'INV-SI5\r[)>\x1e06\x1dPABC\x1dQ10\x1e\x04\r')
    send(socat, 'INV-')
    send(socat, 'SL12\r')
    await waitFor('three scans', () => scans.length === 3)
    expect(scans).toEqual(['INV-SI5', '[)>\x1e06\x1dPABC\x1dQ10\x1e\x04', 'INV-SL12'])
  })

  it('an unplug mid-scan reports the dropped partial and disconnected; after replug the next scan is clean', async () => {
    const first = await startSocat()
    const { scans, statuses, dropped, scanner } = makeScanner()
    scanner.start()
    await waitFor('connected', () => statuses.some((s) => s.state === 'connected'))
    send(first, 'INV-SI5\rINV-S')
    await waitFor('first scan', () => scans.length === 1)
    await new Promise((r) => setTimeout(r, 100)) // let the partial bytes reach the framer
    await kill(first) // the unplug
    await waitFor('disconnected', () => statuses.some((s) => s.state === 'disconnected'))
    expect(dropped).toEqual([{ device: `serial:${join(dir, 'scanner')}`, partial: 'INV-S', reason: 'disconnected' }])

    const second = await startSocat() // the replug: a new pty pair, same link path
    await waitFor('reconnected', () => statuses.filter((s) => s.state === 'connected').length === 2)
    send(second, 'INV-SL12\r')
    await waitFor('second scan', () => scans.length === 2)
    expect(scans).toEqual(['INV-SI5', 'INV-SL12']) // clean: not 'INV-SINV-SL12'
    expect(statuses.map((s) => s.state)).toEqual(['connected', 'disconnected', 'connected'])
  })

  it('a port that is not there yet: error once, then connects when it appears', async () => {
    const { scans, statuses, scanner } = makeScanner('ANY')
    scanner.start()
    await waitFor('error status', () => statuses.length > 0)
    expect(statuses[0]).toMatchObject({ state: 'error' })
    await new Promise((r) => setTimeout(r, 300)) // several failed attempts: no status spam
    expect(statuses).toHaveLength(1)
    const socat = await startSocat()
    await waitFor('connected', () => statuses.some((s) => s.state === 'connected'))
    send(socat, 'INV-SI5\n')
    await waitFor('scan', () => scans.length === 1)
    expect(scans).toEqual(['INV-SI5'])
  })
})

describe('SerialScanner with a fake port', () => {
  it('an error event is an unplug: partial dropped, disconnected, reconnect attempted', async () => {
    const ports: FakePort[] = []
    const statuses: DeviceStatus[] = []
    const dropped: DroppedScan[] = []
    const scans: string[] = []
    const s = new SerialScanner(
      { path: '/dev/fake', terminator: 'LF', reconnectInitialMs: 10, reconnectMaxMs: 20 },
      { onScan: (d) => scans.push(d), onStatus: (st) => statuses.push(st), onDropped: (d) => dropped.push(d) },
      async () => {
        const p = new FakePort()
        ports.push(p)
        return p
      },
    )
    s.start()
    await waitFor('open', () => statuses.length === 1)
    ports[0].emit('data', Buffer.from('A1\nB'))
    ports[0].emit('error', new Error('EIO'))
    await waitFor('reopen', () => statuses.length === 3)
    ports[1].emit('data', Buffer.from('C3\n'))
    expect(scans).toEqual(['A1', 'C3'])
    expect(dropped.map((d) => d.partial)).toEqual(['B'])
    expect(statuses.map((st) => st.state)).toEqual(['connected', 'disconnected', 'connected'])
    await s.stop()
  })
})

class FakePort extends EventEmitter implements PortLike {
  isOpen = false
  open(cb: (err: Error | null) => void): void {
    setImmediate(() => {
      this.isOpen = true
      cb(null)
    })
  }
  close(cb?: (err: Error | null) => void): void {
    this.isOpen = false
    cb?.(null)
  }
}
