/** Promise-based client of the decode worker: one request in flight per frame, answered by id. */
import type { DecodeEffort, DecodeResult, RgbaImage } from '../../../src-shared/decode'
import type { DecodeRequest, DecodeResponse } from './decodeProtocol'

export interface DecodeClient {
  decode(image: RgbaImage, effort?: DecodeEffort): Promise<DecodeResult | null>
  terminate(): void
}

export function createDecodeClient(): DecodeClient {
  const worker = new Worker(new URL('./decode.worker.ts', import.meta.url), { type: 'module' })
  const pending = new Map<number, { resolve: (r: DecodeResult | null) => void; reject: (e: Error) => void }>()
  let nextId = 1
  worker.onmessage = (event: MessageEvent<DecodeResponse>) => {
    const { id, result, error } = event.data
    const waiter = pending.get(id)
    if (!waiter) return
    pending.delete(id)
    if (error) waiter.reject(new Error(error))
    else waiter.resolve(result)
  }
  worker.onerror = (event) => {
    for (const waiter of pending.values()) waiter.reject(new Error(event.message || 'decode worker failed'))
    pending.clear()
  }
  return {
    decode(image, effort = 'fast') {
      const id = nextId++
      const request: DecodeRequest = { id, image, effort }
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject })
        // The pixels move to the worker rather than being copied.
        worker.postMessage(request, [image.data.buffer as ArrayBuffer])
      })
    },
    terminate() {
      worker.terminate()
      for (const waiter of pending.values()) waiter.reject(new Error('decode worker stopped'))
      pending.clear()
    },
  }
}
