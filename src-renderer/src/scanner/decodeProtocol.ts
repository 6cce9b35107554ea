import type { DecodeEffort, DecodeReport, RgbaImage } from '../../../src-shared/decode'

export interface DecodeRequest {
  id: number
  image: RgbaImage
  effort: DecodeEffort
  /** Fast effort: the quagga2 pass to try (a live camera turns through them frame by frame). */
  quaggaPass?: number
}

export interface DecodeResponse {
  id: number
  /** Every symbol the frame held, with its evidence, and the confirmed one chosen (null on an error). */
  report: DecodeReport | null
  error?: string
}
