/**
 * The update policy against a fake updater: off unless enabled with a feed, checks the desk's feed, and never
 * restarts the station while a session holds work — it waits and installs once the desk is free.
 */
import { EventEmitter } from 'node:events'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { startUpdates, type DeskUpdater } from './updates'

class FakeUpdater extends EventEmitter {
  autoDownload = false
  autoInstallOnAppQuit = false
  feed: { provider: 'generic'; url: string } | null = null
  checks = 0
  installs = 0
  setFeedURL(options: { provider: 'generic'; url: string }): void {
    this.feed = options
  }
  async checkForUpdates(): Promise<unknown> {
    this.checks++
    return null
  }
  quitAndInstall(): void {
    this.installs++
  }
}

const log = { info: () => {}, warn: () => {} }
const FEED = 'https://updates.example.com/scan-station/'

describe('updates', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('does nothing while off, or on without a feed', () => {
    for (const [enabled, feedUrl] of [
      [false, FEED],
      [true, ''],
    ] as const) {
      const updater = new FakeUpdater()
      startUpdates(updater as DeskUpdater, { enabled, feedUrl, busy: () => false, log })
      vi.advanceTimersByTime(24 * 3_600_000)
      expect(updater).toMatchObject({ feed: null, checks: 0, autoDownload: false })
    }
  })

  it('checks the configured feed at once and then periodically', () => {
    const updater = new FakeUpdater()
    const stop = startUpdates(updater as DeskUpdater, {
      enabled: true,
      feedUrl: FEED,
      busy: () => false,
      log,
      checkEveryMs: 3_600_000,
    })
    expect(updater.feed).toEqual({ provider: 'generic', url: FEED })
    expect(updater.checks).toBe(1)
    vi.advanceTimersByTime(3 * 3_600_000)
    expect(updater.checks).toBe(4)
    stop()
    vi.advanceTimersByTime(3 * 3_600_000)
    expect(updater.checks).toBe(4)
  })

  it('installs a downloaded update at once on a free desk', () => {
    const updater = new FakeUpdater()
    startUpdates(updater as DeskUpdater, { enabled: true, feedUrl: FEED, busy: () => false, log })
    updater.emit('update-downloaded', { version: '0.2.0' })
    expect(updater.installs).toBe(1)
  })

  it('never restarts during an open session: waits, then installs once the session is closed', () => {
    let busy = true
    const updater = new FakeUpdater()
    startUpdates(updater as DeskUpdater, { enabled: true, feedUrl: FEED, busy: () => busy, log, retryMs: 60_000 })
    updater.emit('update-downloaded', { version: '0.2.0' })
    // A second download event while waiting starts no second wait.
    updater.emit('update-downloaded', { version: '0.2.0' })
    vi.advanceTimersByTime(10 * 60_000)
    expect(updater.installs).toBe(0)
    // It is still installed at the next ordinary quit, which is no restart in the middle of work.
    expect(updater.autoInstallOnAppQuit).toBe(true)
    busy = false
    vi.advanceTimersByTime(60_000)
    expect(updater.installs).toBe(1)
    vi.advanceTimersByTime(10 * 60_000)
    expect(updater.installs).toBe(1)
  })
})
