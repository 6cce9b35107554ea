/**
 * Decodes camera frames off the UI thread with the station's pipeline (src-shared/decode). zxing-wasm's wasm file is
 * bundled by Vite from the package and located here, never fetched from zxing-wasm's default CDN.
 */
import './workerGlobals'
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url'
import { configureZxing, decodeSymbols } from '../../../src-shared/decode'
import type { DecodeRequest, DecodeResponse } from './decodeProtocol'

configureZxing({
  locateFile: (path: string, prefix: string) =>
    path.endsWith('.wasm') ? new URL(wasmUrl, self.location.href).href : prefix + path,
})

self.onmessage = async (event: MessageEvent<DecodeRequest>) => {
  const { id, image, effort, quaggaPass } = event.data
  let response: DecodeResponse
  try {
    response = { id, report: await decodeSymbols(image, { effort, quaggaPass }) }
  } catch (error) {
    response = { id, report: null, error: error instanceof Error ? error.message : String(error) }
  }
  self.postMessage(response)
}
