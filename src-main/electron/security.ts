/**
 * Electron's security checklist applied to the app's session and windows: a strict CSP on the app's
 * responses, no navigation away from the app, no new windows (external https links on an allow-list go to the
 * system browser), and the camera as the only permission, for the app's own pages only. The session, the
 * webContents and the browser opener are parameters, so the rules are tested against a fake (security.test.ts).
 */
import type { Session, WebContents } from 'electron'
import { isAppResource, isAppUrl } from './origin'
import { stationCsp } from '../csp'

/** Hosts whose https links may be opened in the user's browser (documentation the UI links to). */
const EXTERNAL_LINK_HOSTS = new Set(['github.com', 'docs.inventree.org', 'inventree.org', 'www.electronjs.org'])

export function contentSecurityPolicy(dev: boolean): string {
  const devServer = process.env['ELECTRON_RENDERER_URL']
  // The dev server injects styles and talks HMR over a WebSocket; the built app needs neither.
  return stationCsp(dev && devServer ? [`ws://${new URL(devServer).host}`] : [])
}

/** Checks an external link against the allow-list: https only, no credentials, a listed host. */
export function isAllowedExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url)
    return (
      parsed.protocol === 'https:' && !parsed.username && !parsed.password && EXTERNAL_LINK_HOSTS.has(parsed.hostname)
    )
  } catch {
    return false
  }
}

/** Session-wide rules: CSP header on the app's responses, permission request and check handlers. */
export function secureSession(
  session: Pick<
    Session,
    'webRequest' | 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'
  >,
  dev: boolean,
): void {
  const csp = contentSecurityPolicy(dev)
  session.webRequest.onHeadersReceived((details, callback) => {
    if (!isAppResource(details.url)) return callback({ responseHeaders: details.responseHeaders })
    const headers = { ...details.responseHeaders }
    for (const name of Object.keys(headers)) {
      if (name.toLowerCase() === 'content-security-policy') delete headers[name]
    }
    headers['Content-Security-Policy'] = [csp]
    callback({ responseHeaders: headers })
  })

  session.setPermissionRequestHandler((_webContents, permission, callback, details) => {
    if (permission !== 'media' || !details.isMainFrame || !isAppUrl(details.requestingUrl)) return callback(false)
    // The camera only: a scanning station has no use for the microphone.
    const types = 'mediaTypes' in details ? (details.mediaTypes ?? []) : []
    callback(types.every((type) => type === 'video'))
  })

  session.setPermissionCheckHandler((_webContents, permission, _origin, details) => {
    if (permission !== 'media' || details.mediaType === 'audio') return false
    return details.isMainFrame && details.requestingUrl !== undefined && isAppUrl(details.requestingUrl)
  })

  // Device pickers (WebHID, WebSerial, WebUSB) are not used by the renderer: devices are main's job, so that a page can never claim a scanner.
  session.setDevicePermissionHandler(() => false)
}

/** Per-window rules: no navigation, no popups; allow-listed https links open in the system browser. */
export function secureWebContents(
  contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>,
  openExternal: (url: string) => Promise<void>,
): void {
  // In-app routing (vue-router) does not navigate; a real navigation, wherever to, is never allowed.
  contents.on('will-navigate', (event) => event.preventDefault())
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) {
      void openExternal(url)
    }
    return { action: 'deny' }
  })
}
