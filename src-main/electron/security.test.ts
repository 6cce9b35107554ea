/**
 * The window and session rules against a fake Electron: navigation and new windows blocked (allow-listed https
 * links to the system browser), the camera as the only permission and for the app's own page only, the CSP on the
 * app's responses.
 */
import { pathToFileURL } from 'node:url'
import type { Session, WebContents } from 'electron'
import { beforeEach, describe, expect, it } from 'vitest'
import { rendererIndexPath } from './origin'
import { secureSession, secureWebContents } from './security'
import { FakeSession, FakeWebContents } from './testing/fake-electron'

const APP = pathToFileURL(rendererIndexPath()).href
const FOREIGN = 'https://evil.example/'

describe('a window of the station', () => {
  let contents: FakeWebContents
  let opened: string[]
  beforeEach(() => {
    delete process.env['ELECTRON_RENDERER_URL']
    contents = new FakeWebContents()
    opened = []
    secureWebContents(contents as unknown as WebContents, async (url) => void opened.push(url))
  })

  it('never navigates, wherever to, nor attaches a webview', () => {
    expect(contents.fire('will-navigate', FOREIGN).defaultPrevented).toBe(true)
    expect(contents.fire('will-navigate', APP).defaultPrevented).toBe(true)
    expect(contents.fire('will-attach-webview').defaultPrevented).toBe(true)
  })

  it('follows a redirect within the app only', () => {
    expect(contents.fire('will-redirect', FOREIGN).defaultPrevented).toBe(true)
    expect(contents.fire('will-redirect', APP).defaultPrevented).toBe(false)
  })

  it('opens no window; an allow-listed https link goes to the system browser, nothing else does', () => {
    const open = (url: string) => contents.windowOpenHandler!({ url })
    expect(open('https://docs.inventree.org/en/latest/')).toEqual({ action: 'deny' })
    expect(open(FOREIGN)).toEqual({ action: 'deny' })
    expect(open('http://docs.inventree.org/')).toEqual({ action: 'deny' })
    expect(open('https://user:pw@github.com/')).toEqual({ action: 'deny' })
    expect(open('file:///etc/passwd')).toEqual({ action: 'deny' })
    expect(opened).toEqual(['https://docs.inventree.org/en/latest/'])
  })
})

describe('the session', () => {
  let session: FakeSession
  beforeEach(() => {
    delete process.env['ELECTRON_RENDERER_URL']
    session = new FakeSession()
    secureSession(session as unknown as Session, false)
  })

  it('grants the camera to the app’s own page, and nothing else to anyone', async () => {
    const camera = { isMainFrame: true, requestingUrl: APP, mediaTypes: ['video'] }
    expect(await session.request('media', camera)).toBe(true)
    expect(await session.request('media', { ...camera, mediaTypes: ['video', 'audio'] })).toBe(false)
    expect(await session.request('media', { ...camera, isMainFrame: false })).toBe(false)
    expect(await session.request('media', { ...camera, requestingUrl: FOREIGN })).toBe(false)
    for (const permission of ['geolocation', 'notifications', 'clipboard-read', 'hid', 'serial'])
      expect(await session.request(permission, camera), permission).toBe(false)
  })

  it('answers permission checks the same way, and no device picker ever', () => {
    const check = (permission: string, details: Record<string, unknown>) =>
      session.permissionCheck!(null, permission, '', details)
    expect(check('media', { isMainFrame: true, requestingUrl: APP, mediaType: 'video' })).toBe(true)
    expect(check('media', { isMainFrame: true, requestingUrl: APP, mediaType: 'audio' })).toBe(false)
    expect(check('media', { isMainFrame: true, requestingUrl: FOREIGN, mediaType: 'video' })).toBe(false)
    expect(check('media', { isMainFrame: true, mediaType: 'video' })).toBe(false)
    expect(check('geolocation', { isMainFrame: true, requestingUrl: APP })).toBe(false)
    expect(session.devicePermission!()).toBe(false)
  })

  it('puts the station’s CSP on its own responses, replacing any other, and leaves foreign ones alone', () => {
    const respond = (url: string, headers: Record<string, string[]>) => {
      let result: Record<string, string[]> | undefined
      session.headersListener!({ url, responseHeaders: headers }, (r) => (result = r.responseHeaders))
      return result
    }
    const own = respond(APP, { 'content-security-policy': ["default-src *; script-src 'unsafe-eval'"] })
    expect(Object.keys(own!).filter((k) => k.toLowerCase() === 'content-security-policy')).toHaveLength(1)
    expect(own!['Content-Security-Policy']![0]).not.toContain("'unsafe-eval'")
    expect(own!['Content-Security-Policy']![0]).toMatch(/^default-src 'none';/)
    expect(respond(FOREIGN, { a: ['b'] })).toEqual({ a: ['b'] })
  })
})
