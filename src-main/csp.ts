/**
 * The renderer's Content-Security-Policy, one definition for both hosts (Electron's session and the web host):
 * nothing remote, no `unsafe-eval`; wasm for the decoder; the only connections the host names.
 */
export function stationCsp(connectSources: string[]): string {
  return [
    "default-src 'none'",
    // zxing-wasm compiles its module in the page: wasm needs 'wasm-unsafe-eval', never 'unsafe-eval'.
    "script-src 'self' 'wasm-unsafe-eval'",
    "worker-src 'self' blob:",
    // Vue's static-tree hoisting sets style attributes through innerHTML (and the dev server injects <style>);
    // styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob: mediastream:",
    "font-src 'self' data:",
    ["connect-src 'self'", ...connectSources].join(' '),
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
  ].join('; ')
}
