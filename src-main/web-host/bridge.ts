/**
 * Where the web host serves its page bridge (page/bridge.ts, built into the renderer folder as station-bridge.js)
 * and the WebSocket path the bridge connects to. No Node imports: the page bridge imports these too.
 */
export const BRIDGE_PATH = '/station-bridge.js'
export const SOCKET_PATH = '/ws'
