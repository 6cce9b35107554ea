/** Promise-based client of the decode worker: one request in flight per frame, answered by id. */
import type { DecodeEffort, DecodeReport, DecodeResult, RgbaImage } from '../../../src-shared/decode'
import type { DecodeRequest, DecodeResponse } from './decodeProtocol'

export interface DecodeClient {
  /** The confirmed symbol the image holds that carries the most, or null. */
  decode(image: RgbaImage, effort?: DecodeEffort): Promise<DecodeResult | null>
  /** Every symbol the image holds, confirmed or not (a live camera confirms them across frames). */
  read(image: RgbaImage, effort?: DecodeEffort, quaggaPass?: number): Promise<DecodeReport>
  terminate(): void
}

const EMPTY: DecodeReport = { symbols: [], chosen: null }

export function createDecodeClient(): DecodeClient {
  const worker = new Worker(new URL('./decode.worker.ts', import.meta.url), { type: 'module' })
  const pending = new Map<number, { resolve: (r: DecodeReport) => void; reject: (e: Error) => void }>()
  let nextId = 1
  worker.onmessage = (event: MessageEvent<DecodeResponse>) => {
    const { id, report, error } = event.data
    const waiter = pending.get(id)
    if (!waiter) return
    pending.delete(id)
    if (error) waiter.reject(new Error(error))
    else waiter.resolve(report ?? EMPTY)
  }
  worker.onerror = (event) => {
    for (const waiter of pending.values()) waiter.reject(new Error(event.message || 'decode worker failed'))
    pending.clear()
  }
  const read = (image: RgbaImage, effort: DecodeEffort = 'fast', quaggaPass?: number): Promise<DecodeReport> => {
    const id = nextId++
    const request: DecodeRequest = { id, image, effort, ...(quaggaPass === undefined ? {} : { quaggaPass }) }
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject })
      // The pixels move to the worker rather than being copied.
      worker.postMessage(request, [image.data.buffer as ArrayBuffer])
    })
  }
  return {
    read,
    async decode(image, effort) {
      const { chosen } = await read(image, effort)
      return chosen ? { text: chosen.text, format: chosen.format, symbologyId: chosen.symbologyId } : null
    },
    terminate() {
      worker.terminate()
      for (const waiter of pending.values()) waiter.reject(new Error('decode worker stopped'))
      pending.clear()
    },
  }
}
