/**
 * Desk mode's decisions against a fake Electron (testing/fake-electron.ts): one instance, the kiosk switch, the
 * window a clerk cannot close, the crash restart and its limit, no menu, start at login (Electron login items and the Linux autostart entry).
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  applyLinuxAutostart,
  applyMenu,
  applyStartAtLogin,
  claimSingleInstance,
  deskWindowOptions,
  focusWindow,
  guardClose,
  isDeskMode,
  kioskSwitch,
  restartOnCrash,
} from './desk'
import { FakeApp, FakeWebContents, FakeWindow } from './testing/fake-electron'

describe('one instance per desk', () => {
  it('a second launch quits at once and registers nothing', () => {
    const app = new FakeApp(false)
    expect(claimSingleInstance(app, () => {})).toBe(false)
    expect(app.quitCalls).toBe(1)
    expect(app.listenerCount('second-instance')).toBe(0)
  })

  it('the first instance keeps running and brings its minimised window forward when launched again', () => {
    const app = new FakeApp(true)
    const window = new FakeWindow()
    window.minimized = true
    expect(claimSingleInstance(app, () => focusWindow(window))).toBe(true)
    expect(app.quitCalls).toBe(0)
    expect(window.focused).toBe(0)
    app.emit('second-instance')
    expect(window).toMatchObject({ minimized: false, shown: true, focused: 1 })
  })

  it('a second launch before the window exists is harmless', () => {
    expect(() => focusWindow(null)).not.toThrow()
  })
})

describe('the kiosk switch', () => {
  it('--kiosk and --no-kiosk override the setting; the last one given wins', () => {
    expect(kioskSwitch(['electron', '.'])).toBeNull()
    expect(isDeskMode(['electron', '.'], true)).toBe(true)
    expect(isDeskMode(['electron', '.'], false)).toBe(false)
    expect(isDeskMode(['station', '--kiosk'], false)).toBe(true)
    expect(isDeskMode(['station', '--no-kiosk'], true)).toBe(false)
    expect(isDeskMode(['station', '--kiosk', '--no-kiosk'], true)).toBe(false)
    expect(isDeskMode(['station', '--kiosky'], false)).toBe(false)
  })

  it('opens a full-screen kiosk window in desk mode, an ordinary one otherwise', () => {
    expect(deskWindowOptions(true)).toEqual({ kiosk: true, fullscreen: true, autoHideMenuBar: true })
    expect(deskWindowOptions(false)).toEqual({ kiosk: false, fullscreen: false, autoHideMenuBar: true })
  })

  it('removes the application menu in desk mode only', () => {
    const calls: unknown[] = []
    const menu = { setApplicationMenu: (m: null) => void calls.push(m) }
    applyMenu(menu, false)
    expect(calls).toEqual([])
    applyMenu(menu, true)
    expect(calls).toEqual([null])
  })

  it('a desk window does not close until the station quits; an ordinary one closes', () => {
    let desk = true
    let quitting = false
    const window = new FakeWindow()
    guardClose(
      window,
      () => desk,
      () => quitting,
    )
    expect(window.tryClose()).toBe(false)
    quitting = true
    expect(window.tryClose()).toBe(true)
    quitting = false
    desk = false
    expect(window.tryClose()).toBe(true)
  })

  it('starts at login with the kiosk switch when the desk is in desk mode', () => {
    const app = new FakeApp(true)
    applyStartAtLogin(app, true, true)
    expect(app.loginItem).toEqual({ openAtLogin: true, args: ['--kiosk'] })
    applyStartAtLogin(app, false, false)
    expect(app.loginItem).toEqual({ openAtLogin: false, args: [] })
  })
})

describe('restart after a renderer crash', () => {
  const crash = { reason: 'crashed', exitCode: 139 }

  it('reloads the page after a crash or a kill, not after a clean exit', () => {
    const contents = new FakeWebContents()
    const restarts: number[] = []
    restartOnCrash(contents, { onRestart: (_d, n) => restarts.push(n) })
    contents.fire('render-process-gone', crash)
    contents.fire('render-process-gone', { reason: 'oom', exitCode: 0 })
    contents.fire('render-process-gone', { reason: 'clean-exit', exitCode: 0 })
    expect(contents.reloads).toBe(2)
    expect(restarts).toEqual([1, 2])
  })

  it('gives up on a crash loop, once, and counts again after the window has passed', () => {
    let now = 0
    const contents = new FakeWebContents()
    const gaveUp: string[] = []
    restartOnCrash(contents, {
      maxRestarts: 3,
      windowMs: 60_000,
      now: () => now,
      onGiveUp: (d) => gaveUp.push(d.reason),
    })
    for (let i = 0; i < 3; i++) {
      now += 1000
      contents.fire('render-process-gone', crash)
    }
    expect(contents.reloads).toBe(3)
    now += 1000
    contents.fire('render-process-gone', crash)
    contents.fire('render-process-gone', crash)
    expect(contents.reloads).toBe(3)
    expect(gaveUp).toEqual(['crashed'])

    // Crashes spread out are not a loop: each one restarts.
    const spread = new FakeWebContents()
    restartOnCrash(spread, { maxRestarts: 3, windowMs: 60_000, now: () => now })
    for (let i = 0; i < 10; i++) {
      now += 30_000
      spread.fire('render-process-gone', crash)
    }
    expect(spread.reloads).toBe(10)
  })

  it('does not reload a window that is already gone', () => {
    const contents = new FakeWebContents()
    restartOnCrash(contents)
    contents.destroyed = true
    contents.fire('render-process-gone', crash)
    expect(contents.reloads).toBe(0)
  })
})

describe('start at login on Linux', () => {
  it('writes an autostart entry that starts the station (in desk mode when asked) and removes it when off', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'autostart-')), 'autostart')
    const file = join(dir, 'scan-station.desktop')
    applyLinuxAutostart(dir, '/opt/Scan Station/scan-station', true, true)
    const entry = readFileSync(file, 'utf8')
    expect(entry).toMatch(/^\[Desktop Entry\]\n/)
    expect(entry).toContain('Exec="/opt/Scan Station/scan-station" --kiosk\n')
    applyLinuxAutostart(dir, '/usr/bin/scan-station', true, false)
    expect(readFileSync(file, 'utf8')).toContain('Exec=/usr/bin/scan-station\n')
    applyLinuxAutostart(dir, '/usr/bin/scan-station', false, false)
    expect(existsSync(file)).toBe(false)
    expect(() => applyLinuxAutostart(dir, '/usr/bin/scan-station', false, false)).not.toThrow()
  })
})
