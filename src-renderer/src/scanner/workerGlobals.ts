/**
 * quagga2's browser bundle is a UMD wrapper that passes `window` as its root object, which a Web Worker does not
 * have. Aliasing it to the worker's global scope lets the bundle load; quagga2 touches nothing else of `window`
 * on the path the pipeline uses (no canvas, no video, no DOM). Imported before anything else in the worker.
 */
const scope = globalThis as unknown as { window?: unknown }
if (typeof scope.window === 'undefined') scope.window = globalThis
export {}
