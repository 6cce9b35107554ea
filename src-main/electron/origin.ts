/**
 * What counts as "the app's own origin": the built renderer's index.html under file://, or the electron-vite dev
 * server (ELECTRON_RENDERER_URL) in development. Every trust decision in main (IPC sender, permissions,
 * navigation, CSP) asks this one module.
 */
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

/** URL the window loads: the dev server in development, else the built renderer. */
export function rendererEntry(): { kind: 'url'; url: string } | { kind: 'file'; path: string } {
  const devUrl = process.env['ELECTRON_RENDERER_URL']
  if (devUrl) return { kind: 'url', url: devUrl }
  return { kind: 'file', path: rendererIndexPath() }
}

export function rendererIndexPath(): string {
  return join(import.meta.dirname, '../renderer/index.html')
}

const devOrigin = (): string | null => {
  const devUrl = process.env['ELECTRON_RENDERER_URL']
  if (!devUrl) return null
  try {
    return new URL(devUrl).origin
  } catch {
    return null
  }
}

/** The URL, or null when it does not parse (a URL that does not parse is never the app's). */
function parseUrl(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

/** True when `url` is a page of the app itself (the renderer's index.html, or any page of the dev server). */
export function isAppUrl(url: string): boolean {
  const parsed = parseUrl(url)
  if (!parsed) return false
  const dev = devOrigin()
  if (dev) return parsed.origin === dev
  if (parsed.protocol !== 'file:') return false
  const index = pathToFileURL(rendererIndexPath())
  return parsed.pathname === index.pathname
}

/** True when `url` is a resource the app serves (any file of the built renderer folder, or the dev server). */
export function isAppResource(url: string): boolean {
  const parsed = parseUrl(url)
  if (!parsed) return false
  const dev = devOrigin()
  if (dev) return parsed.origin === dev
  if (parsed.protocol !== 'file:') return false
  const dir = pathToFileURL(join(import.meta.dirname, '../renderer/')).pathname
  return parsed.pathname.startsWith(dir)
}
